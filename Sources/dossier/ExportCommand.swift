import ArgumentParser
import DossierModel

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the whole model (articles, actors, quotes) as one JSON document.",
        discussion: "Offsets count Unicode scalars in each article's cleaned text (paragraphs joined by a blank line).")

    enum Format: String, ExpressibleByArgument { case json }

    @OptionGroup var corpusOptions: CorpusOptions
    @Option(help: "Output format (json).") var format: Format = .json

    func run() throws {
        let corpus = try corpusOptions.load()
        var data = ExportDocument(corpus).json()
        data.append(0x0A)
        Output.data(data)
    }
}
