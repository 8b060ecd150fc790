import Foundation
import Testing
import DossierModel
@testable import DossierUI

@Suite struct Rendering {
    /// A corpus with curly quotes, CJK, emoji, combining marks and escape sequences.
    static let wideModel: BrowserModel = {
        let text = "新闻标题 😀 “Quoted” title that is long enough to be cut somewhere\n\nPresident Li Wen said: “我们不会谈判 😀 with anyone.” Café e\u{301} \u{1B}[31mred\u{1B}]0;pwned\u{07} text.\n"
        let article = ArticleBuilder.build(id: "wide", file: "wide.txt", text: text, markdown: false, given: GivenMetadata())
        return BrowserModel(corpus: Corpus(articles: [article]), name: "wide")
    }()

    /// Every row of a screen adds up to its width in cells.
    func rowsAreExactlyWide(_ screen: Screen) -> Bool {
        (0..<screen.size.height).allSatisfy { y in
            let cells = (0..<screen.size.width).map { screen[$0, y] }
            let total = cells.reduce(0) { $0 + Int($1.width) }
            // a continuation cell always follows a wide one
            let paired = cells.indices.allSatisfy { i in cells[i].width != 0 || (i > 0 && cells[i - 1].width == 2) }
            return total == screen.size.width && paired
        }
    }

    @Test(arguments: [(120, 40), (80, 24), (40, 12), (59, 20), (100, 28), (20, 6), (5, 3), (1, 1), (0, 0), (500, 200)])
    func everySizeDrawsInsideTheGrid(width: Int, height: Int) {
        let state = AppState(model: Rendering.wideModel, size: Size(width: width, height: height))
        let screen = render(state, size: state.size)
        #expect(screen.size == Size(width: width, height: height))
        let wideOK = rowsAreExactlyWide(screen)
        #expect(wideOK)
        let seeds = render(Fixture.state(width, height), size: Size(width: width, height: height))
        let seedsOK = rowsAreExactlyWide(seeds)
        #expect(seedsOK)
    }

    @Test func wideCharactersKeepBordersAligned() {
        let screen = AppState(model: Rendering.wideModel, size: Size(width: 120, height: 40)).screen
        let layout = Layout(size: screen.size, focus: .articles, rightTab: .actors)
        let articles = layout.panes[.articles]!
        // the right border of the article pane is in place on every row
        for y in (articles.y + 1)..<(articles.y + articles.height - 1) {
            #expect(screen[articles.x + articles.width - 1, y].text == "│")
        }
        #expect(screen.text.contains("新闻标题 😀 “Quoted”"))
        #expect(screen.row(articles.y + 1).contains("…"))   // the long title is cut with …
    }

    @Test func escapeSequencesFromAFileAreShownNotSent() {
        let screen = AppState(model: Rendering.wideModel, size: Size(width: 120, height: 40)).screen
        let controls = screen.cells.contains { $0.text.unicodeScalars.contains { TerminalSafe.isControl($0) } }
        #expect(!controls)
        #expect(screen.text.contains("␛[31mred␛]0;pwned␇"))
    }

    @Test func combiningMarksShareTheirCell() {
        var screen = Screen(size: Size(width: 10, height: 1))
        let used = screen.put("e\u{301}x中", x: 0, y: 0)
        #expect(used == 4)
        #expect(screen[0, 0].text == "e\u{301}")
        #expect(screen[2, 0].width == 2)
        #expect(screen[3, 0].width == 0)
    }

    @Test func aWideCharacterThatDoesNotFitIsReplaced() {
        var screen = Screen(size: Size(width: 3, height: 1))
        screen.put("ab中", x: 0, y: 0)
        #expect(screen.row(0) == "ab")
        #expect(screen[2, 0].width == 1)
    }

    @Test func quotesAreColouredBySpeakerAndUnderlinedWithoutColour() throws {
        let coloured = Fixture.state().screen
        let plain = Fixture.state(colors: .none).screen
        let layout = Layout(size: coloured.size, focus: .articles, rightTab: .actors)
        let reader = layout.panes[.reader]!.inner
        // find the first cell of the first quote in the reader: “Today
        var found: (Int, Int)?
        for y in reader.y..<(reader.y + reader.height) where found == nil {
            if let x = (reader.x..<(reader.x + reader.width)).first(where: { coloured[$0, y].text == "T" && coloured[$0 - 1, y].text == "“" }) {
                found = (x, y)
            }
        }
        let (x, y) = try #require(found)
        #expect(coloured[x, y].style.foreground != nil)
        #expect(plain[x, y].style.foreground == nil)
        #expect(plain[x, y].style.underline)
    }

