/// An earlier analysis carried over to a new version of its corpus, to be shown while the
/// changed files are analysed: the actors, mentions and quotes of the articles whose files did
/// not change, and none yet for the rest. At 100k articles, re-analysing one changed file takes
/// ten seconds, since names are merged and quotes grouped over the whole corpus again; this takes
/// a fraction of a second. mutt shows a mailbox's cached headers the same way while it checks it.
///
/// It is provisional. An actor whose only articles changed or went is left out, and the others
/// keep the mentions, roles and merges of the earlier analysis until the new one replaces them.
extension Corpus {
    /// This corpus's analysis for `articles`, a new load of its folder in which the articles
    /// with ids in `unchanged` have the text they had here. Search filters and warnings are the
    /// new load's.
    func carriedOver(to articles: [Article], warnings: [LoadWarning], unchanged: Set<String>,
                     searchFilters: TextFilterTable?) -> Corpus {
        let earlierIndex = articles.map { unchanged.contains($0.id) ? articleIndex(of: $0.id) : nil }
        var kept = [Bool](repeating: false, count: self.articles.count)
        for case let i? in earlierIndex { kept[i] = true }
        // the articles whose analysis is left behind: changed, or gone
        var dropped = Set<String>()
        for i in self.articles.indices where !kept[i] { dropped.insert(self.articles[i].id) }
        // Only the actors of those articles change; with none (files were only added) the
        // actors, mentions and quotes are this corpus's own arrays, not copies.
        var carried = actors
        // each earlier actor's index among the carried ones (nil: left out), when any is left out
        var renumbered: [Int?]?
        if !dropped.isEmpty {
            carried = []
            carried.reserveCapacity(actors.count)
            var places = [Int?](repeating: nil, count: actors.count)
            for a in actors.indices {
                var actor = actors[a]
                if actor.articles.contains(where: dropped.contains) {
                    actor.articles.removeAll(where: dropped.contains)
                    actor.mentions.removeAll { dropped.contains($0.article) }
                    if actor.articles.isEmpty { continue }
                }
                places[a] = carried.count
                carried.append(actor)
            }
            if carried.count != actors.count { renumbered = places }
        }
        let mentions = earlierIndex.map { i -> [ResolvedMention] in
            guard let i else { return [] }
            guard let renumbered else { return self.mentions[i] }
            return self.mentions[i].compactMap { m in
                var m = m
                guard let a = renumbered[m.actor] else { return nil }
                m.actor = a
                return m
            }
        }
        return Corpus(articles: articles, warnings: warnings, actors: carried, mentions: mentions,
                      quotes: carriedQuotes(earlierIndex, renumbered: renumbered), names: [], searchFilters: searchFilters)
    }

    /// The quotes of the articles at `earlierIndex` (places in this corpus), article by article
    /// in that order, speakers `renumbered` when given. When they are all the quotes in the
    /// order they have here (articles were only added), they are this corpus's array itself:
    /// a copy is 128 bytes a quote, 136 MB at 100k articles.
    private func carriedQuotes(_ earlierIndex: [Int?], renumbered: [Int?]?) -> [Quote] {
        let ranges = PriorAnalysis.ranges(of: quotes, in: articles)
        var next = 0
        for case let i? in earlierIndex {
            guard let range = ranges[i] else { next = -1; break }
            if range.isEmpty { continue }
            guard range.lowerBound == next else { next = -1; break }
            next = range.upperBound
        }
        if next == quotes.count, renumbered == nil { return quotes }
        var out: [Quote] = []
        out.reserveCapacity(quotes.count)
        for case let i? in earlierIndex {
            guard let range = ranges[i] else { continue }
            for var q in quotes[range] {
                if let renumbered, let speaker = q.speaker {
                    q.speaker = renumbered[speaker]
                    if q.speaker == nil { q.speakerName = actors[speaker].name }
                }
                out.append(q)
            }
        }
        return out
    }
}

extension CorpusCache.Lookup {
    /// The stale snapshot's analysis carried over to `loaded` (its `load`), with `searchFilters`
    /// made for `loaded`'s articles: what a browser shows while the changed files are analysed.
    /// Nil without a stale snapshot, or when no article's file is unchanged.
    public func earlierAnalysis(for loaded: CorpusLoader.Result, searchFilters: TextFilterTable?) -> Corpus? {
        guard let earlier = stale?.corpus, !loaded.reusedIds.isEmpty, !earlier.actors.isEmpty || !earlier.quotes.isEmpty else {
            return nil
        }
        return earlier.carriedOver(to: loaded.articles, warnings: loaded.warnings + warnings, unchanged: loaded.reusedIds,
                                   searchFilters: searchFilters)
    }
}
