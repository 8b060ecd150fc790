import Foundation

/// `dossier export --format json`: the contract other tools and the evaluation read.
/// Offsets count Unicode scalars (Python `str` indices) in the article's cleaned text, whose
/// paragraphs are joined by one blank line (`\n\n`).
public struct ExportDocument: Encodable {
    public struct ExportParagraph: Encodable {
        var text: String
        var start: Int
        var end: Int
        var sourceStart: Int
        var sourceEnd: Int
    }

    public struct ExportArticle: Encodable {
        var id: String
        var file: String
        var title: String
        var source: String?
        var author: String?
        var date: String?
        var url: String?
        var credit: String?
        var paragraphs: [ExportParagraph]

        public func encode(to encoder: Encoder) throws {
            // Explicit nulls: a consumer sees every field, set or not.
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(file, forKey: .file)
            try c.encode(title, forKey: .title)
            try c.encode(source, forKey: .source)
            try c.encode(author, forKey: .author)
            try c.encode(date, forKey: .date)
            try c.encode(url, forKey: .url)
            try c.encode(credit, forKey: .credit)
            try c.encode(paragraphs, forKey: .paragraphs)
        }
        enum CodingKeys: String, CodingKey { case id, file, title, source, author, date, url, credit, paragraphs }
    }

    var articles: [ExportArticle]
    var actors: [ExportActor]
    var quotes: [ExportQuote]
    /// Reported speech (`X said that …`) apart from `quotes`: evaluators count every non-term
    /// entry of `quotes` as a direct quote.
    var reported: [ExportQuote]

    public init(_ corpus: Corpus) {
        articles = corpus.articles.map { a in
            ExportArticle(id: a.id, file: a.file, title: a.title, source: a.source, author: a.author,
                          date: a.date?.description, url: a.url, credit: a.credit,
                          paragraphs: a.paragraphs.map {
                              ExportParagraph(text: $0.text, start: $0.start, end: $0.end,
                                              sourceStart: $0.sourceStart, sourceEnd: $0.sourceEnd)
                          })
        }
        actors = ExportActor.all(corpus)
        quotes = ExportQuote.all(corpus)
        reported = ExportQuote.all(corpus, kinds: [.reported])
    }

    public func json() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        // Encoding plain strings and numbers cannot fail.
        return (try? encoder.encode(self)) ?? Data("{}".utf8)
    }
}
