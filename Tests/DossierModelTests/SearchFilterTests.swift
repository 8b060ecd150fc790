import Foundation
import Testing
@testable import DossierModel

/// The per-article search filters: never a false "no", and kept in the snapshot.
@Suite struct SearchFilters {
    @Test func theTextFilterNeverRejectsATrueMatch() {
        let texts = ["Title Here", "The Budget was PASSED by the Council in Zürich; «quoted» (2024)."]
        let filter = TextFilter(texts)
        // every substring of the texts, in both cases, passes
        for text in texts {
            let chars = Array(text)
            for start in chars.indices {
                for end in (start + 1)...min(chars.count, start + 6) {
                    let piece = String(chars[start..<end])
                    #expect(filter.mayContain(TextSearch.Needle(piece)), "\(piece)")
                    #expect(filter.mayContain(TextSearch.Needle(piece.uppercased())), "\(piece)")
                }
            }
        }
        #expect(!filter.mayContain(TextSearch.Needle("zzqx")))
        #expect(!filter.mayContain(TextSearch.Needle("zq")))        // pairs of letters are exact
        #expect(!filter.mayContain(TextSearch.Needle("xb")))
        #expect(!filter.mayContain(TextSearch.Needle("#")))         // so are single bytes
        #expect(!filter.mayContain(TextSearch.Needle("j")))
        #expect(filter.mayContain(TextSearch.Needle("z")))
        #expect(!filter.mayContain(TextSearch.Needle("zürichx")))  // the ASCII runs are tested
        #expect(filter.mayContain(TextSearch.Needle("ZÜRICH")))
        // a straight quote in a query matches a curly one in the text, so it breaks the runs
        let curly = TextFilter(["He said “no” and didn’t stay."])
        #expect(curly.mayContain(TextSearch.Needle("didn't")))
        #expect(curly.mayContain(TextSearch.Needle("\"no\"")))
        #expect(!curly.mayContain(TextSearch.Needle("didn'x")))
    }

    @Test func theTableHoldsTheSameRecordsAsSingleFilters() {
        let texts = (0..<600).map { i in ["Title \(i)", i % 3 == 0 ? "Zürich Daily" : "", "", "Body \(i * 7919) quiz \(i % 5)"] }
        let table = TextFilterTable(count: texts.count) { texts[$0] }
        for query in ["quiz 3", "zürich", "body 79", "title 59", "xq", "0"] {
            let needle = TextSearch.Needle(query)
            for i in texts.indices {
                #expect(table.mayContain(i, needle) == TextFilter(texts[i]).mayContain(needle), "\(query) \(i)")
            }
        }
        #expect(table.mayContain(3, TextSearch.Needle("quiz 3")))
        #expect(!table.mayContain(4, TextSearch.Needle("quiz 3")))
    }

    @Test func aLargeTableIsKeptInATemporaryFileAndAnswersTheSame() {
        let texts = (0..<600).map { i in ["Title \(i)", i % 3 == 0 ? "Zürich Daily" : "", "", "Body \(i * 7919) quiz \(i % 5)"] }
        let held = TextFilterTable(count: texts.count, spillingFrom: .max) { i, record in TextFilter.fill(record, from: texts[i]) }
        let spilled = TextFilterTable(count: texts.count, spillingFrom: 0) { i, record in TextFilter.fill(record, from: texts[i]) }
        #expect(!held.storage.isMapped)
        #expect(spilled.storage.isMapped)
        #expect(spilled.words == held.words)
        // pages let go read the same when touched again
        spilled.releasePages(0..<300)
        for query in ["quiz 3", "zürich", "body 79", "xq"] {
            let needle = TextSearch.Needle(query)
            let checks = FilterChecks(needle, table: spilled)
            for i in texts.indices {
                #expect(spilled.mayContain(i, needle) == held.mayContain(i, needle), "\(query) \(i)")
                #expect(spilled.mayContain(i, checks) == held.mayContain(i, FilterChecks(needle, table: held)), "\(query) \(i)")
            }
        }
        #expect(spilled.words == held.words)
        // the default keeps small tables in memory
        #expect(!TextFilterTable(articles: SearchFilters.articles()).storage.isMapped)
    }

