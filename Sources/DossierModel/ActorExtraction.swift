/// Actors of a whole corpus: tokenise and find names per article (in parallel), then resolve
/// them across articles.
public struct ActorIndex: Sendable {
    public var actors: [Actor]
    /// Per article index, its resolved mentions in text order.
    public var mentions: [[ResolvedMention]]
    /// Per article, its name candidates as bytes (for the cache).
    var names: [EncodedNames]

    public static func build(_ articles: [Article]) -> ActorIndex { build(articles, prior: nil) }

    static func build(_ articles: [Article], prior: PriorAnalysis?) -> ActorIndex {
        // Tokens are not kept: for a large corpus they would outweigh the text many times over.
        // Quote extraction tokenises each article again, one at a time.
        // held by one box, so that they are freed on a teardown thread once encoded
        // each name and role list kept once for the corpus (`SharedLists`)
        let lists = SharedLists()
        let found = SoleOwner(ParallelMap.map(articles: articles) { article -> ArticleNames in
            if let known = prior?.takeNames(of: article) { return known.compacted(sharing: lists) }
            let scalars = ScalarArray.of(article.body)
            return NameFinder.find(in: scalars, windows: AnalysisWindows.of(article, scalars: scalars)).compacted(sharing: lists)
        })
        let output = ActorResolver.resolve(articles: articles, names: found.held)
        // Most mentioned first; persons before organisations on a tie.
        var counts = [Int](repeating: 0, count: output.actors.count)
        for list in output.mentions { for m in list { counts[m.actor] += 1 } }
        let resolved = output.actors
        let order = resolved.indices.sorted { a, b in
            if counts[a] != counts[b] { return counts[a] > counts[b] }
            if resolved[a].kind != resolved[b].kind { return resolved[a].kind == .person }
            return resolved[a].name < resolved[b].name
        }
        var newIndex = [Int](repeating: 0, count: order.count)
        for (new, old) in order.enumerated() { newIndex[old] = new }
        let mentions = output.mentions.map { list in list.map { m in
            var m = m
            m.actor = newIndex[m.actor]
            return m
        } }
        // copied, so that they do not keep the resolver's freed memory resident
        var actors = order.map { Compacted.actor(output.actors[$0]) }
        ActorIndex.collectMentions(&actors, from: mentions, articles: articles)
        // the candidates as bytes: the values would stay alive through quote extraction; in a
        // file of their own unless none can be written
        let encoded = EncodedNames.spilled(found.held) ?? ParallelMap.map(found.held) { EncodedNames($0) }
        found.releaseLater()
        return ActorIndex(actors: actors, mentions: mentions, names: encoded)
    }

    /// Each actor's mentions, in article order and text order: built from the per-article
    /// lists, so that the two always agree (and the cache need not store both).
    static func collectMentions(_ actors: inout [Actor], from mentions: [[ResolvedMention]], articles: [Article]) {
        for (i, list) in mentionLists(actors: actors.count, from: mentions, articles: articles).enumerated() {
            actors[i].mentions = list
        }
    }

    /// The mention list of each of `actors` actors.
    static func mentionLists(actors: Int, from mentions: [[ResolvedMention]], articles: [Article]) -> [[Mention]] {
        // counted first, so that each list is allocated once at its size (appending would
        // leave up to half of every list unused)
        var counts = [Int](repeating: 0, count: actors)
        for list in mentions { for m in list { counts[m.actor] += 1 } }
        var lists: [[Mention]] = counts.map { count in
            var list: [Mention] = []
            list.reserveCapacity(count)
            return list
        }
        for (a, list) in mentions.enumerated() {
            for m in list { lists[m.actor].append(Mention(article: articles[a].id, start: m.start, end: m.end)) }
        }
        return lists
    }
}
