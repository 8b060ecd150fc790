import Foundation

/// Everything Dossier knows about a folder of articles.
public struct Corpus: Sendable {
    /// Changing them drops the search filters, which were made from them.
    public var articles: [Article] { didSet { searchFilters = nil; lentFilters = nil; actorArticleIndices = nil } }
    public var warnings: [LoadWarning]
    /// People and organisations, most mentioned first.
    public var actors: [Actor] { didSet { actorArticleIndices = nil } }
    /// Per actor, the indices of `actors[i].articles`, ascending, when they came with the
    /// corpus (a snapshot stores them so); nil once the actors or articles change. Looking
    /// up a million article ids again was a fifth of building the browser's model at 100k.
    public private(set) var actorArticleIndices: [[Int]]?
    /// Per article (same order as `articles`), mentions resolved to `actors` indices.
    public var mentions: [[ResolvedMention]]
    /// Direct quotes, terms and reported speech, article by article in text order.
    public var quotes: [Quote] { didSet { indexGroups() } }
    /// Quote indices by cross-article group: where else the same words appear.
    public private(set) var quotesByGroup: [Int: [Int]] = [:]
    private(set) var articleIndexById: [String: Int] = [:]
    /// Per article, the name candidates the actors were resolved from (kept for the cache, so
    /// that an unchanged article need not be searched for names again).
    var names: [EncodedNames] = []
    /// What each article's searchable text holds, to rule it out of a search unread: nil until
    /// `buildSearchFilters()`, or read back from the snapshot with the rest.
    public private(set) var searchFilters: TextFilterTable?
    /// Without `searchFilters`: an earlier snapshot's records for these articles, which the
    /// next snapshot copies instead of making them again.
    var lentFilters: LentFilters?

    // Both read one field of each element in place: a loop over the elements copies each
    // (retaining and releasing every string in it), a tenth of reopening 100k articles.
    private mutating func indexGroups() {
        quotesByGroup = [:]
        for i in quotes.indices { if let g = quotes[i].group { quotesByGroup[g, default: []].append(i) } }
    }

    static func idIndex(_ articles: [Article]) -> [String: Int] {
        var index = [String: Int](minimumCapacity: articles.count)
        for i in articles.indices { index[articles[i].id] = i }
        return index
    }

    /// `analyze: false` gives the articles alone (no actors or quotes yet): what a browser
    /// shows while the analysis runs.
    public init(articles: [Article], warnings: [LoadWarning] = [], analyze: Bool = true) {
        self.init(articles: articles, warnings: warnings, analyze: analyze, prior: nil)
    }

    /// `prior`: an earlier analysis whose per-article results are taken over where still valid.
    /// `actorsReady`: hears the corpus with its actors and mentions as soon as they are
    /// resolved, before its quotes are extracted (a browser shows them meanwhile).
    init(articles: [Article], warnings: [LoadWarning], analyze: Bool = true, prior: PriorAnalysis?,
         actorsReady: ((Corpus) -> Void)? = nil) {
        self.articles = articles
        self.warnings = warnings
        articleIndexById = Corpus.idIndex(articles)
        guard analyze else {
            actors = []
            mentions = Array(repeating: [], count: articles.count)
            quotes = []
            return
        }
        // What loading freed (a snapshot read back on all cores left 70-150 MB of free heap at
        // 100k articles) goes back before names are merged, the peak of an analysis.
        FreedMemory.release()
        let index = ActorIndex.build(articles, prior: prior)
        // The name candidates and the resolver's working values are gone: their pages go back
        // to the system before the quotes' array, which cannot reuse them, is allocated.
        FreedMemory.release()
        self.actors = index.actors
        self.mentions = index.mentions
        self.names = index.names
        if let actorsReady {
            actorsReady(Corpus(articles: articles, warnings: warnings, actors: index.actors, mentions: index.mentions, quotes: [],
                               names: [], idIndex: articleIndexById))
        }
        let actors = index.actors
        var actorIndex: [String: Int] = [:]
        if prior != nil { for (i, a) in actors.enumerated() { actorIndex[a.id] = i } }
        let ids = actorIndex
        var quotes = QuoteCollection.collect(count: articles.count) { i in
            if let kept = prior?.quotes(of: articles[i], mentions: index.mentions[i], actors: actors, index: ids) { return kept }
            return QuoteExtraction.extract(article: articles[i], actors: actors, mentions: index.mentions[i])
        } preparing: { range in
            prior?.lend(for: articles[range])
        } extracted: { range in
            // the pages of texts read from a file (`TextSpill`)
            MappedStretch.letGo(texts: articles[range].lazy.map(\.body))
        }
        // The slices' lists, freed on the threads that made them, stay in those threads' heaps,
        // where grouping (on this thread) cannot reuse them: given back, 15 MB off the peak
        // at 100k articles.
        FreedMemory.release()
        QuoteGroups.assign(&quotes)
        self.quotes = quotes
        indexGroups()
        FreedMemory.release()
    }