    static func articles() -> [Article] {
        (0..<9).map { i in
            let body = "Body \(i * 7919): the council met in Zürich on day \(i)."
            return Article(id: "a\(i)", file: "a\(i).txt", title: "Title \(i)", source: i % 2 == 0 ? "Daily Post" : nil,
                           author: i % 3 == 0 ? "Jane Roe" : nil,
                           paragraphs: [Paragraph(text: body, start: 0, end: body.unicodeScalars.count, sourceStart: 0,
                                                  sourceEnd: body.unicodeScalars.count)])
        }
    }

    @Test func anArticlesRecordCoversItsTitleSourceAuthorAndText() {
        let articles = SearchFilters.articles()
        let table = TextFilterTable(articles: articles)
        for (i, a) in articles.enumerated() {
            #expect(table.words[(i * TextFilter.words)..<((i + 1) * TextFilter.words)].elementsEqual(
                TextFilter([a.title, a.source ?? "", a.author ?? "", a.text]).record))
        }
        #expect(table.mayContain(3, TextSearch.Needle("jane roe")))
        #expect(!table.mayContain(1, TextSearch.Needle("jane roe")))
        // a slice's table is the whole one's records from its first article on
        let slice = TextFilterTable(articles: articles[4...])
        #expect(slice.count == 5)
        #expect(slice.words.elementsEqual(table.words[(4 * TextFilter.words)...]))
    }

    @Test func aSnapshotGivesBackTheFiltersToWhoeverNeedsThem() throws {
        let articles = SearchFilters.articles()
        let loaded = CorpusLoader.Result(articles: articles, warnings: [])
        let fresh = TextFilterTable(articles: articles).words
        // made while writing when the corpus has none, written as they are when it has them
        var withFilters = Corpus(articles: articles)
        withFilters.buildSearchFilters()
        for corpus in [Corpus(articles: articles), withFilters] {
            let data = CorpusCache.encode(corpus, loaded: loaded).data
            let current = try #require(try CorpusCache.decode(data, isCurrent: { _ in true }))
            #expect(current.current)
            #expect(current.snapshot.corpus.searchFilters?.words == fresh)
            // bytes in memory are copied out
            #expect(current.snapshot.corpus.searchFilters?.storage.isMapped == false)
            // a current one read for a command that does not search comes without them
            let plain = try #require(try CorpusCache.decode(data, isCurrent: { _ in true }, searchFilters: false))
            #expect(plain.snapshot.corpus.searchFilters == nil)
            // a stale one leaves them where they lie (to be lent), with the analysis, whose name
            // candidates read back
            let stale = try #require(try CorpusCache.decode(data, isCurrent: { _ in false }))
            #expect(stale.snapshot.corpus.searchFilters == nil)
            #expect(stale.snapshot.filterOffset != nil)
            #expect(stale.snapshot.analysis?.sections.names?.total == articles.count)
        }
    }

    @Test func onlyACallerThatSearchesReadsThemBack() throws {
        let cache = Paths.temporaryFolder().path
        let first = try CorpusCache.load(folder: Paths.seeds, cacheFolder: cache)
        #expect(!first.fromCache)
        let plain = CorpusCache.cached(folder: Paths.seeds, cacheFolder: cache)
        #expect(plain.corpus != nil)
        #expect(plain.corpus?.searchFilters == nil)
        let searching = CorpusCache.cached(folder: Paths.seeds, cacheFolder: cache, searchFilters: true)
        #expect(searching.corpus?.searchFilters?.words == TextFilterTable(articles: first.corpus.articles).words)
        // read in place from the snapshot's mapping (the writer puts them on a word boundary)
        #expect(searching.corpus?.searchFilters?.storage.isMapped == true)
    }

    @Test func theAnalysisCarriesTheFiltersOfItsArticles() {
        var partial = Corpus(articles: SearchFilters.articles(), analyze: false)
        #expect(partial.searchFilters == nil)
        partial.buildSearchFilters()
        let made = partial.searchFilters?.words
        #expect(made != nil)
        #expect(partial.analyzed().searchFilters?.words == made)
        // filters made from other articles are never used for these
        partial.articles[0].title = "Zephyr quorum"
        #expect(partial.searchFilters == nil)
        partial.buildSearchFilters()
        #expect(partial.searchFilters?.mayContain(0, TextSearch.Needle("zephyr")) == true)
    }
}
