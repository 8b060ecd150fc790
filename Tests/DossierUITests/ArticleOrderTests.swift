import Testing
@testable import DossierModel
@testable import DossierUI

/// The sort orders made once per model agree with sorting by their definitions.
@Suite struct ArticleOrderTests {
    static func article(_ i: Int, title: String, source: String?) -> Article {
        Article(id: "a\(i)", file: "a\(i).txt", title: title, source: source, author: nil, date: nil, url: nil, credit: nil,
                paragraphs: [], removedLines: [])
    }

    @Test func titlesSortAsTheirLowercaseWithTiesInCorpusOrder() {
        var rng = SystemRandomNumberGenerator()
        // long shared beginnings (past the 32 bytes compared as numbers), cases, accents, prefixes
        let stems = ["President Ana Ruiz rejects the council's plan after", "president ana ruiz rejects the council's plan", "Été",
                     "été à Zürich", "A", "a", "", "Minister", "MINISTER of", "Ministère"]
        let titles = (0..<400).map { _ in stems.randomElement(using: &rng)! + (Bool.random(using: &rng) ? "" : " \(Int.random(in: 0...3, using: &rng))") }
        let articles = titles.indices.map { Self.article($0, title: titles[$0], source: nil) }
        let expected = titles.indices.sorted { a, b in
            let (x, y) = (Array(titles[a].lowercased().utf8), Array(titles[b].lowercased().utf8))
            return x != y ? x.lexicographicallyPrecedes(y) : a < b
        }
        #expect(ArticleOrders.byTitle(articles) == expected)
    }

    @Test func sourcesSortByNameWithNoneLastAndTiesInCorpusOrder() {
        let names: [String?] = ["Zeta", "Alpha", nil, "Mid"]
        var rng = SystemRandomNumberGenerator()
        let articleSource = (0..<300).map { _ in Int.random(in: 0..<names.count, using: &rng) }
        let expected = articleSource.indices.sorted { a, b in
            (names[articleSource[a]] ?? "\u{10FFFF}", a) < (names[articleSource[b]] ?? "\u{10FFFF}", b)
        }
        #expect(ArticleOrders.bySource(articleSource, sources: names) == expected)
    }

    @Test func ordersAskedForOnManyThreadsAtOnceAgree() {
        let articles = (0..<3000).map { Self.article($0, title: "Title \(($0 * 7919) % 3001)", source: $0 % 3 == 0 ? nil : "S\($0 % 5)") }
        let sources: [String?] = ["S1", "S2", "S3", "S4", "S0", nil]
        let articleSource = articles.map { a in sources.firstIndex { $0 == a.source }! }
        let orders = ArticleOrders(corpus: Corpus(articles: articles, analyze: false), articleSource: articleSource, sources: sources)
        orders.prepare(.title)
        let asked = ParallelMap.map(Array(0..<32)) { k in (k, orders.order(k % 2 == 0 ? .title : .source).articles) }
        let byTitle = ArticleOrders.byTitle(articles), bySource = ArticleOrders.bySource(articleSource, sources: sources)
        for (k, order) in asked { #expect(order == (k % 2 == 0 ? byTitle : bySource), "\(k)") }
        #expect(orders.order(.date).articles == Array(articles.indices))
    }

    @Test func aSubsetIsArrangedInTheOrderWhetherFewOrMany() {
        let order = ArticleOrders.Order([4, 2, 0, 3, 1] + Array(5..<100).reversed())
        #expect(order.arrange([0, 1, 2]) == [2, 0, 1])                          // few: by their places
        let many = Array(0..<60)
        #expect(order.arrange(many) == order.articles.filter { $0 < 60 })      // many: one pass
        #expect(order.arrange([]) == [])
    }
}
