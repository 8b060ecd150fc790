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
        let rows = QuotesCommand.rows(corpus, actor: actorIndex, source: source, kind: kind.map { Quote.Kind(rawValue: $0.rawValue)! })
        if json {
            Output.data(JSONOutput.encode(rows))
            return
        }
        let width = Output.width
        for row in rows {
            var head = row.speaker ?? "(no speaker)"
            head += " · " + (row.source ?? "unknown source") + " · " + row.article
            if row.kind != "speech" { head += " · " + row.kind }
            Output.line(DisplayWidth.truncate(TerminalSafe.text(head, keepNewlines: false), to: width))
            let quoted = row.kind == "reported" ? row.text : "“" + row.text + "”"
            for line in DisplayWidth.wrap(TerminalSafe.text(quoted, keepNewlines: false), width: width - 2) { Output.line("  " + line) }
            if !row.alsoIn.isEmpty { Output.line("  also in: " + row.alsoIn.joined(separator: ", ")) }
        }
        Output.line("\(rows.count) quote\(rows.count == 1 ? "" : "s")")
    }

    static func rows(_ corpus: Corpus, actor: Int?, source: String?, kind: Quote.Kind?) -> [Row] {
        corpus.quotes.compactMap { q in
            guard let article = corpus.article(id: q.article) else { return nil }
            if let actor, q.speaker != actor { return nil }
            if let kind, q.kind != kind { return nil }
            if let source, !Corpus.sourceMatches(article.source, source) { return nil }
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
}
