import Foundation
import Testing
@testable import DossierModel
@testable import DossierUI

/// A search that reads every text lets their pages go as it reads (`MappedPages`).
@Suite struct SearchPagesTests {
    /// 3,000 articles of 4 KB, their texts moved to a temporary file as a large corpus's are.
    static let model: BrowserModel = {
        let sentence = "The council said that the budget would pass this week, and the mayor agreed with it. "
        // two paragraphs each
        var articles = (0..<3000).map { i in
            Article(id: "a\(i)", file: "a\(i).txt", title: "Story \(i)", source: "Example News",
                    text: String(repeating: sentence, count: 2048 / sentence.utf8.count) + "\n\n"
                        + String(repeating: sentence, count: 2048 / sentence.utf8.count) + "Report \(i).")
        }
        _ = TextSpill.move(&articles, minimumBytes: 0)
        return BrowserModel(corpus: Corpus(articles: articles, analyze: false), name: "moved")
    }()

    @Test func aSearchOfEveryTextLeavesFewOfTheirPagesIn() throws {
        let pages = Self.model.textPages
        #expect(pages.files.count == 1)
        let size = pages.residentKilobytes.size
        #expect(size >= 11_000)
        // words every text holds, in an order none does: no filter rules an article out
        let state = AppState(model: Self.model, size: Size(width: 120, height: 40)).keys("1/said the council")
        #expect(state.status == "/said the council: no match")
        let resident = pages.residentKilobytes.resident
        // read and let go a chunk of 1,024 articles at a time: a chunk's pages at most remain
        #expect(resident <= size / 3, "\(resident) of \(size) KB in after the search")
        // and the texts read the same afterwards
        #expect(Self.model.corpus.articles.allSatisfy { $0.textContains(TextSearch.Needle("budget would pass")) })
    }
}
