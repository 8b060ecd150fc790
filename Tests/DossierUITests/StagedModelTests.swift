import Foundation
import Testing
import DossierModel
@testable import DossierUI

/// The browser shows the actors while the quotes are extracted, and keeps the reader's place
/// through both arrivals.
@Suite struct StagedModelTests {
    @Test func theActorsShowBeforeTheQuotesAndTheReaderKeepsItsPlace() throws {
        let loaded = try CorpusLoader.load(folder: Fixture.root.appendingPathComponent("seeds").path)
        var partial = Corpus(articles: loaded.articles, warnings: loaded.warnings, analyze: false)
        partial.buildSearchFilters()
        var stages: [Corpus] = []
        let full = partial.analyzed { stages.append($0) }
        let staged = try #require(stages.first)
        let size = Size(width: 120, height: 40)
        let first = AppState(model: BrowserModel(corpus: partial, name: "seeds"), size: size).keys("jj")
        #expect(first.actors.count == 0)
        let withActors = update(first, .loaded(BrowserModel(corpus: staged, name: "seeds"), complete: false))
        #expect(withActors.actors.count > 10)
        #expect(withActors.quotes.count == 0)
        #expect(withActors.loading != nil)
        #expect(withActors.articles.selected == 2)
        // an actor's articles are there to filter by; the quotes are not yet
        let filtered = withActors.keys("3jjjja")
        let actor = try #require(filtered.actorFilter)
        #expect(filtered.articles.count == filtered.model.articlesByActor[actor].count)
        #expect(filtered.articles.count < full.articles.count)
        let done = update(withActors, .loaded(BrowserModel(corpus: full, name: "seeds"), complete: true))
        #expect(done.loading == nil)
        #expect(done.quotes.count > 0)
        #expect(done.articles.selected == 2)
        #expect(done.actors.count == withActors.actors.count)
    }

    /// A model replaced by one of a changed corpus (here: the seeds, then the seeds with an
    /// article added) may number the actors otherwise, and what the user picked by actor
    /// follows the actor, not its number.
    @Test func anActorPickedInTheEarlierAnalysisIsTheSameActorInTheNewOne() throws {
        let cache = NSTemporaryDirectory() + "dossier-staged-\(UUID().uuidString)"
        let folder = NSTemporaryDirectory() + "dossier-staged-corpus-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: Fixture.root.appendingPathComponent("seeds").path, toPath: folder)
        defer { try? FileManager.default.removeItem(atPath: folder); try? FileManager.default.removeItem(atPath: cache) }
        let earlier = try CorpusCache.load(folder: folder, cacheFolder: cache).corpus
        // a new article whose people outnumber most of the seeds' in mentions
        try String(repeating: "Minister Lena Berg said: “We will see.” Mr. Tomas Vik said: “So will we.”\n\n", count: 12)
            .write(toFile: folder + "/009_added.txt", atomically: true, encoding: .utf8)
        let now = try CorpusCache.load(folder: folder, cacheFolder: cache).corpus
        // an actor numbered differently in the two
        let moved = try #require(earlier.actors.indices.first { i in now.actors.firstIndex { $0.id == earlier.actors[i].id } != i })
        let movedId = earlier.actors[moved].id
        let size = Size(width: 120, height: 40)
        var shown = AppState(model: BrowserModel(corpus: earlier, name: "seeds"), size: size)
        shown = update(shown, .loaded(BrowserModel(corpus: earlier, name: "seeds"), complete: false))
        #expect(shown.quotes.count > 0)
        shown.filters = [.actor(moved)]
        shown.quotesOfActor = moved
        let done = update(shown, .loaded(BrowserModel(corpus: now, name: "seeds"), complete: true))
        let filtered = try #require(done.actorFilter)
        #expect(done.model.corpus.actors[filtered].id == movedId)
        #expect(done.quotesOfActor.map { done.model.corpus.actors[$0].id } == movedId)
        // an actor the new analysis no longer has takes its filter with it
        var gone = shown
        gone.filters = [.actor(earlier.actors.count + 5)]
        #expect(update(gone, .loaded(BrowserModel(corpus: now, name: "seeds"), complete: true)).actorFilter == nil)
    }
}
