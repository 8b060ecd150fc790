import ArgumentParser
import CNCursesW
import DossierModel

struct Browse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse", abstract: "Open the terminal browser (the default).")

    @OptionGroup var corpusOptions: CorpusOptions

    func run() throws {
        var list = ListCommand()
        list.corpusOptions = corpusOptions
        try list.run()
    }
}
