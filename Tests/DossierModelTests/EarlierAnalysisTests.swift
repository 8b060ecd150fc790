import Foundation
import Testing
@testable import DossierModel

/// After a change, the snapshot's analysis of the unchanged articles is shown while the changes
/// are analysed: it must hold nothing of a changed or removed article, and everything else as
/// the snapshot had it.
@Suite struct EarlierAnalysisTests {
    /// The seeds analysed and stored, then 004 changed, 005 added and 000 removed; the lookup
    /// and load a browser makes of them then.
    func changedCorpus() throws -> (before: Corpus, lookup: CorpusCache.Lookup, loaded: CorpusLoader.Result) {
        let cache = Paths.temporaryFolder().path, folder = try Cache().corpusCopy()
        let before = try CorpusCache.load(folder: folder, cacheFolder: cache).corpus
        try Cache().changeOneAddOneRemoveOne(folder)
        let lookup = CorpusCache.cached(folder: folder, cacheFolder: cache)
        return (before, lookup, try lookup.load(folder: folder))
    }

    @Test func theUnchangedArticlesKeepTheirQuotesAndMentionsAndTheRestHaveNone() throws {
        let (before, lookup, loaded) = try changedCorpus()
        let earlier = try #require(lookup.earlierAnalysis(for: loaded, searchFilters: nil))
        #expect(earlier.articles.map(\.id) == loaded.articles.map(\.id))
        let unchanged = loaded.reusedIds
        #expect(unchanged.count == 3)
        // every quote of an unchanged article, in the new article order, with the same speaker
        let expected = loaded.articles.filter { unchanged.contains($0.id) }.flatMap { a in before.quotes.filter { $0.article == a.id } }
        #expect(!expected.isEmpty)
        #expect(earlier.quotes.map(\.id) == expected.map(\.id))
        #expect(earlier.quotes.map { String($0.text) } == expected.map { String($0.text) })
        #expect(earlier.quotes.map { $0.speaker.map { earlier.actors[$0].id } } == expected.map { $0.speaker.map { before.actors[$0].id } })
        for (i, article) in earlier.articles.enumerated() {
            if unchanged.contains(article.id) {
                let then = try #require(before.articleIndex(of: article.id))
                #expect(earlier.mentions[i].map(\.start) == before.mentions[then].map(\.start))
                #expect(earlier.mentions[i].map { earlier.actors[$0.actor].id } == before.mentions[then].map { before.actors[$0.actor].id })
            } else {
                #expect(earlier.mentions[i].isEmpty)
            }
        }
    }

    @Test func anActorOfChangedOrRemovedArticlesOnlyIsLeftOutAndTheOthersLoseThoseArticles() throws {
        let (before, lookup, loaded) = try changedCorpus()
        let earlier = try #require(lookup.earlierAnalysis(for: loaded, searchFilters: nil))
        let gone = Set(before.articles.map(\.id)).subtracting(loaded.reusedIds)
        #expect(gone == ["000_121963db264eac04", "004_55a2b388bbf5f81d"])
        let onlyGone = before.actors.filter { $0.articles.allSatisfy(gone.contains) }
        let partly = before.actors.filter { a in a.articles.contains(where: gone.contains) && !a.articles.allSatisfy(gone.contains) }
        #expect(!onlyGone.isEmpty)
        #expect(!partly.isEmpty)
        #expect(earlier.actors.count == before.actors.count - onlyGone.count)
        #expect(Set(earlier.actors.map(\.id)).isDisjoint(with: onlyGone.map(\.id)))
        for actor in earlier.actors {
            #expect(!actor.articles.isEmpty)
            #expect(!actor.articles.contains(where: gone.contains))
            #expect(!actor.mentions.contains { gone.contains($0.article) })
        }
        // the others in their earlier order, the mentions of the kept articles intact
        #expect(earlier.actors.map(\.id) == before.actors.map(\.id).filter { id in !onlyGone.contains { $0.id == id } })
        let kept = try #require(earlier.actors.first { $0.id == partly[0].id })
        #expect(kept.mentions == partly[0].mentions.filter { !gone.contains($0.article) })
    }

    @Test func withoutAStaleSnapshotThereIsNoEarlierAnalysis() throws {
        let loaded = try CorpusLoader.load(folder: Paths.seeds)
        #expect(CorpusCache.Lookup().earlierAnalysis(for: loaded, searchFilters: nil) == nil)
    }
}

extension EarlierAnalysisTests {
    /// Files only added: nothing of the earlier analysis is left behind, and its quotes (128
    /// bytes each) are lent as they are, not copied.
    @Test func afterAnAdditionTheEarlierQuotesAreLentNotCopied() throws {
        let cache = Paths.temporaryFolder().path, folder = try Cache().corpusCopy()
        // an article without quotes among those with some
        try "Plain Report\n\nThe council met on Friday and adjourned.\n".write(toFile: folder + "/010_plain.txt", atomically: true, encoding: .utf8)
        _ = try CorpusCache.load(folder: folder, cacheFolder: cache)
        try "Added Report\n\n“Nothing is settled,” Lena Berg said on Friday.\n"
            .write(toFile: folder + "/009_added.txt", atomically: true, encoding: .utf8)
        let lookup = CorpusCache.cached(folder: folder, cacheFolder: cache)
        let loaded = try lookup.load(folder: folder)
        let stale = try #require(lookup.stale?.corpus)
        let earlier = try #require(lookup.earlierAnalysis(for: loaded, searchFilters: nil))
        #expect(earlier.articles.count == stale.articles.count + 1)
        #expect(earlier.quotes.count == stale.quotes.count)
        let lent = earlier.quotes.withUnsafeBufferPointer { $0.baseAddress }
        #expect(lent == stale.quotes.withUnsafeBufferPointer { $0.baseAddress })
        #expect(earlier.actors.map(\.id) == stale.actors.map(\.id))
    }
}
