import ArgumentParser
import DossierModel
import DossierUI

struct SourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources", abstract: "List the sources (publishing outlets) with their article counts.")

    @OptionGroup var corpusOptions: CorpusOptions
    @Flag(help: "Print JSON.") var json = false

    struct Row: Encodable { var source: String?; var articles: Int }

    func run() throws {
        let corpus = try corpusOptions.load()
        let rows = corpus.sources.map { Row(source: $0.name, articles: $0.count) }
        if json {
            Output.data(JSONOutput.encode(rows))
            return
        }
        let width = rows.map { DisplayWidth.of($0.source ?? "(unknown)") }.max() ?? 0
        for row in rows {
            Output.line(DisplayWidth.pad(TerminalSafe.text(row.source ?? "(unknown)", keepNewlines: false), to: width)
                        + "  " + String(row.articles))
        }
    }
}
