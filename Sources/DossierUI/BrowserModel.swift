import DossierModel
import Foundation

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
    /// Actors in sidebar order: persons, then organisations, each by mentions; bylines hidden.
    public let sidebarActors: [Int]
    /// Sources with article counts; `nil` name for articles with none.
    public let sources: [(name: String?, count: Int)]
    /// Per article, which bytes, byte pairs and (hashed) three-byte sequences its searchable
    /// text holds: a query whose pieces are not all there cannot match, and the text is never
    /// scanned.
    let articleFilters: TextFilterTable
    public let reportedCount: Int
    /// Per article, its index in `sources`; per source, its articles in corpus order; per actor,
    /// the sources of its articles; per quote, its article's index: what filters are made of.
    public let articleSource: [Int]
    public let articlesBySource: [[Int]]
    public let actorSources: [[Int]]
    public let quoteArticle: [Int]

    /// The index of the article with this id (the corpus's own table).
    public func articleIndex(of id: String) -> Int? { corpus.articleIndex(of: id) }

    /// `reusing`: a model of the same articles (the browser's first, unanalysed one), whose
    /// search filters are taken over instead of being built again.
    public init(corpus: Corpus, name: String = "seeds", reusing earlier: BrowserModel? = nil) {
        self.corpus = corpus
        self.corpusName = name
        // Each quote's article is looked up once, here, and the per-article lists built from
        // it. The quotes are read field by field in place (a loop over the elements copies
        // each, retaining and releasing five strings), and an article's quotes follow one
        // another, so most take the index of the quote before: at 100k articles, a million
        // table lookups and copies were a third of building the model.
        let quotes = corpus.quotes
        var articleOfQuote = [Int](repeating: -1, count: quotes.count)
        var byArticle = [[Int]](repeating: [], count: corpus.articles.count)
        var byActor = [[Int]](repeating: [], count: corpus.actors.count)
        var reported = 0
        for i in quotes.indices {
            let a = i > 0 && quotes[i].article == quotes[i - 1].article
                ? articleOfQuote[i - 1] : corpus.articleIndex(of: quotes[i].article) ?? -1
            articleOfQuote[i] = a
            if a >= 0 { byArticle[a].append(i) }
            if let s = quotes[i].speaker { byActor[s].append(i) }
            if quotes[i].kind == .reported { reported += 1 }
        }
        quoteArticle = articleOfQuote
        quotesByArticle = byArticle
        quotesByActor = byActor
        reportedCount = reported
        let byActorArticles = corpus.actors.map { actor in actor.articles.compactMap { corpus.articleIndex(of: $0) }.sorted() }
        articlesByActor = byActorArticles
        let visible = corpus.actors.indices.filter { !corpus.actors[$0].isByline }
        sidebarActors = visible.filter { corpus.actors[$0].kind == .person } + visible.filter { corpus.actors[$0].kind == .organization }
        sources = corpus.sources
        var sourceIndex: [String?: Int] = [:]
        for (i, s) in sources.enumerated() { sourceIndex[s.name] = i }
        let perArticle = corpus.articles.map { sourceIndex[$0.source] ?? 0 }
        articleSource = perArticle
        var bySource = [[Int]](repeating: [], count: sources.count)
        for (i, s) in perArticle.enumerated() { bySource[s].append(i) }
        articlesBySource = bySource
        // sorted, then each run kept once: a set per actor cost more than the few sources in it
        actorSources = byActorArticles.map { list in
            var found = list.map { perArticle[$0] }
            found.sort()
            var kept = 0
            for k in found.indices where kept == 0 || found[kept - 1] != found[k] {
                found[kept] = found[k]
                kept += 1
            }
            found.removeLast(found.count - kept)
            return found
        }
        if let earlier, earlier.corpus.articles.map(\.id) == corpus.articles.map(\.id) {
            articleFilters = earlier.articleFilters
        } else {
            let articles = corpus.articles
            articleFilters = TextFilterTable(count: articles.count) { i in
                let a = articles[i]
                return [a.title, a.source ?? "", a.author ?? "", a.text]
            }
        }
    }

    /// Search, case-insensitive, in what each pane shows: an article's title, source, author
    /// and text; an actor's name, aliases and roles; a quote's words and speaker. The texts are
    /// searched in place: no lowercased copy of the corpus is kept.
    func articleMatches(_ i: Int, _ needle: TextSearch.Needle) -> Bool {
        guard articleFilters.mayContain(i, needle) else { return false }
        let a = corpus.articles[i]
        return TextSearch.contains(a.title, needle) || TextSearch.contains(a.source ?? "", needle)
            || TextSearch.contains(a.author ?? "", needle) || TextSearch.contains(a.text, needle)
    }

    func actorMatches(_ i: Int, _ needle: TextSearch.Needle) -> Bool {
        let a = corpus.actors[i]
        return TextSearch.contains(a.name, needle) || a.aliases.contains { TextSearch.contains($0, needle) }
            || a.roles.contains { TextSearch.contains($0, needle) }
    }

    func quoteMatches(_ i: Int, _ needle: TextSearch.Needle) -> Bool {
        let q = corpus.quotes[i]
        return TextSearch.contains(q.text, needle) || TextSearch.contains(speakerName(q), needle)
    }

    private let readerCache = ReaderCache()

    /// An article laid out at a width, remembered: laying out a long article on every key
    /// would make keys wait.
    public func readerText(article: Int, width: Int) -> ReaderText {
        readerCache.get(article: article, width: width) { ReaderText(article: corpus.articles[article], width: width) }
    }

    public func speakerName(_ q: Quote) -> String {
        q.speaker.map { corpus.actors[$0].name } ?? q.speakerName ?? "(no speaker)"
    }
}

/// The last few reader layouts, keyed by article and width.
final class ReaderCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [(article: Int, width: Int, text: ReaderText)] = []

    func get(article: Int, width: Int, make: () -> ReaderText) -> ReaderText {
        if let hit = lock.withLock({ entries.first { $0.article == article && $0.width == width }?.text }) { return hit }
        let text = make()
        lock.withLock {
            entries.append((article, width, text))
            if entries.count > 4 { entries.removeFirst() }
        }
        return text
    }
}
