import Foundation

/// What an earlier analysis lends to a new one of mostly the same articles, so that a changed
/// file is analysed alone: an unchanged article keeps its name candidates, and keeps its quotes
/// when the people and organisations it names resolve as before. Merging names across articles
/// and grouping quotes are corpus-wide and always run again.
///
/// The earlier analysis stays in its snapshot's bytes (`StoredAnalysis`): an article's name
/// candidates are read when its names are looked for, and mentions and quotes a slice of
/// articles at a time as the quotes are collected (`lend(for:)`), once names are merged.
public struct PriorAnalysis: Sendable {
    /// Index in the earlier corpus of each unchanged article.
    private var earlier: [String: Int] = [:]
    private let names: LentNames
    private let stored: StoredAnalysis
    private let slice = LentSlice()

    /// The new analysis's articles, and the place among them of each earlier article (-1 when
    /// its file changed or went).
    private let articles: [Article]
    private let newPlace: [Int32]

    /// `stored`: the analysis of `earlierArticles`; `articles`: the new analysis's, of which
    /// those with ids in `unchanged` have files that did not change.
    init(_ stored: StoredAnalysis, of earlierArticles: [Article], for articles: [Article], unchanged: Set<String>) {
        self.stored = stored
        self.articles = articles
        for (i, article) in earlierArticles.enumerated() where unchanged.contains(article.id) { earlier[article.id] = i }
        var places = [Int32](repeating: -1, count: stored.articleCount)
        for (j, article) in articles.enumerated() {
            if let i = earlier[article.id], i < places.count { places[i] = Int32(j) }
        }
        newPlace = places
        names = LentNames(stored, lent: Set(earlier.values))
    }

    /// The article's earlier name candidates, handed out once.
    func takeNames(of article: Article) -> ArticleNames? { earlier[article.id].flatMap { names.take($0) } }

    /// Reads what `quotes(of:)` lends for `articles`, the next slice whose quotes are collected,
    /// in place of the last slice's. Called between slices, never while quotes are collected.
    func lend(for articles: ArraySlice<Article>) {
        if slice.actors == nil {
            let facts = stored.actorFacts()
            slice.actors = facts
            slice.actorNames = facts.map(\.name)
        }
        let places = articles.compactMap { earlier[$0.id] }.sorted()
        slice.mentions = stored.mentions(of: places, actors: slice.actors?.count ?? 0) ?? [:]
        let (articles, newPlace) = (self.articles, self.newPlace)
        let article: @Sendable (Int) -> ArticleText? = { i in
            newPlace[i] >= 0 ? (articles[Int(newPlace[i])].id, articles[Int(newPlace[i])].body) : nil
        }
        slice.quotes = stored.quotes(of: places, article: article, actorNames: slice.actorNames) ?? [:]
    }

    /// The article's earlier quotes, when its mentions resolve as before; speakers renumbered.
    /// Only for an article of the slice last lent.
    func quotes(of article: Article, mentions now: [ResolvedMention], actors: [Actor], index: [String: Int]) -> [Quote]? {
        guard let i = earlier[article.id], let before = slice.mentions[i], let earlierQuotes = slice.quotes[i],
              let facts = slice.actors, before.count == now.count else { return nil }
        for (b, n) in zip(before, now) {
            guard b.start == n.start, b.end == n.end, b.token == n.token, facts.indices.contains(b.actor),
                  facts[b.actor].matches(actors[n.actor]) else { return nil }
        }
        var out: [Quote] = []
        out.reserveCapacity(earlierQuotes.count)
        for var q in earlierQuotes {
            if let old = q.speaker {
                guard facts.indices.contains(old), let new = index[facts[old].id] else { return nil }
                q.speaker = new
                q.speakerName = actors[new].name
            }
            q.group = nil
            out.append(q)
        }
        return out
    }
}

/// The earlier actors' facts (read once) and one slice's mentions and quotes, by earlier place:
/// written by the thread collecting quotes between slices, read by the extracting threads.
private final class LentSlice: @unchecked Sendable {
    var actors: [ActorFacts]?
    var actorNames: [String] = []
    var mentions: [Int: [ResolvedMention]] = [:]
    var quotes: [Int: [Quote]] = [:]
}

/// What attribution reads of an actor: when a mention's actor has the same facts, the quotes
/// of an unchanged article come out the same.
struct ActorFacts: Sendable {
    var id: String, name: String, kind: Actor.Kind, gender: Actor.Gender?, roles: [String]

    func matches(_ a: Actor) -> Bool {
        id == a.id && name == a.name && kind == a.kind && gender == a.gender && roles == a.roles
    }
}

/// The unchanged articles' name candidates, read from the stored analysis's bytes when the new
/// analysis asks for them, each article's once (from any thread). Decoded all at once they were
/// 100 MB of the heap at 100k articles while names were merged again; a block's pages are let
/// go once every article of it that is lent has been taken.
final class LentNames: @unchecked Sendable {
    private let stored: StoredAnalysis
    /// Per earlier article: where its candidates lie in the stored bytes (nil: not lent, or taken).
    private var places: [Range<Int>?] = []
    /// Per block of the stored list: its bytes, and how many of its lent articles are not taken yet.
    private var blocks: [(span: UnsafeRawBufferPointer, left: Int)] = []
    private var blockOf: [Int32] = []
    private let lock = NSLock()

    /// The candidates of the earlier articles at `lent`; none when the stored ones do not read.
    init(_ stored: StoredAnalysis, lent: Set<Int>) {
        self.stored = stored
        guard let list = stored.sections.names, list.total == stored.articleCount else { return }
        var places = [Range<Int>?](repeating: nil, count: list.total)
        var blockOf = [Int32](repeating: -1, count: list.total)
        for (b, span) in list.spans.enumerated() {
            guard span.start >= 0, span.start + span.length <= stored.bytes.count else { return }
            let part = UnsafeRawBufferPointer(rebasing: stored.bytes[span.start..<(span.start + span.length)])
            var r = BinaryReader(part)
            var left = 0
            for k in 0..<span.items {
                guard let n = try? r.count() else { return }
                let from = span.start + r.position
                guard (try? r.skip(n)) != nil else { return }
                let i = span.first + k
                if lent.contains(i) {
                    places[i] = from..<(from + n)
                    blockOf[i] = Int32(b)
                    left += 1
                }
            }
            blocks.append((part, left))
            // read again when taken
            stored.used?(part)
        }
        self.places = places
        self.blockOf = blockOf
    }

    /// The candidates of the earlier article at `i`, once; nil when not lent, taken already, or
    /// damaged (the article is then searched again).
    func take(_ i: Int) -> ArticleNames? {
        let range: Range<Int>? = lock.withLock {
            guard places.indices.contains(i), let range = places[i] else { return nil }
            places[i] = nil
            return range
        }
        guard let range else { return nil }
        var r = BinaryReader(UnsafeRawBufferPointer(rebasing: stored.bytes[range]))
        let names = try? r.names()
        let done: UnsafeRawBufferPointer? = lock.withLock {
            let b = Int(blockOf[i])
            blocks[b].left -= 1
            return blocks[b].left == 0 ? blocks[b].span : nil
        }
        if let done { stored.used?(done) }
        return r.atEnd ? names : nil
    }
}
