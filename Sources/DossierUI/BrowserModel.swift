import DossierModel
import Foundation
import Synchronization

/// The corpus with the indexes the browser needs, built once and shared by every state.
public final class BrowserModel: @unchecked Sendable {
    /// Filters to open with (`--source`, `--actor`), set once before the model is handed over.
    public var requestedFilters: [Filter] = []
    public let corpus: Corpus
    public let corpusName: String
    /// Quote indices per article index.
    public let quotesByArticle: IndexLists
    /// Quote indices per actor index (as speaker).
    public let quotesByActor: IndexLists
    /// Article indices per actor index, ascending.
    public let articlesByActor: IndexLists
    /// Actors in sidebar order: persons, then organisations, each by mentions; bylines hidden.
    public let sidebarActors: [Int]
    /// Sources with article counts; `nil` name for articles with none.
    public let sources: [(name: String?, count: Int)]
    /// Per article, which bytes, byte pairs and (hashed) three-byte sequences its searchable
    /// text holds: a query whose pieces are not all there cannot match, and the text is never
    /// scanned.
    /// nil for a model shown before they are made: its search reads every article.
    let articleFilters: TextFilterTable?
    /// The files the texts lie in, whose pages a search lets go as it reads.
    let textPages: MappedPages
    public let reportedCount: Int
    /// Per article, its index in `sources`; per source, its articles in corpus order; per actor,
    /// the sources of its articles; per quote, its article's index: what filters are made of.
    public let articleSource: [Int]
    public let articlesBySource: [[Int]]
    public let actorSources: IndexLists
    public let quoteArticle: [Int32]
    /// The articles in each sort order, made on first use.
    let articleOrders: ArticleOrders

    /// Makes the source and title orders now, on the caller's thread, so that `o` never waits
    /// for one, and the articles' headings that a search reads (`IdleWork` says when).
    public func prepareSortOrders() {
        for sort in [ArticleSort.source, .title] { _ = articleOrders.order(sort) }
        // and what a search of every article reads, so that the first search finds it made
        _ = articleHeadings()
    }

    /// Lays out the rest of an article at a width, when it is long, so that `G` finds it done
    /// (`IdleWork` says when; the layout is the one the reader shows).
    public func prepareReader(article: Int, width: Int) {
        let text = readerText(article: article, width: width)
        if !text.isComplete { text.layOutRest() }
    }

    /// The index of the article with this id (the corpus's own table).
    public func articleIndex(of id: String) -> Int? { corpus.articleIndex(of: id) }

    /// The search filters are the corpus's own when it has them (made for the first, unanalysed
    /// corpus and carried through the analysis, or read from the snapshot), else made here,
    /// unless `makeSearchFilters` is false (a model shown while they are made).
    public init(corpus: Corpus, name: String = "seeds", makeSearchFilters: Bool = true) {
        self.corpus = corpus
        self.corpusName = name
        // the quotes' lists on a thread of their own while the actors' are made on all cores
        let quoteLists = Background { QuoteLists(corpus) }
        // a snapshot's lists when it has them
        let byActorArticles = BrowserModel.perActorLists(corpus.actors.count) { a in
            if let read = corpus.actorArticleIndices { return read[a].map { Int32($0) } }
            return corpus.actors[a].articles.compactMap { corpus.articleIndex(of: $0).map { Int32($0) } }.sorted()
        }
        articlesByActor = byActorArticles
        let visible = corpus.actors.indices.filter { !Actor.isByline(roles: corpus.actors[$0].roles) }
        sidebarActors = visible.filter { corpus.actors[$0].kind == .person } + visible.filter { corpus.actors[$0].kind == .organization }
        sources = corpus.sources
        var sourceIndex: [String?: Int] = [:]
        for (i, s) in sources.enumerated() { sourceIndex[s.name] = i }
        let perArticle = corpus.articles.indices.map { sourceIndex[corpus.articles[$0].source] ?? 0 }
        articleSource = perArticle
        var bySource = [[Int]](repeating: [], count: sources.count)
        for (i, s) in perArticle.enumerated() { bySource[s].append(i) }
        articlesBySource = bySource
        articleOrders = ArticleOrders(corpus: corpus, articleSource: perArticle, sources: sources.map(\.name))
        // sorted, then each run kept once: a set per actor cost more than the few sources in it
        actorSources = BrowserModel.perActorLists(corpus.actors.count) { a in
            var found = byActorArticles[a].map { Int32(perArticle[$0]) }
            found.sort()
            var kept = 0
            for k in found.indices where kept == 0 || found[kept - 1] != found[k] {
                found[kept] = found[k]
                kept += 1
            }
            found.removeLast(found.count - kept)
            return found
        }
        let lists = quoteLists.value()
        quoteArticle = lists.article
        quotesByArticle = lists.byArticle
        quotesByActor = lists.byActor
        reportedCount = lists.reported
        textPages = corpus.textPages()
        if let made = corpus.searchFilters, made.count == corpus.articles.count {
            articleFilters = made
        } else {
            articleFilters = makeSearchFilters ? TextFilterTable(articles: corpus.articles) : nil
        }
    }

