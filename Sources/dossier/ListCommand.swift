import ArgumentParser
import DossierModel
import DossierUI
import Foundation

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the articles: id, date, source, title; date order, undated last.")

    @OptionGroup var corpusOptions: CorpusOptions
    @Option(help: "Only articles from this source.") var source: String?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let corpus = try corpusOptions.load()
        var articles = corpus.articles
        if let source { articles = articles.filter { Corpus.sourceMatches($0.source, source) } }
        if json {
            Output.data(JSONOutput.encode(articles.map(ArticleSummary.init)))
            return
        }
        Output.write(ArticleTable.render(articles, width: Output.stdoutIsTerminal ? Output.width : nil))
        var footer = "\(articles.count) article\(articles.count == 1 ? "" : "s")"
        if articles.count != corpus.articles.count { footer += " of \(corpus.articles.count)" }
        if !corpus.warnings.isEmpty {
            footer += ", \(corpus.warnings.count) warning\(corpus.warnings.count == 1 ? "" : "s") (on stderr)"
        }
        Output.line(footer)
    }
}

/// The aligned article table of `list`.
enum ArticleTable {
    /// `width` nil: titles are not cut (output to a pipe or file).
    static func render(_ articles: [Article], width: Int?) -> String {
        let idWidth = articles.map { DisplayWidth.of($0.id) }.max() ?? 2
        let sourceWidth = min(24, max(6, articles.map { DisplayWidth.of($0.source ?? "-") }.max() ?? 6))
        var out = ""
        for a in articles {
            var line = DisplayWidth.pad(TerminalSafe.text(a.id), to: idWidth) + "  "
            line += DisplayWidth.pad(a.date?.description ?? "-", to: 10) + "  "
            line += DisplayWidth.pad(TerminalSafe.text(a.source ?? "-", keepNewlines: false), to: sourceWidth) + "  "
            let title = TerminalSafe.text(a.title, keepNewlines: false)
            if let width {
                line += DisplayWidth.truncate(title, to: max(10, width - DisplayWidth.of(line)))
            } else {
                line += title
            }
            out += line + "\n"
        }
        return out
    }
}

/// An article without its text, for `list --json`.
struct ArticleSummary: Encodable {
    var id: String
    var file: String
    var title: String
    var source: String?
    var author: String?
    var date: String?
    var url: String?
    var paragraphs: Int

    init(_ a: Article) {
        id = a.id; file = a.file; title = a.title; source = a.source; author = a.author
        date = a.date?.description; url = a.url; paragraphs = a.paragraphs.count
    }
}

enum JSONOutput {
    static func encode<T: Encodable>(_ value: T) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        var data = (try? encoder.encode(value)) ?? Data("null".utf8)
        data.append(0x0A)
        return data
    }
}
