import Foundation

/// `dossier export --format json`: the contract other tools and the evaluation read.
/// Offsets count Unicode scalars (Python `str` indices) in the article's cleaned text, whose
/// paragraphs are joined by one blank line (`\n\n`).
///
/// The document is written a few hundred entries at a time (`JSONStream`), encoded on all cores
/// and let go once written: encoded whole, 100k articles took 43 s and 5.9 GB for 1.1 GB of
/// JSON. The bytes are those `JSONEncoder` gives for the whole document (pretty, keys sorted).
public struct ExportDocument: Sendable {
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

    let corpus: Corpus
    /// Each article's file, by id.
    let files: [String: String]

    public init(_ corpus: Corpus) {
        self.corpus = corpus
        files = Dictionary(uniqueKeysWithValues: corpus.articles.map { ($0.id, $0.file) })
    }

    /// The whole document in memory (for tests and small corpora; `write` streams it).
    public func json() -> Data {
        var out = Data()
        write { out.append($0) }
        return out
    }

    /// Writes the document to `sink`, piece by piece, in order.
    public func write(to sink: (Data) -> Void) {
        write(to: sink, block: 256, blocksAtOnce: 8)
    }

    /// `block`: entries one thread encodes at a time; `blocksAtOnce`: blocks encoded before
    /// they are written (smaller in tests, so that entries meet at every kind of seam).
    func write(to sink: (Data) -> Void, block: Int, blocksAtOnce: Int) {
        let quotes = corpus.quotes.indices.filter { corpus.quotes[$0].kind != .reported }
        // reported speech (`X said that …`) apart from `quotes`: evaluators count every
        // non-term entry of `quotes` as a direct quote
        let reported = corpus.quotes.indices.filter { corpus.quotes[$0].kind == .reported }
        sink(Data("{\n".utf8))
        let sizes = (block: max(1, block), atOnce: max(1, blocksAtOnce))
        section("actors", Array(corpus.actors.indices), last: false, sizes, sink) { [self] in ExportActor(corpus, $0, files: files) }
        // the texts and words read from a snapshot's mapping: their pages are let go a block at
        // a time (`MappedStretch`); every article's text came in and stayed, 330 MB at 100k
        section("articles", Array(corpus.articles.indices), last: false, sizes, sink) { [self] in ExportArticle(corpus.articles[$0]) }
            letGo: { [self] in MappedStretch.letGo(texts: $0.lazy.map { corpus.articles[$0].body }) }
        section("quotes", quotes, last: false, sizes, sink) { [self] in ExportQuote(corpus, $0, files: files) }
            letGo: { [self] in corpus.letGoOfWords(ofQuotes: $0) }
        section("reported", reported, last: true, sizes, sink) { [self] in ExportQuote(corpus, $0, files: files) }
            letGo: { [self] in corpus.letGoOfWords(ofQuotes: $0) }
        sink(Data("}".utf8))
    }

    /// `"name" : [ … ]` with the entries `make` gives for `items`, as the encoder nests them.
    /// `letGo`: lets go of what a block of items read from a mapping, once they are encoded.
    private func section<Entry: Encodable & SendableMetatype>(_ name: String, _ items: [Int], last: Bool, _ sizes: (block: Int, atOnce: Int),
                                           _ sink: (Data) -> Void, _ make: @escaping @Sendable (Int) -> Entry,
                                           letGo: (@Sendable (ArraySlice<Int>) -> Void)? = nil) {
        sink(Data("  \"\(name)\" : ".utf8))
        var encoded: (@Sendable (Range<Int>) -> Void)?
        if let letGo { encoded = { letGo(items[$0]) } }
        JSONStream.array(count: items.count, depth: 1, block: sizes.block, blocksAtOnce: sizes.atOnce, sink: sink,
                         make: { make(items[$0]) }, encoded: encoded)
        sink(Data((last ? "\n" : ",\n").utf8))
    }
}

extension ExportDocument.ExportArticle {
    init(_ a: Article) {
        self.init(id: a.id, file: a.file, title: a.title, source: a.source, author: a.author,
                  date: a.date?.description, url: a.url, credit: a.credit,
                  paragraphs: a.paragraphs.map {
                      ExportDocument.ExportParagraph(text: $0.text, start: $0.start, end: $0.end,
                                                     sourceStart: $0.sourceStart, sourceEnd: $0.sourceEnd)
                  })
    }
}