    @Test func theSelectedActorsMentionsAreBoldInTheReader() {
        let s = Fixture.state().keys("3")   // Donald Trump selected
        let screen = s.screen
        let reader = s.layout.panes[.reader]!.inner
        var boldTrump = false
        for y in reader.y..<(reader.y + reader.height) {
            let row = (reader.x..<(reader.x + reader.width)).map { screen[$0, y] }
            let text = row.map(\.text).joined()
            if let r = text.range(of: "Trump") {
                let x = text.distance(from: text.startIndex, to: r.lowerBound)
                if row[x].style.bold { boldTrump = true }
            }
        }
        #expect(boldTrump)
    }

    @Test func theStatusBarShowsFiltersAndCounts() {
        let s = Fixture.state().keys("s ").key(.enter)
        let bottom = s.screen.row(39)
        #expect(bottom.contains("1/5 art"))
        let withActor = Fixture.state().keys("3a").key(.tab).key(.tab)
        #expect(withActor.screen.row(39).contains("actor: Donald Trump"))
    }

    @Test func aTerminalTooSmallSaysSo() {
        #expect(Fixture.state(19, 5).screen.row(0) == "Dossier: too small")
        #expect(Fixture.state(19, 5).screen.row(1) == "19×5, need 20×6")
    }
}

@Suite struct PaneSnapshots {
    @Test func actorSelectedAt120x40() { expectSnapshot(Fixture.state().keys("3jj").screen, "120x40-actor-quotes") }
    @Test func quoteJumpAt120x40() { expectSnapshot(Fixture.state().keys("3jj4j").key(.enter).screen, "120x40-quote-jump") }
    @Test func helpAt120x40() { expectSnapshot(Fixture.state().keys("?").screen, "120x40-help") }
    @Test func pickerAt80x24() { expectSnapshot(Fixture.state(80, 24).keys("s j ").screen, "80x24-picker") }
    @Test func quotesTabAt80x24() { expectSnapshot(Fixture.state(80, 24).keys("4").screen, "80x24-quotes") }
    @Test func readerAt80x24() { expectSnapshot(Fixture.state(80, 24).keys("2jjjj").screen, "80x24-reader") }
    @Test(arguments: ["2", "3", "4"]) func eachPaneAt40x12(key: String) {
        expectSnapshot(Fixture.state(40, 12).keys(key).screen, "40x12-pane\(key)")
    }
}

@Suite struct HostileFilesInTheBrowser {
    static let folder = Fixture.root.appendingPathComponent("Tests/DossierModelTests/Fixtures/hostile").path

    @Test func everyHostileFileRendersSafelyAtEverySize() throws {
        let model = BrowserModel(corpus: try Corpus.load(folder: HostileFilesInTheBrowser.folder), name: "hostile")
        #expect(model.corpus.articles.count == 12)
        for (w, h) in [(120, 40), (80, 24), (40, 12), (1, 1), (500, 200)] {
            var state = AppState(model: model, size: Size(width: w, height: h))
            for step in 0..<model.corpus.articles.count {
                // each article in the reader, scrolled, with the quotes pane shown
                state = update(state, .key(.char("1")))
                if step > 0 { state = update(state, .key(.char("j"))) }
                for key: Key in [.char("2"), .pageDown, .char("4")] {
                    state = update(state, .key(key))
                    let screen = render(state, size: state.size)
                    let controls = screen.cells.contains { $0.text.unicodeScalars.contains { TerminalSafe.isControl($0) } }
                    #expect(!controls, "control character on screen at \(w)×\(h), article \(step)")
                    let widths = (0..<screen.size.height).allSatisfy { y in
                        (0..<screen.size.width).reduce(0) { $0 + Int(screen[$1, y].width) } == screen.size.width
                    }
                    #expect(widths, "row width wrong at \(w)×\(h), article \(step)")
                }
            }
        }
    }
}
