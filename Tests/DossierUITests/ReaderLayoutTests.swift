import Foundation
import Testing
import DossierModel
@testable import DossierUI

/// The reader lays out an article as far as it is read; what it shows must be what a layout of
/// the whole article shows.
@Suite struct ReaderLayout {
    /// An article of `paragraphs` paragraphs, with a quote near its end.
    static func longCorpus(paragraphs: Int) -> Corpus {
        var body = (0..<paragraphs).map { n in
            "Paragraph \(n): the committee met again on Tuesday and the talks went on late into the night, with wide 漢字 and e\u{301}s in between."
        }
        body.append("“We will not accept this plan at any price,” said Governor Mira Holt.")
        let article = ArticleBuilder.build(id: "long", file: "long.txt", text: "A long report\n\n" + body.joined(separator: "\n\n"),
                                           markdown: false, given: GivenMetadata())
        return Corpus(articles: [article])
    }

    /// The layout as it was before it was made lazy: scalar by scalar, the whole paragraph.
    static func referenceWrap(_ paragraph: Paragraph, width: Int) -> [(String, Int, Int)] {
        let scalars = Array(paragraph.text.unicodeScalars)
        var out: [(String, Int, Int)] = []
        var lineStart = 0, lineWidth = 0, i = 0
        var lastBreak: Int?
        func emit(_ end: Int) {
            var e = end
            while e > lineStart, scalars[e - 1] == " " { e -= 1 }
            out.append((String(String.UnicodeScalarView(scalars[lineStart..<e])), paragraph.start + lineStart, paragraph.start + e))
        }
        while i < scalars.count {
            let w = DisplayWidth.of(scalars[i])
            if scalars[i] == " " { lastBreak = i }
            if lineWidth + w > width, i > lineStart {
                if let b = lastBreak, b > lineStart { emit(b); lineStart = b + 1 } else { emit(i); lineStart = i }
                lastBreak = nil
                lineWidth = lineStart < i ? (lineStart..<i).reduce(0) { $0 + DisplayWidth.of(scalars[$1]) } : 0
                continue
            }
            lineWidth += w
            i += 1
        }
        if lineStart < scalars.count { emit(scalars.count) }
        return out
    }

    @Test(arguments: [4, 7, 13, 40, 80])
    func wrappingMatchesTheScalarByScalarLayout(width: Int) {
        let texts = ["plain words of a sentence that runs on", "漢字漢字漢字 wide and narrow 漢字", "e\u{301}e\u{301}e\u{301} combining marks here",
                     "averyveryverylongwordthatmustbecut and then more", "  leading and trailing spaces  ", "é", ""]
        for text in texts {
            let paragraph = Paragraph(text: text, start: 10, end: 10 + text.unicodeScalars.count, sourceStart: 0, sourceEnd: 0)
            var lines: [ReaderText.Line] = []
            ReaderText.wrap(paragraph, width: width, into: &lines)
            let expected = Self.referenceWrap(paragraph, width: width)
            #expect(lines.map(\.text) == expected.map(\.0), "\(text) at \(width)")
            #expect(lines.map(\.start) == expected.map(\.1), "\(text) at \(width)")
            #expect(lines.map(\.end) == expected.map(\.2), "\(text) at \(width)")
        }
    }

    @Test func aLongArticleIsLaidOutOnlyAsFarAsItIsShown() {
        let corpus = Self.longCorpus(paragraphs: 2000)
        let text = ReaderText(article: corpus.articles[0], width: 60)
        #expect(text.count(atLeast: 40) >= 40)
        #expect(!text.isComplete)
        // the lines laid out a screen at a time are those of the whole layout
        let whole = ReaderText(article: corpus.articles[0], width: 60).lines
        #expect(text.lines(0..<40).map(\.text) == whole[0..<40].map(\.text))
        #expect(text.lines(500..<540).map(\.start) == whole[500..<540].map(\.start))
        #expect(text.lines.count == whole.count)
        #expect(text.isComplete)
    }

    @Test func anOffsetFindsItsLineWithoutTheRestOfTheArticle() throws {
        let corpus = Self.longCorpus(paragraphs: 300)
        let article = corpus.articles[0]
        let whole = ReaderText(article: article, width: 50).lines
        // the line a linear search finds: the last body line starting at or before the offset
        func expected(_ offset: Int) -> Int? { whole.lastIndex { $0.kind == .body && $0.start <= offset } }
        let middle = article.paragraphs[150]
        for offset in [0, 1, middle.start - 1, middle.start, middle.start + 7, middle.end, middle.end + 1] {
            let lazy = ReaderText(article: article, width: 50)
            #expect(lazy.line(containing: offset) == expected(offset), "offset \(offset)")
            #expect(!lazy.isComplete, "offset \(offset)")
        }
        let end = try #require(article.paragraphs.last).end
        #expect(ReaderText(article: article, width: 50).line(containing: end) == expected(end))
    }

    @Test func theReaderOpensGoesToTheEndAndJumpsToAQuoteInALongArticle() throws {
        let model = BrowserModel(corpus: Self.longCorpus(paragraphs: 3000), name: "long")
        let opened = update(AppState(model: model, size: Size(width: 120, height: 40)), .key(.enter))
        #expect(opened.focus == .reader)
        #expect(!(opened.readerText?.isComplete ?? true))
        let screen = opened.screen
        #expect((0..<40).contains { screen.row($0).contains("Paragraph 0:") })
        // the position is how far into the text the pane's last line is
        #expect((0..<40).contains { screen.row($0).contains(" 0% ") })
        let end = opened.key(.char("G"))
        let last = end.screen
        #expect((0..<40).contains { last.row($0).contains("Mira Holt") })
        #expect((0..<40).contains { last.row($0).contains(" 100% ") })
        // `]` from the top finds the quote at the far end and puts it on screen
        let jumped = opened.key(.char("]"))
        let q = try #require(jumped.markedQuote)
        let line = try #require(jumped.readerText?.line(containing: model.corpus.quotes[q].start))
        #expect(line >= jumped.readerTop && line < jumped.readerTop + jumped.layout.rows(.reader))
    }

    @Test func theRestOfALongArticleIsMadeAheadAndGFindsItDone() throws {
        let model = BrowserModel(corpus: Self.longCorpus(paragraphs: 3000), name: "long")
        let opened = update(AppState(model: model, size: Size(width: 120, height: 40)), .key(.enter))
        let place = try #require(opened.unfinishedReader)
        #expect(place.article == opened.readerArticle)
        // laid out ahead on another thread while a frame is drawn: the same lines as a whole layout
        let ahead = Thread { model.prepareReader(article: place.article, width: place.width) }
        ahead.start()
        _ = opened.screen
        while !(opened.readerText?.isComplete ?? false) { usleep(1000) }
        #expect(opened.unfinishedReader == nil)
        let whole = ReaderText(article: model.corpus.articles[place.article], width: place.width).lines
        #expect(opened.readerText?.lines.map(\.text) == whole.map(\.text))
        #expect(opened.readerText?.lines.map(\.start) == whole.map(\.start))
        let end = opened.key(.char("G"))
        #expect((0..<40).contains { end.screen.row($0).contains(" 100% ") })
        // a short article has nothing to make ahead
        #expect(AppState(model: Fixture.model, size: Size(width: 120, height: 40)).unfinishedReader == nil)
    }
}
