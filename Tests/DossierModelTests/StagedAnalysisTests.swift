import Foundation
import Testing
@testable import DossierModel

/// The analysis hands over its actors before it extracts quotes, so that a browser can show
/// them meanwhile.
@Suite struct StagedAnalysisTests {
    @Test func theActorsArriveBeforeTheQuotesAndAreTheFinalOnes() throws {
        let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("seeds").path
        let loaded = try CorpusLoader.load(folder: seeds)
        var partial = Corpus(articles: loaded.articles, warnings: loaded.warnings, analyze: false)
        partial.buildSearchFilters()
        var stages: [Corpus] = []
        let full = partial.analyzed { stages.append($0) }
        #expect(stages.count == 1)
        let staged = try #require(stages.first)
        #expect(staged.quotes.isEmpty)
        #expect(!full.quotes.isEmpty)
        #expect(staged.actors.map(\.id) == full.actors.map(\.id))
        #expect(staged.actors.map(\.mentions) == full.actors.map(\.mentions))
        #expect(staged.mentions == full.mentions)
        #expect(staged.articles.map(\.id) == full.articles.map(\.id))
        // it searches with the filters made for the articles, and finds articles by id
        #expect(staged.searchFilters?.count == staged.articles.count)
        #expect(staged.articleIndex(of: full.articles[2].id) == 2)
    }
}
