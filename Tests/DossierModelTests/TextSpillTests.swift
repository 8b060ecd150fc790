import Foundation
import Testing
@testable import DossierModel

/// A large corpus's texts go to a temporary file once loaded, and the analysis reads them from
/// there without making strings, letting their pages go as it passes.
@Suite struct TextSpillTests {
    /// The seeds as loaded, and the same articles with their texts moved to a file.
    static func seeds() throws -> (held: [Article], moved: [Article], count: Int) {
        let held = try CorpusLoader.load(folder: Paths.seeds).articles
        var moved = held
        let count = TextSpill.move(&moved, minimumBytes: 0)
        return (held, moved, count)
    }

    static func mapped(_ article: Article) -> MappedText? {
        if case .mapped(let text) = article.body { return text }
        return nil
    }

    @Test func everyTextMovesAndReadsTheSame() throws {
        let seeds = try Self.seeds()
        #expect(seeds.count == seeds.held.count)
        for (a, b) in zip(seeds.held, seeds.moved) {
            let text = try #require(Self.mapped(b), "\(b.id) still in memory")
            #expect(text.withBytes { String(decoding: $0, as: UTF8.self) } == a.text)
            #expect(b.paragraphs.map(\.text) == a.paragraphs.map(\.text))
            #expect(b.paragraphs.map(\.start) == a.paragraphs.map(\.start))
            #expect((b.id, b.title, b.source, b.date, b.removedLines) == (a.id, a.title, a.source, a.date, a.removedLines))
        }
        // all in one file, one after the other in article order
        let texts = seeds.moved.compactMap(Self.mapped)
        #expect(Set(texts.map { ObjectIdentifier($0.file) }).count == 1)
        #expect(zip(texts, texts.dropFirst()).allSatisfy { $0.start + $0.count == $1.start })
    }

