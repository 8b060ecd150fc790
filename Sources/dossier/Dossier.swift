import ArgumentParser
import DossierModel
import Foundation

@main
struct Dossier: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Browse a folder of news articles: who said what, where.",
        discussion: """
            With no subcommand, opens the terminal browser. The corpus is --corpus DIR, else \
            $DOSSIER_CORPUS, else the seeds/ folder bundled with the source tree.
            Exit codes: 0 ok, 2 no terminal for the browser, 64 usage, 66 corpus missing or empty.
            """,
        subcommands: [Browse.self, ListCommand.self, ShowCommand.self, SourcesCommand.self, ActorsCommand.self, QuotesCommand.self, ExportCommand.self],
        defaultSubcommand: Browse.self
    )

    static func main() {
        HeapGrowth.configure()
        main(nil)
    }
}
