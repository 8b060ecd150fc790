import Foundation

/// What an earlier analysis lends to a new one of mostly the same articles, so that a changed
/// file is analysed alone: an unchanged article keeps its name candidates, and keeps its quotes
/// when the people and organisations it names resolve as before. Merging names across articles
/// and grouping quotes are corpus-wide and always run again.
///
/// The earlier corpus's lists are held as they are, not copied into tables: at 100k articles a
/// copy of every mention and quote cost most of a second and several hundred megabytes.
public struct PriorAnalysis: Sendable {
    /// Index in the earlier corpus of each unchanged article.
    private var earlier: [String: Int] = [:]
    private var names = LentNames([])
    private var mentions: [[ResolvedMention]] = []
    /// The earlier quotes, article by article, and each earlier article's part of them (nil
    /// when its quotes were not together, which the corpus never does; they are then found again).
    private var quotes: [Quote] = []
    private var quoteRanges: [Range<Int>?] = []
    /// What attribution reads of each earlier actor.
    private var actors: [ActorFacts] = []

    /// `unchanged`: ids of the articles whose files did not change.
    init(_ corpus: Corpus, unchanged: Set<String>) {
        guard corpus.names.count == corpus.articles.count, corpus.mentions.count == corpus.articles.count else { return }
        for (i, article) in corpus.articles.enumerated() where unchanged.contains(article.id) { earlier[article.id] = i }
        names = LentNames(corpus.names)
        mentions = corpus.mentions
        quotes = corpus.quotes
        actors = corpus.actors.map(ActorFacts.init)
        quoteRanges = PriorAnalysis.ranges(of: corpus.quotes, in: corpus.articles)
    }

    /// Each article's run of quotes, when the quotes come article by article in its order.
    static func ranges(of quotes: [Quote], in articles: [Article]) -> [Range<Int>?] {
        var ranges = [Range<Int>?](repeating: 0..<0, count: articles.count)
        var a = 0, k = 0
        while k < quotes.count {
            while a < articles.count, articles[a].id != quotes[k].article { a += 1 }
            guard a < articles.count else { break }
            let start = k
            while k < quotes.count, quotes[k].article == articles[a].id { k += 1 }
            ranges[a] = start..<k
            a += 1
        }
        // quotes out of article order: none of them is lent
        if k < quotes.count { return [Range<Int>?](repeating: nil, count: articles.count) }
        return ranges
    }

    /// The article's earlier name candidates. Each article's are handed out once, and their
    /// bytes let go: the new analysis holds them as values from here on, and both at once were
    /// a sixteenth of the peak of re-analysing 100k articles after one file changed.
    func takeNames(of article: Article) -> ArticleNames? { earlier[article.id].flatMap { names.take($0)?.decoded() } }

    /// The article's earlier quotes, when its mentions resolve as before; speakers renumbered.
    func quotes(of article: Article, mentions now: [ResolvedMention], actors: [Actor], index: [String: Int]) -> [Quote]? {
        guard let i = earlier[article.id], let range = quoteRanges[i] else { return nil }
        let before = mentions[i]
        guard before.count == now.count else { return nil }
        for (b, n) in zip(before, now) {
            guard b.start == n.start, b.end == n.end, b.token == n.token, self.actors[b.actor].matches(actors[n.actor]) else { return nil }
        }
        var out: [Quote] = []
        out.reserveCapacity(range.count)
        for var q in quotes[range] {
            if let old = q.speaker {
                guard let new = index[self.actors[old].id] else { return nil }
                q.speaker = new
                q.speakerName = actors[new].name
            }
            q.group = nil
            out.append(q)
        }
        return out
    }
}

/// What attribution reads of an actor: when a mention's actor has the same facts, the quotes
/// of an unchanged article come out the same.
struct ActorFacts: Sendable {
    var id: String, name: String, kind: Actor.Kind, gender: Actor.Gender?, roles: [String]

    init(_ a: Actor) {
        id = a.id
        name = a.name
        kind = a.kind
        gender = a.gender
        roles = a.roles
    }

    func matches(_ a: Actor) -> Bool {
        id == a.id && name == a.name && kind == a.kind && gender == a.gender && roles == a.roles
    }
}

/// Name candidates as bytes, each taken once (from any thread).
final class LentNames: @unchecked Sendable {
    private var slots: [EncodedNames?]
    private let lock = NSLock()

    init(_ names: [EncodedNames]) { slots = names }

    func take(_ i: Int) -> EncodedNames? {
        lock.withLock {
            guard slots.indices.contains(i) else { return nil }
            defer { slots[i] = nil }
            return slots[i]
        }
    }
}