    @Test func theLoaderStagesTextsAsItReadsAndEndsWithThemInArticleOrder() throws {
        let held = try CorpusLoader.load(folder: Paths.seeds)
        let moved = try CorpusLoader.load(folder: Paths.seeds, reusing: nil, listing: nil, progress: nil, spillFrom: 1)
        #expect(moved.articles.map(\.id) == held.articles.map(\.id))
        #expect(moved.articles.map(\.text) == held.articles.map(\.text))
        // in one file (not the staging one), one after the other in article order
        let texts = try moved.articles.map { try #require(Self.mapped($0), "\($0.id) still in memory") }
        #expect(Set(texts.map { ObjectIdentifier($0.file) }).count == 1)
        #expect(texts.first?.start == 0)
        #expect(zip(texts, texts.dropFirst()).allSatisfy { $0.start + $0.count == $1.start })
        #expect(texts.last.map { $0.start + $0.count } == texts.first?.file.bytes.count)
        #expect(ExportDocument(Corpus(articles: moved.articles)).json() == ExportDocument(Corpus(articles: held.articles)).json())
    }

    @Test func stagedTextsThatDoNotFitStayInMemory() throws {
        var lists = [try CorpusLoader.load(folder: Paths.seeds).articles]
        let staging = try #require(TextSpill.Staging(capacity: 100))
        staging.take(&lists)
        #expect(lists[0].allSatisfy { Self.mapped($0) == nil })
        // with room, every one goes, in order
        let roomy = try #require(TextSpill.Staging(capacity: 1 << 20))
        roomy.take(&lists)
        let staged = lists[0].compactMap(Self.mapped)
        #expect(staged.count == lists[0].count)
        #expect(zip(staged, staged.dropFirst()).allSatisfy { $0.start + $0.count == $1.start })
        // a feed's many articles go a few at a time, and end the same
        var feed = [try CorpusLoader.load(folder: Paths.seeds).articles]
        let pieces = try #require(TextSpill.Staging(capacity: 1 << 20))
        pieces.take(&feed, bytesPerWrite: 1)
        let each = feed[0].compactMap(Self.mapped)
        #expect(each.count == feed[0].count)
        #expect(zip(each, each.dropFirst()).allSatisfy { $0.start + $0.count == $1.start })
        #expect(feed[0].map(\.text) == lists[0].map(\.text))
        // and `move` takes them from there into a file of their own
        var articles = lists[0]
        #expect(TextSpill.move(&articles, from: roomy, minimumBytes: .max) == articles.count)
        #expect(articles.compactMap(Self.mapped).allSatisfy { $0.file !== roomy.mapping })
        #expect(articles.map(\.text) == lists[0].map(\.text))
    }

    @Test func textsPartlyStagedAllEndInOneFileInArticleOrder() throws {
        let held = try CorpusLoader.load(folder: Paths.seeds).articles
        // room for the first two texts only: the rest stay in memory
        let room = held.prefix(2).reduce(0) { $0 + $1.body.utf8Count }
        let staging = try #require(TextSpill.Staging(capacity: room))
        var lists = held.map { [$0] }
        staging.take(&lists, bytesPerWrite: 1)
        var articles = lists.flatMap { $0 }
        #expect(articles.prefix(2).allSatisfy { Self.mapped($0)?.file === staging.mapping })
        #expect(articles.dropFirst(2).allSatisfy { Self.mapped($0) == nil })
        #expect(TextSpill.move(&articles, from: staging, minimumBytes: .max) == held.count)
        let texts = try articles.map { try #require(Self.mapped($0)) }
        #expect(texts.allSatisfy { $0.file === texts[0].file && $0.file !== staging.mapping })
        #expect(zip(texts, texts.dropFirst()).allSatisfy { $0.start + $0.count == $1.start })
        #expect(articles.map(\.text) == held.map(\.text))
    }

    @Test func aSmallCorpusKeepsItsTexts() throws {
        var articles = try CorpusLoader.load(folder: Paths.seeds).articles
        #expect(TextSpill.move(&articles) == 0)
        #expect(articles.allSatisfy { Self.mapped($0) == nil })
        // the loader leaves the seeds (far below the threshold) in memory too
        #expect(TextSpill.minimumBytes > articles.reduce(0) { $0 + $1.body.utf8Count })
    }

    @Test func theMovedCorpusAnalysesAndExportsTheSame() throws {
        let seeds = try Self.seeds()
        let held = Corpus(articles: seeds.held)
        var moved = Corpus(articles: seeds.moved)
        #expect(ExportDocument(moved).json() == ExportDocument(held).json())
        #expect(moved.quotes.count == held.quotes.count)
        moved.buildSearchFilters()
        #expect(moved.searchFilters?.words == TextFilterTable(articles: seeds.held).words)
        // nothing made a string of a text, which would have stayed in memory
        let afterAnalysis = Corpus(articles: seeds.moved)
        var filtered = afterAnalysis
        filtered.buildSearchFilters()
        #expect(seeds.moved.compactMap(Self.mapped).allSatisfy { !$0.isMade })
        // each quote's words are a range of its article's text in the file, known without reading it
        for q in afterAnalysis.quotes {
            let article = try #require(afterAnalysis.article(id: q.article))
            guard case .inMapping(let words, _, _) = q.words, let text = Self.mapped(article) else {
                Issue.record("\(q.id) words are not in the file")
                continue
            }
            #expect(words === text)
            #expect(q.words.utf8Range(in: article.body) != nil)
        }
        #expect(seeds.moved.compactMap(Self.mapped).allSatisfy { !$0.isMade })
    }

    @Test func theAnalysisLetsTheTextsPagesGo() throws {
        // 48 articles of 24 KB each, so that the texts fill many pages
        let sentence = "Governor Mira Holt said that the budget “will pass this week,” and the council agreed. "
        var articles = (0..<48).map { i in
            Article(id: "a\(i)", file: "a\(i).txt", title: "Story \(i)",
                    text: String(repeating: sentence, count: 24_000 / sentence.utf8.count) + "Report \(i).")
        }
        #expect(TextSpill.move(&articles, minimumBytes: 0) == articles.count)
        let file = try #require(Self.mapped(articles[0])).file
        let base = try #require(file.bytes.baseAddress)
        let total = articles.reduce(0) { $0 + $1.body.utf8Count } / 1024
        var corpus = Corpus(articles: articles)
        corpus.buildSearchFilters()
        #expect(corpus.quotes.count >= 48)
        // every text was read (twice), and few of its pages are still in
        let resident = try MappedStretchTests.residentKB(of: base)
        #expect(resident <= total / 4, "\(resident) of \(total) KB still resident")
        // they read the same when touched again
        #expect(corpus.articles.allSatisfy { $0.textContains(TextSearch.Needle("will pass this week")) })
    }

    @Test func groupingQuotesLetsThePagesOfTheirWordsGo() throws {
        // 48 articles of 24 KB, each quoting one of two speakers many times
        let sentences = ["Governor Mira Holt said: “The budget will pass this week.” ",
                         "Mayor Tomas Reyes said: “The roads will be mended by the spring.” "]
        var articles = (0..<48).map { i in
            Article(id: "a\(i)", file: "a\(i).txt", title: "Story \(i)",
                    text: String(repeating: sentences[i % 2], count: 24_000 / sentences[0].utf8.count) + "Report \(i).")
        }
        #expect(TextSpill.move(&articles, minimumBytes: 0) == articles.count)
        let file = try #require(Self.mapped(articles[0])).file
        let base = try #require(file.bytes.baseAddress)
        let total = articles.reduce(0) { $0 + $1.body.utf8Count } / 1024
        let corpus = Corpus(articles: articles)
        #expect(corpus.quotes.count > 1000)
        // every page in again, then the quotes grouped a few at a time
        var sum = 0
        for page in stride(from: 0, to: file.bytes.count, by: 4096) { sum &+= Int(file.bytes[page]) }
        #expect(sum > 0)
        #expect(try MappedStretchTests.residentKB(of: base) >= total * 3 / 4)
        let groups = QuoteGroups.groups(of: corpus.quotes, chunk: 100)
        // the same words in every other article: one group for each speaker
        #expect(Set(groups.map(\.1)).count == 2)
        let resident = try MappedStretchTests.residentKB(of: base)
        #expect(resident <= total / 4, "\(resident) of \(total) KB still resident")
    }

    @Test func bytesCutOffInAScalarReadAsAReplacement() {
        let bytes: [UInt8] = Array("ab é".utf8) + [0xE2, 0x80]  // an ellipsis missing its last byte
        let scalars = bytes.withUnsafeBufferPointer { ScalarArray.of(utf8: $0) }
        #expect(scalars.prefix(4).map { String($0) } == ["a", "b", " ", "é"])
        #expect(scalars.dropFirst(4).allSatisfy { $0 == "\u{FFFD}" })
        #expect(scalars.count == 6)
    }
}

@Suite struct PlainArticleTests {
    @Test func paragraphsAreThePartsBetweenBlankLines() {
        let a = Article(id: "x", file: "x.txt", title: "X", text: "First part é.\n\nSecond.\n\n\n\nLast")
        #expect(a.text == "First part é.\n\nSecond.\n\n\n\nLast")
        #expect(a.paragraphs.map(\.text) == ["First part é.", "Second.", "", "Last"])
        // offsets count scalars, and each points at its words in the text
        let scalars = Array(a.text.unicodeScalars)
        for p in a.paragraphs {
            #expect(String(String.UnicodeScalarView(scalars[p.start..<p.end])) == p.text)
        }
    }
}
