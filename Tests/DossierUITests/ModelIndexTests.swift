import Foundation
import Testing
@testable import DossierModel
@testable import DossierUI

/// The browser model's indexes, built in one pass for speed, against the plain definitions.
@Suite struct ModelIndexes {
    static func article(_ n: Int, source: String) -> Article {
        let body = "“We will not accept this plan,” said Governor Mira Holt of the northern province. "
            + "Senator Tomas Reyes said the vote was close. “It was a fair count,” Reyes told reporters. "
            + "Holt said: “The count was not fair, and we will ask for another.”"
        return Article(id: "a\(n)", file: "a\(n).txt", title: "Story \(n)", source: source,
                       paragraphs: [Paragraph(text: body, start: 0, end: body.unicodeScalars.count, sourceStart: 0,
                                              sourceEnd: body.unicodeScalars.count)])
    }

    static let models: [BrowserModel] = {
        let articles = (0..<7).map { article($0, source: ["Daily Post", "Evening Star", "Daily Post"][$0 % 3]) }
        // the seeds as a reopened browser has them: read back from a snapshot, with the places
        // of each actor's articles
        let seeds = Fixture.root.appendingPathComponent("seeds").path
        let loaded = try! CorpusLoader.load(folder: seeds)
        let analysed = Corpus(articles: loaded.articles, warnings: loaded.warnings)
        let reopened = try! CorpusCache.decode(CorpusCache.encode(analysed, loaded: loaded).data, isCurrent: { _ in true })!.snapshot.corpus
        return [Fixture.model, BrowserModel(corpus: Corpus(articles: articles), name: "seven"),
                BrowserModel(corpus: reopened, name: "reopened")]
    }()

    @Test func aReopenedModelUsesTheSnapshotsActorPlaces() {
        #expect(ModelIndexes.models[2].corpus.actorArticleIndices != nil)
        #expect(ModelIndexes.models[0].corpus.actorArticleIndices == nil)
        #expect(ModelIndexes.models[2].articlesByActor.map { Array($0) } == ModelIndexes.models[0].articlesByActor.map { Array($0) })
    }

    @Test(arguments: 0..<3) func indexesAgreeWithTheirDefinitions(_ which: Int) {
        let model = ModelIndexes.models[which]
        let corpus = model.corpus
        #expect(!corpus.quotes.isEmpty)
        #expect(model.quoteArticle.map(Int.init) == corpus.quotes.map { corpus.articleIndex(of: $0.article) ?? -1 })
        for a in corpus.articles.indices {
            #expect(Array(model.quotesByArticle[a]) == corpus.quotes.indices.filter { corpus.quotes[$0].article == corpus.articles[a].id })
        }
        for actor in corpus.actors.indices {
            #expect(Array(model.quotesByActor[actor]) == corpus.quotes.indices.filter { corpus.quotes[$0].speaker == actor })
            #expect(Array(model.articlesByActor[actor]) == corpus.actors[actor].articles.compactMap { corpus.articleIndex(of: $0) }.sorted())
            let sources = Set(model.articlesByActor[actor].map { model.articleSource[$0] })
            #expect(Array(model.actorSources[actor]) == sources.sorted())
        }
        #expect(model.reportedCount == corpus.quotes.filter { $0.kind == .reported }.count)
    }

    @Test func anActorInSeveralOutletsListsEachOnce() {
        let model = ModelIndexes.models[1]
        let holt = model.corpus.actors.firstIndex { $0.name == "Mira Holt" }
        #expect(holt != nil)
        if let holt {
            #expect(model.articlesByActor[holt].count == 7)
            #expect(model.actorSources[holt].count == 2)
        }
    }
}

@Suite struct ModelSearchFilters {
    @Test func theModelTakesTheCorpussFiltersInsteadOfMakingThemAgain() throws {
        var corpus = Fixture.model.corpus
        corpus.buildSearchFilters()
        let made = try #require(corpus.searchFilters)
        let model = BrowserModel(corpus: corpus, name: "filters")
        // the same storage, not an equal copy
        let shared = model.articleFilters!.mayContain(0, TextSearch.Needle("the"))
        #expect(shared)
        #expect(ModelSearchFilters.storage(model.articleFilters!) == ModelSearchFilters.storage(made))
        // a corpus without them gets them made
        let plain = BrowserModel(corpus: Fixture.model.corpus, name: "plain")
        #expect(ModelSearchFilters.storage(plain.articleFilters!) != ModelSearchFilters.storage(made))
        #expect(plain.articleFilters!.count == corpus.articles.count)
    }