    /// Loads, cleans and analyses a corpus folder.
    /// `progress`: as `CorpusLoader.load` gives it.
    public static func load(folder: String, progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> Corpus {
        let loaded = try CorpusLoader.load(folder: folder, progress: progress)
        var corpus = Corpus(articles: loaded.articles, warnings: loaded.warnings)
        corpus.releaseNameCandidates()
        return corpus
    }

    /// A corpus from its parts (read back from the cache). `idIndex`: the articles' places by
    /// id, when the reader worked them out on another thread while it read the rest.
    init(articles: [Article], warnings: [LoadWarning], actors: [Actor], mentions: [[ResolvedMention]], quotes: [Quote],
         names: [EncodedNames], idIndex: [String: Int]? = nil, searchFilters: TextFilterTable? = nil,
         actorArticleIndices: [[Int]]? = nil) {
        self.searchFilters = searchFilters
        self.actorArticleIndices = actorArticleIndices?.count == actors.count ? actorArticleIndices : nil
        self.articles = articles
        self.warnings = warnings
        self.actors = actors
        self.mentions = mentions
        self.quotes = quotes
        self.names = names
        indexGroups()
        articleIndexById = idIndex ?? Corpus.idIndex(articles)
    }

    /// Lets go of what only the snapshot needs, once it is written or not wanted: the name
    /// candidates, and the search filters an earlier snapshot lent (and its mapping with them).
    public mutating func releaseNameCandidates() {
        names = []
        lentFilters = nil
    }

    /// Makes the articles' search filters, on all cores, unless they are made; `given`: filters
    /// already made for these very articles (`CorpusCache.Lookup.searchFilters(for:)`).
    public mutating func buildSearchFilters(given: TextFilterTable? = nil) {
        if let given, given.count == articles.count { searchFilters = given }
        if searchFilters?.count != articles.count { searchFilters = TextFilterTable(articles: articles) }
    }

    /// The same articles with actors and quotes worked out; `reusing`: what an earlier analysis
    /// (from the cache) lends to this one. Search filters made for the articles are carried over.
    /// `actorsReady`: hears the corpus with its actors and mentions (and these search filters)
    /// as soon as they are resolved, before the quotes are extracted.
    public func analyzed(reusing prior: PriorAnalysis? = nil, actorsReady: ((Corpus) -> Void)? = nil) -> Corpus {
        let filters = searchFilters
        var corpus = Corpus(articles: articles, warnings: warnings, prior: prior, actorsReady: actorsReady.map { ready in
            { staged in
                var staged = staged
                staged.searchFilters = filters
                ready(staged)
            }
        })
        corpus.searchFilters = filters
        return corpus
    }

    /// The article with this id, or the only one whose id starts with it, or the N-th (1-based)
    /// of the list.
    public func article(matching key: String) -> Article? {
        if let exact = articles.first(where: { $0.id == key || $0.file == key }) { return exact }
        let prefixed = articles.filter { $0.id.hasPrefix(key) }
        if prefixed.count == 1 { return prefixed[0] }
        if let n = Int(key), n >= 1, n <= articles.count, prefixed.isEmpty { return articles[n - 1] }
        return nil
    }

    /// Sources with their article counts, most articles first; articles with none are
    /// counted under `nil`.
    public var sources: [(name: String?, count: Int)] {
        var counts: [String: Int] = [:]
        var unknown = 0
        // read in place: a loop over the articles copies each (every string in it retained and
        // released), a third of building the browser's source lists at 100k
        for i in articles.indices {
            if let s = articles[i].source { counts[s, default: 0] += 1 } else { unknown += 1 }
        }
        var out: [(name: String?, count: Int)] = counts.map { ($0.key, $0.value) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        if unknown > 0 { out.append((nil, unknown)) }
        return out
    }

    /// Whether an article's source is `name` (case and spacing ignored).
    public static func sourceMatches(_ source: String?, _ name: String) -> Bool {
        guard let source else { return false }
        return source.compare(name, options: [.caseInsensitive, .diacriticInsensitive]) == .orderedSame
    }

    /// The actor a user means by `name`: an exact name or alias (case ignored), else the one
    /// actor whose name or alias contains it.
    public func actorIndex(matching name: String) -> Int? {
        let key = name.lowercased()
        if let exact = actors.firstIndex(where: { $0.name.lowercased() == key }) { return exact }
        if let alias = actors.firstIndex(where: { $0.aliases.contains { $0.lowercased() == key } }) { return alias }
        let partial = actors.indices.filter { i in
            actors[i].name.lowercased().contains(key) || actors[i].aliases.contains { $0.lowercased().contains(key) }
        }
        return partial.count == 1 ? partial[0] : nil
    }

    /// The index in `articles` of the article with this id.
    public func articleIndex(of id: String) -> Int? { articleIndexById[id] }

    /// The article a quote or mention belongs to.
    public func article(id: String) -> Article? {
        articleIndexById[id].map { articles[$0] }
    }
}
