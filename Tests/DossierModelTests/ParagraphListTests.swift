import Foundation
import Testing
@testable import DossierModel

/// An article keeps where its paragraphs lie, and makes each paragraph from its text when read.
@Suite struct ParagraphListTests {
    static let parts = ["Der Präsident sprach „lange“.", "第二段 with 中文 words.", "", "Last — one ✓."]

    static func article() -> Article {
        Article(id: "p", file: "p.txt", title: "Paragraphs", text: parts.joined(separator: "\n\n"))
    }

    @Test func aPlaceTakesTwentyFourBytes() {
        // 1.3 million paragraphs at 100k articles: 24 bytes each, where a paragraph value takes 48
        #expect(MemoryLayout<ParagraphPlace>.stride == 24)
    }

    @Test func paragraphsReadBackAsTheTextsTheyWereMadeFrom() {
        let a = Self.article()
        #expect(a.paragraphs.count == Self.parts.count)
        #expect(a.paragraphs.map(\.text) == Self.parts)
        // offsets count scalars; each paragraph's start follows the last one's end and a blank line
        var start = 0
        for (p, part) in zip(a.paragraphs, Self.parts) {
            #expect(p.start == start)
            #expect(p.end == start + part.unicodeScalars.count)
            #expect(p.sourceStart == p.start)
            start = p.end + 2
        }
        // each the very slice of the article's text its offsets name
        let scalars = Array(a.text.unicodeScalars)
        for p in a.paragraphs {
            #expect(String(String.UnicodeScalarView(scalars[p.start..<p.end])) == p.text)
        }
        #expect(a.paragraphIndex(containing: a.paragraphs[1].start + 2) == 1)
        #expect(a.paragraphIndex(containing: a.paragraphs[3].end) == 3)
        #expect(a.paragraphIndex(containing: 10_000) == nil)
    }

    @Test func paragraphsOfATextMovedToAFileReadTheSameFromThere() throws {
        let held = [Self.article()]
        var moved = held
        #expect(TextSpill.move(&moved, minimumBytes: 0) == 1)
        guard case .mapped = moved[0].body else { Issue.record("the text stayed in memory"); return }
        #expect(moved[0].paragraphs.allSatisfy { if case .inMapping = $0.part { true } else { false } })
        #expect(moved[0].paragraphs.map(\.text) == Self.parts)
        #expect(moved[0].paragraphs.map(\.start) == held[0].paragraphs.map(\.start))
        #expect(moved == held)
        #expect(moved[0].paragraphs == held[0].paragraphs)
        #expect(moved[0].paragraphs != Article(id: "q", file: "q.txt", title: "", text: "Other words.").paragraphs)
    }

    @Test func lengthsThatOverrunTheTextAreCutAtItsEnd() {
        // a restored article whose stated lengths are longer than its text (a damaged record)
        let a = Article(restoring: "d", file: "d.txt", title: "", source: nil, author: nil, date: nil, url: nil, credit: nil,
                        body: .held("short"), ranges: [(0, 5, 0, 5, 3), (5, 9, 5, 9, 400)], removedLines: [])
        #expect(a.paragraphs.map(\.text) == ["sho", ""])
        // a length that ends inside a character's bytes reads without a crash
        let split = Article(restoring: "s", file: "s.txt", title: "", source: nil, author: nil, date: nil, url: nil, credit: nil,
                            body: .held("üx"), ranges: [(0, 1, 0, 1, 1)], removedLines: [])
        #expect(split.paragraphs[0].text.unicodeScalars.count <= 1)
    }
}
