import ArgumentParser
import DossierModel
import DossierUI
import Foundation

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one article: its header and cleaned text.",
        discussion: "ID is an article id, a unique prefix of one, or its number in `dossier list`.")

    @OptionGroup var corpusOptions: CorpusOptions
    @Argument(help: "Article id, unique id prefix, or list number.") var id: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let corpus = try corpusOptions.load()
        guard let article = corpus.article(matching: id) else {
            Output.error("error: no article matches '\(TerminalSafe.text(id, keepNewlines: false))' (see `dossier list`)")
            throw ExitCode(64)
        }
        if json {
            Output.data(JSONOutput.encode(ArticleDetail(article)))
            return
        }
        Output.write(ArticleText.render(article, width: Output.width))
    }
}

/// The header and reflowed paragraphs of `show`.
enum ArticleText {
    static func render(_ a: Article, width: Int) -> String {
        let width = max(20, width)
        var out = DisplayWidth.wrap(TerminalSafe.text(a.title, keepNewlines: false), width: width).joined(separator: "\n") + "\n"
        var facts: [String] = []
        if let s = a.source { facts.append("Source: \(s)") }
        if let au = a.author { facts.append("Author: \(au)") }
        if let d = a.date { facts.append("Date: \(d)") }
        if !facts.isEmpty {
            out += DisplayWidth.wrap(TerminalSafe.text(facts.joined(separator: " · "), keepNewlines: false), width: width)
                .joined(separator: "\n") + "\n"
        }
        if let url = a.url { out += TerminalSafe.text(url, keepNewlines: false) + "\n" }
        out += String(repeating: "─", count: min(width, 60)) + "\n"
        for p in a.paragraphs {
            out += "\n" + DisplayWidth.wrap(TerminalSafe.text(p.text, keepNewlines: false), width: width).joined(separator: "\n") + "\n"
        }
        return out
    }
}

struct ArticleDetail: Encodable {
    var id: String
    var file: String
    var title: String
    var source: String?
    var author: String?
    var date: String?
    var url: String?
    var credit: String?
    var text: String

    init(_ a: Article) {
        id = a.id; file = a.file; title = a.title; source = a.source; author = a.author
        date = a.date?.description; url = a.url; credit = a.credit; text = a.text
    }
}
