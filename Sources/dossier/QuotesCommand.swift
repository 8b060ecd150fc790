import ArgumentParser
import DossierModel
import DossierUI
import Foundation

struct QuotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes", abstract: "List the quotes with their speakers: who said what, where.")

    enum KindFilter: String, ExpressibleByArgument, CaseIterable { case speech, term, reported }

    @OptionGroup var corpusOptions: CorpusOptions
    @Option(help: "Only quotes of this actor (name or alias; a unique part of one will do).") var actor: String?
    @Option(help: "Only quotes from articles of this source.") var source: String?
    @Option(help: "speech, term or reported.") var kind: KindFilter?
    @Flag(help: "Print JSON.") var json = false

    struct Row: Encodable {
        var id: String
        var speaker: String?
        var speakerId: String?
        var source: String?
        var article: String
        var file: String
        var date: String?
        var kind: String
        var cue: String?
        var via: String?
        var text: String
        var start: Int
        var end: Int
        var alsoIn: [String]
    }

    func run() throws {
        let corpus = try corpusOptions.load()
        var actorIndex: Int?
        if let actor {
            guard let index = corpus.actorIndex(matching: actor) else {
                Output.error("error: no actor matches '\(TerminalSafe.text(actor, keepNewlines: false))' (see `dossier actors`)")
                throw ExitCode(64)
            }
            actorIndex = index
        }
        let chosen = QuotesCommand.chosen(corpus, actor: actorIndex, source: source, kind: kind.map { Quote.Kind(rawValue: $0.rawValue)! })
        // Rows are made and written a block at a time: at 100k articles the million rows made
        // first took 1.65 GB, and a write per line most of the 17 s.
        if json {
            // the words read from a snapshot's mapping are let go a block at a time
            JSONStream.array(count: chosen.count, sink: Output.data, make: { QuotesCommand.row(corpus, chosen[$0].quote, in: chosen[$0].article) },
                             encoded: { range in corpus.letGoOfWords(ofQuotes: chosen[range].lazy.map(\.quote)) })
            Output.data(Data([0x0A]))
            return
        }
        let width = Output.width
        for start in stride(from: 0, to: chosen.count, by: 1024) {
            var text = ""
            for (q, article) in chosen[start..<min(start + 1024, chosen.count)] {
                let row = QuotesCommand.row(corpus, q, in: article)
                var head = row.speaker ?? "(no speaker)"
                head += " · " + (row.source ?? "unknown source") + " · " + row.article
                if row.kind != "speech" { head += " · " + row.kind }
                text += DisplayWidth.truncate(TerminalSafe.text(head, keepNewlines: false), to: width) + "\n"
                let quoted = row.kind == "reported" ? row.text : "“" + row.text + "”"
                for line in DisplayWidth.wrap(TerminalSafe.text(quoted, keepNewlines: false), width: width - 2) { text += "  " + line + "\n" }
                if !row.alsoIn.isEmpty { text += "  also in: " + row.alsoIn.joined(separator: ", ") + "\n" }
            }
            Output.write(text)
            corpus.letGoOfWords(ofQuotes: chosen[start..<min(start + 1024, chosen.count)].lazy.map(\.quote))
        }
        Output.line("\(chosen.count) quote\(chosen.count == 1 ? "" : "s")")
    }

    /// The quotes the options choose, in corpus order, with their articles (indices both).
    static func chosen(_ corpus: Corpus, actor: Int?, source: String?, kind: Quote.Kind?) -> [(quote: Int, article: Int)] {
        corpus.quotes.indices.compactMap { i in
            let q = corpus.quotes[i]
            guard let article = corpus.articleIndex(of: q.article) else { return nil }
            if let actor, q.speaker != actor { return nil }
            if let kind, q.kind != kind { return nil }
            if let source, !Corpus.sourceMatches(corpus.articles[article].source, source) { return nil }
            return (i, article)
        }
    }

    /// Quote `i`, of article `a`, as a row.
    static func row(_ corpus: Corpus, _ i: Int, in a: Int) -> Row {
        let q = corpus.quotes[i]
        let article = corpus.articles[a]
        let others = q.group.map { g in
            (corpus.quotesByGroup[g] ?? []).map { corpus.quotes[$0] }.filter { $0.article != q.article }
                .compactMap { corpus.article(id: $0.article).map { $0.source ?? $0.id } }
        } ?? []
        return Row(id: q.id, speaker: q.speaker.map { corpus.actors[$0].name } ?? q.speakerName,
                   speakerId: q.speaker.map { corpus.actors[$0].id }, source: article.source, article: article.id,
                   file: article.file, date: article.date?.description, kind: q.kind.rawValue, cue: q.cue, via: q.via,
                   text: String(q.text), start: q.start, end: q.end, alsoIn: others)
    }
}
