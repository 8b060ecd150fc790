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
}