    /// The list `make(a)` for every actor `a`, on all cores, a block of actors at a time (one
    /// actor's few articles are too little work to hand out alone), kept in one table. At 100k
    /// articles the per-actor lists took a fifth of a reopened browser's wait on one core.
    static func perActorLists(_ count: Int, _ make: @Sendable (Int) -> [Int32]) -> IndexLists {
        let block = 1024
        return IndexLists(blocks: ParallelMap.map(Array(stride(from: 0, to: count, by: block))) { start in
            var values: [Int32] = []
            var counts: [Int] = []
            for a in start..<min(start + block, count) {
                let list = make(a)
                values += list
                counts.append(list.count)
            }
            return (values, counts)
        })
    }

    /// Search, case-insensitive, in what each pane shows: an article's title, source, author
    /// and text; an actor's name, aliases and roles; a quote's words and speaker. The texts are
    /// searched in place: no lowercased copy of the corpus is kept.
    func articleMatches(_ i: Int, _ needle: TextSearch.Needle) -> Bool {
        if let filters = articleFilters, !filters.mayContain(i, needle) { return false }
        return corpus.articleHolds(i, needle)
    }

    private let headingsMade = Mutex<ArticleHeadings?>(nil)

    /// Lets go of the mapped pages that a search of every article or quote read: the texts'
    /// (`Corpus.letGoOfTextPages`) and the filters' (106 MB at 100k articles).
    func letGoOfSearchedPages() {
        textPages.letGo()
        articleFilters.map { $0.releasePages(0..<$0.count) }
    }

    /// Every article's title, source and author in one buffer (`ArticleHeadings`), made the first
    /// time a search or the idle work asks.
    func articleHeadings() -> ArticleHeadings {
        headingsMade.withLock { made in
            if let made { return made }
            let headings = ArticleHeadings(articles: corpus.articles)
            made = headings
            return headings
        }
    }

    func actorMatches(_ i: Int, _ needle: TextSearch.Needle) -> Bool {
        let a = corpus.actors[i]
        return TextSearch.contains(a.name, needle) || a.aliases.contains { TextSearch.contains($0, needle) }
            || a.roles.contains { TextSearch.contains($0, needle) }
    }

    func quoteMatches(_ i: Int, _ needle: TextSearch.Needle) -> Bool {
        let q = corpus.quotes[i]
        return q.wordsContain(needle) || TextSearch.contains(speakerName(q), needle)
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

/// Each quote's article, the quotes of each article and of each speaker, and how many are
/// reported speech.
///
/// Each quote's article is looked up once, here. The quotes are read field by field in place (a
/// loop over the elements copies each, retaining and releasing five strings), and an article's
/// quotes follow one another, so most take the index of the quote before: at 100k articles, a
/// million table lookups and copies were a third of building the model.
private struct QuoteLists: Sendable {
    var article: [Int32]
    var byArticle: IndexLists
    var byActor: IndexLists
    var reported = 0

    init(_ corpus: Corpus) {
        let quotes = corpus.quotes
        article = [Int32](repeating: -1, count: quotes.count)
        // counted first, so that each list is made once at its size
        var perArticle = [Int](repeating: 0, count: corpus.articles.count)
        var perActor = [Int](repeating: 0, count: corpus.actors.count)
        // the quotes are read once: their speakers are noted in a table of their own for the
        // second pass (128 MB of quotes read twice was most of this at 100k)
        var speakers = [Int32](repeating: -1, count: quotes.count)
        for i in quotes.indices {
            let a = i > 0 && quotes[i].article == quotes[i - 1].article
                ? Int(article[i - 1]) : corpus.articleIndex(of: quotes[i].article) ?? -1
            article[i] = Int32(a)
            if a >= 0 { perArticle[a] += 1 }
            if let s = quotes[i].speaker {
                perActor[s] += 1
                speakers[i] = Int32(s)
            }
            if quotes[i].kind == .reported { reported += 1 }
        }
        byArticle = IndexLists(positionsOf: article, sizes: perArticle)
        byActor = IndexLists(positionsOf: speakers, sizes: perActor)
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
