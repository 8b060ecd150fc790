import Foundation

/// Where a snapshot's analysis lies in its bytes: the actors, each article's mentions, the
/// quotes and (when stored) each article's name candidates, as block lists.
struct AnalysisSections: Sendable {
    var actors = BlockList(), mentions = BlockList(), quotes = BlockList()
    var names: BlockList?

    /// The corpus of `articles` with the whole analysis decoded (on all cores); `names`: with
    /// the name candidates, which only a new analysis needs.
    func corpus(_ bytes: UnsafeRawBufferPointer, used: (@Sendable (UnsafeRawBufferPointer) -> Void)?, articles: [Article],
                warnings: [LoadWarning], idIndex: [String: Int]?, searchFilters: TextFilterTable?, names wantNames: Bool) throws -> Corpus {
        // each actor with the places of its articles, which the browser would otherwise look up
        let actorsWithPlaces = try actors.decode(bytes, used: used) { r in try r.actor(articles) }
        var actors = actorsWithPlaces.map(\.0)
        let actorPlaces = actorsWithPlaces.map(\.1)
        let actorCount = actors.count
        let mentions = try self.mentions.decode(bytes, used: used) { r in try r.mentions(actors: actorCount) }
        guard mentions.count == articles.count else { throw BinaryReader.Corrupt() }
        // each actor's mention list is gathered on its own thread while the quotes are read
        let actorMentions = Background { ActorIndex.mentionLists(actors: actorCount, from: mentions, articles: articles) }
        let actorNames = actors.map(\.name)
        let count = articles.count
        let quotes = try self.quotes.decode(bytes, used: used) { r in
            guard let q = try r.quote(article: { (articles[$0].id, articles[$0].body) }, count: count, actorNames: actorNames).quote else { throw BinaryReader.Corrupt() }
            return q
        }
        var names: [EncodedNames] = []
        if wantNames, let list = self.names {
            names = try list.decode(bytes, used: used) { r in EncodedNames(bytes: try r.raw()) }
            guard names.count == articles.count else { throw BinaryReader.Corrupt() }
        }
        for (i, list) in actorMentions.value().enumerated() { actors[i].mentions = list }
        return Corpus(articles: articles, warnings: warnings, actors: actors, mentions: mentions, quotes: quotes, names: names,
                      idIndex: idIndex, searchFilters: searchFilters, actorArticleIndices: actorPlaces)
    }
}

