import ArgumentParser
import DossierModel
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the whole model (articles, actors, quotes) as one JSON document.",
        discussion: "Offsets count Unicode scalars in each article's cleaned text (paragraphs joined by a blank line).")

    enum Format: String, ExpressibleByArgument { case json }

    @OptionGroup var corpusOptions: CorpusOptions
    @Option(help: "Output format (json).") var format: Format = .json

    func run() throws {
        let corpus = try corpusOptions.load()
        // streamed: the whole document of a large corpus would be gigabytes in memory
        ExportDocument(corpus).write(to: Output.data)
        Output.data(Data([0x0A]))
    }
}
