import DossierModel

/// The corpus with the indexes the browser needs, built once and shared by every state.
public final class BrowserModel: @unchecked Sendable {
    /// Filters to open with (`--source`, `--actor`), set once before the model is handed over.
    public var requestedFilters: [Filter] = []
    public let corpus: Corpus
    public let corpusName: String
    /// Quote indices per article index.
    public let quotesByArticle: [[Int]]
    /// Quote indices per actor index (as speaker).
    public let quotesByActor: [[Int]]
    /// Article indices per actor index.
    public let articlesByActor: [[Int]]
    /// Article index by id.
    public let articleIndex: [String: Int]
    /// Actors in sidebar order: persons, then organisations, each by mentions; bylines hidden.
    public let sidebarActors: [Int]
    /// Sources with article counts; `nil` name for articles with none.
    public let sources: [(name: String?, count: Int)]
    /// Lowercased searchable text per article (title, source, author, body).
    let articleSearchText: [String]
    let actorSearchText: [String]
    let quoteSearchText: [String]

    public init(corpus: Corpus, name: String = "seeds") {
        self.corpus = corpus
        self.corpusName = name
        var index: [String: Int] = [:]
        for (i, a) in corpus.articles.enumerated() { index[a.id] = i }
        articleIndex = index
        var byArticle = [[Int]](repeating: [], count: corpus.articles.count)
        var byActor = [[Int]](repeating: [], count: corpus.actors.count)
        for (i, q) in corpus.quotes.enumerated() {
            if let a = index[q.article] { byArticle[a].append(i) }
            if let s = q.speaker { byActor[s].append(i) }
        }
        quotesByArticle = byArticle
        quotesByActor = byActor
        articlesByActor = corpus.actors.map { actor in actor.articles.compactMap { index[$0] } }
        let visible = corpus.actors.indices.filter { !corpus.actors[$0].isByline }
        sidebarActors = visible.filter { corpus.actors[$0].kind == .person } + visible.filter { corpus.actors[$0].kind == .organization }
        sources = corpus.sources
        articleSearchText = corpus.articles.map { a in
            [a.title, a.source ?? "", a.author ?? "", a.text].joined(separator: "\n").lowercased()
        }
        actorSearchText = corpus.actors.map { ([$0.name] + $0.aliases + $0.roles).joined(separator: "\n").lowercased() }
        quoteSearchText = corpus.quotes.map { q in
            (q.text + "\n" + (q.speaker.map { corpus.actors[$0].name } ?? q.speakerName ?? "")).lowercased()
        }
    }

    public func speakerName(_ q: Quote) -> String {
        q.speaker.map { corpus.actors[$0].name } ?? q.speakerName ?? "(no speaker)"
    }
}