/// A stale snapshot's analysis, left in the snapshot's bytes (its mapping) until a new analysis
/// asks for a part of it. Decoded at once, it was 300 MB at 100k articles, held while the new
/// analysis merged every name again: reopening after one file changed peaked at 2.9 times the
/// corpus, against 1.9 for a first open.
final class StoredAnalysis: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
    /// What keeps `bytes`: the mapped file, or a copy of bytes that were not a file's.
    private let owner: AnyObject
    let used: (@Sendable (UnsafeRawBufferPointer) -> Void)?
    let sections: AnalysisSections
    /// How many articles the snapshot has (the analysis refers to them by place).
    let articleCount: Int

    init(sections: AnalysisSections, articles: Int, bytes: UnsafeRawBufferPointer, mapping: MappedFile?) {
        self.sections = sections
        articleCount = articles
        if let mapping {
            owner = mapping
            self.bytes = bytes
            used = { mapping.release($0) }
        } else {
            let copy = OwnedBytes(bytes)
            owner = copy
            self.bytes = copy.bytes
            used = nil
        }
    }

    /// The whole analysis of the snapshot's `articles`; nil when it does not read back.
    func corpus(articles: [Article], warnings: [LoadWarning], idIndex: [String: Int]?) -> Corpus? {
        guard articles.count == articleCount else { return nil }
        return try? sections.corpus(bytes, used: used, articles: articles, warnings: warnings, idIndex: idIndex,
                                    searchFilters: nil, names: true)
    }

    /// What attribution reads of each actor (empty when they do not read back).
    func actorFacts() -> [ActorFacts] {
        let articles = articleCount
        return (try? sections.actors.decode(bytes, used: used) { r in try r.actorFacts(articles: articles) }) ?? []
    }

    /// The mention lists of the articles at `places` (ascending), by place; nil when they do not
    /// read back.
    func mentions(of places: [Int], actors: Int) -> [Int: [ResolvedMention]]? {
        let spans = sections.mentions.spans
        var chosen: [BlockList.Span] = []
        for p in places {
            // the block holding the article's list: the last that starts at or before it
            let b = spans.partitionPoint { $0.first > p } - 1
            guard b >= 0, p < spans[b].first + spans[b].items else { return nil }
            if chosen.last?.first != spans[b].first { chosen.append(spans[b]) }
        }
        guard let lists = try? sections.mentions.decode(bytes, blocks: chosen, used: used, { r in try r.mentions(actors: actors) }) else {
            return nil
        }
        var byPlace: [Int: [ResolvedMention]] = [:]
        var k = 0
        let wanted = Set(places)
        for span in chosen {
            for j in 0..<span.items where wanted.contains(span.first + j) { byPlace[span.first + j] = lists[k + j] }
            k += span.items
        }
        return byPlace
    }

    /// The quotes of the articles at `places` (ascending), by place, each article's in order;
    /// nil when they do not read back or do not come article by article. `article`: the id and
    /// text of the article at a place, which the quotes' words are read from (nil for articles
    /// not asked for). `actorNames`: the earlier actors' names, which a quote names its speaker
    /// by when they are the same.
    func quotes(of places: [Int], article: @escaping @Sendable (Int) -> ArticleText?, actorNames: [String]) -> [Int: [Quote]]? {
        guard let starts = quoteBlockArticles else { return nil }
        var chosen = IndexSet()
        for p in places {
            guard let blocks = QuoteBlocks.holding(article: p, blockStarts: starts) else { continue }
            chosen.insert(integersIn: blocks)
        }
        let count = articleCount
        guard let decoded = try? sections.quotes.decode(bytes, blocks: chosen.map { sections.quotes.spans[$0] }, used: used, { r in
            try r.quote(article: article, count: count, actorNames: actorNames)
        }) else { return nil }
        let wanted = Set(places)
        var byPlace: [Int: [Quote]] = [:]
        for p in places { byPlace[p] = [] }
        for (place, quote) in decoded {
            guard let place else { return nil }
            if wanted.contains(place) {
                guard let quote else { return nil }
                byPlace[place, default: []].append(quote)
            }
        }
        return byPlace
    }

    /// The article place of each quote block's first quote, read once (by the thread that
    /// collects quotes); nil when some block does not start with an article's place or the
    /// places go back (the quotes are then not lent).
    private lazy var quoteBlockArticles: [Int]? = {
        var starts: [Int] = []
        for span in sections.quotes.spans {
            var r = BinaryReader(UnsafeRawBufferPointer(rebasing: bytes[span.start..<(span.start + span.length)]))
            guard let place = try? r.int(), place >= 0, place >= (starts.last ?? 0) else { return nil }
            starts.append(place)
        }
        // the pages read around each block's start (fault-around) are let go
        if let first = sections.quotes.spans.first, let last = sections.quotes.spans.last {
            used?(UnsafeRawBufferPointer(rebasing: bytes[first.start..<(last.start + last.length)]))
        }
        return starts
    }()
}

/// Which quote blocks can hold an article's quotes, given the article place each block starts
/// with (ascending): quotes come article by article, so a run may begin at the end of the last
/// block that starts before the article and go on through those that start with it.
enum QuoteBlocks {
    static func holding(article p: Int, blockStarts: [Int]) -> ClosedRange<Int>? {
        // blocks starting before p, and those starting at or before it
        let before = blockStarts.partitionPoint { $0 >= p }, through = blockStarts.partitionPoint { $0 > p }
        guard through > 0 else { return nil }
        return max(0, before - 1)...(through - 1)
    }
}

extension Array {
    /// The first index whose element is true of `belongs`, for elements ordered so that all
    /// that are false come first (binary search).
    func partitionPoint(_ belongs: (Element) -> Bool) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if belongs(self[mid]) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}

/// A copy of bytes that were not a file's, kept as long as their reader is.
private final class OwnedBytes {
    let bytes: UnsafeRawBufferPointer
    init(_ source: UnsafeRawBufferPointer) {
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, source.count), alignment: 8)
        if source.count > 0 { copy.copyMemory(from: source) }
        bytes = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(copy)[0..<source.count])
    }
    deinit { bytes.baseAddress.map { UnsafeMutableRawPointer(mutating: $0).deallocate() } }
}
