import ArgumentParser
import DossierModel
import DossierUI

struct ActorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actors", abstract: "List the people and organisations, most mentioned first.")

    enum KindFilter: String, ExpressibleByArgument, CaseIterable { case person, organization }

    @OptionGroup var corpusOptions: CorpusOptions
    @Option(help: "Only what articles from this source mention.") var source: String?
    @Option(help: "person or organization.") var kind: KindFilter?
    @Flag(help: "Print JSON.") var json = false

    struct Row: Encodable {
        var id: String
        var name: String
        var kind: String
        var roles: [String]
        var aliases: [String]
        var mentions: Int
        var articles: [String]
    }

    func run() throws {
        let corpus = try corpusOptions.load()
        let rows = ActorsCommand.rows(corpus, source: source, kind: kind.map { Actor.Kind(rawValue: $0.rawValue)! })
        if json {
            Output.data(JSONOutput.encode(rows))
            return
        }
        let nameWidth = min(32, max(4, rows.map { DisplayWidth.of($0.name) }.max() ?? 4))
        Output.line(DisplayWidth.pad("NAME", to: nameWidth) + "  KIND          MENTIONS  ARTICLES  ROLE")
        for row in rows {
            let role = row.roles.first ?? ""
            var line = DisplayWidth.pad(TerminalSafe.text(row.name, keepNewlines: false), to: nameWidth) + "  "
            line += DisplayWidth.pad(row.kind, to: 12) + "  "
            line += String(repeating: " ", count: max(0, 8 - String(row.mentions).count)) + String(row.mentions) + "  "
            line += String(repeating: " ", count: max(0, 8 - String(row.articles.count).count)) + String(row.articles.count) + "  "
            line += TerminalSafe.text(role, keepNewlines: false)
            Output.line(Output.stdoutIsTerminal ? DisplayWidth.truncate(line, to: Output.width) : line)
        }
    }

    /// Actors of the chosen articles, with mentions counted in them, most mentioned first.
    static func rows(_ corpus: Corpus, source: String?, kind: Actor.Kind?) -> [Row] {
        let chosen = Set(corpus.articles.filter { source == nil || Corpus.sourceMatches($0.source, source!) }.map(\.id))
        let files = Dictionary(uniqueKeysWithValues: corpus.articles.map { ($0.id, $0.file) })
        var rows: [Row] = []
        for actor in corpus.actors where kind == nil || actor.kind == kind {
            let articles = actor.articles.filter(chosen.contains)
            guard !articles.isEmpty else { continue }
            rows.append(Row(id: actor.id, name: actor.name, kind: actor.kind.rawValue, roles: actor.roles, aliases: actor.aliases,
                            mentions: actor.mentions.filter { chosen.contains($0.article) }.count,
                            articles: articles.compactMap { files[$0] }))
        }
        return rows.enumerated().sorted { a, b in
            a.element.mentions != b.element.mentions ? a.element.mentions > b.element.mentions : a.offset < b.offset
        }.map(\.element)
    }
}