    @Test func aModelShownBeforeItsFiltersFindsWhatTheFilteredOneFinds() {
        let unfiltered = BrowserModel(corpus: Corpus(articles: Fixture.model.corpus.articles, analyze: false), name: "u",
                                      makeSearchFilters: false)
        #expect(unfiltered.articleFilters == nil)
        let filtered = BrowserModel(corpus: Corpus(articles: Fixture.model.corpus.articles, analyze: false), name: "f")
        for query in ["trump", "zzqx", "said the", "iran's", "saïd", "Khamenei’s", "2018"] {
            let needle = TextSearch.Needle(query)
            let a = unfiltered.corpus.articles.indices.filter { unfiltered.articleMatches($0, needle) }
            let b = filtered.corpus.articles.indices.filter { filtered.articleMatches($0, needle) }
            #expect(a == b, "\(query)")
        }
        // and the browser's search goes through it
        let s = AppState(model: unfiltered, size: Size(width: 120, height: 40)).keys("/iran").key(.enter)
        #expect(s.status?.contains("no match") != true)
    }

    @Test func aSearchOfEveryArticleFindsWhatEachArticleIsAskedFinds() {
        // the seeds, a model without filters, and one read back from a snapshot
        for model in ModelIndexes.models + [BrowserModel(corpus: Corpus(articles: Fixture.model.corpus.articles, analyze: false),
                                                         name: "u", makeSearchFilters: false)] {
            for query in ["trump", "zzqx", "said the", "iran's", "saïd", "Khamenei’s", "2018", "Story 3", "daily post",
                          "evening star", "story 3 daily" /* spans title and source: no match */, "", "reuters"] {
                let needle = TextSearch.Needle(query)
                let search = model.articleSearch(needle)
                let each = model.corpus.articles.indices.filter { model.articleMatches($0, needle) }
                let all = model.corpus.articles.indices.filter { search.matches($0) }
                #expect(all == each, "\(model.corpusName): \(query)")
            }
        }
        let seven = ModelIndexes.models[1]
        #expect(seven.corpus.articles.indices.filter { seven.articleSearch(TextSearch.Needle("evening star")).matches($0) } == [1, 4])
        #expect(seven.corpus.articles.indices.filter { seven.articleSearch(TextSearch.Needle("story 3 daily")).matches($0) }.isEmpty)
        // made once, and shared by every search of the model
        #expect(seven.articleHeadings() === seven.articleHeadings())
    }

    /// Where a table's words live.
    static func storage(_ table: TextFilterTable) -> UnsafeRawPointer? {
        UnsafeRawPointer(table.storage.words.baseAddress)
    }
}

@Suite struct SourceChoices {
    @Test func aChoiceHoldsItsSourcesAndNoOthers() {
        let choice = SourceChoice([0, 2], of: 4)
        #expect(choice.contains(0) && choice.contains(2))
        #expect(!choice.contains(1) && !choice.contains(3))
        #expect(!choice.contains(-1) && !choice.contains(4))
        #expect(choice.members == [0, 2])
    }

    @Test func filteringBySourceKeepsExactlyThatSourcesArticlesAndActors() {
        let model = ModelIndexes.models[1]
        let post = model.sources.firstIndex { $0.name == "Daily Post" }!
        var state = AppState(model: model, size: Size(width: 120, height: 40))
        state.filters.append(.sources(["Daily Post"]))
        state.refreshLists()
        #expect(state.articles.items == model.articlesBySource[post])
        #expect(state.articles.items.allSatisfy { model.corpus.articles[$0].source == "Daily Post" })
        #expect(state.actors.items == model.sidebarActors.filter { model.actorSources[$0].contains(post) })
    }
}
