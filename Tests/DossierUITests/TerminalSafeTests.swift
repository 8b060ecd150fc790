import Testing
@testable import DossierUI

@Suite struct TerminalSafety {
    @Test func controlCharactersBecomeVisible() {
        #expect(TerminalSafe.text("a\u{1B}[2Jb\u{07}c\u{9B}d") == "a\u{241B}[2Jb\u{2407}c\u{FFFD}d")
        #expect(TerminalSafe.text("line\nnext\ttab") == "line\nnext tab")
        #expect(TerminalSafe.text("line\nnext", keepNewlines: false) == "line\u{240A}next")
    }

    @Test func widthsCountCells() {
        #expect(DisplayWidth.of("“Iran’s”") == 8)
        #expect(DisplayWidth.of("中文") == 4)
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.truncate("中文中文", to: 5) == "中文…")
        #expect(DisplayWidth.wrap("one two three four", width: 9) == ["one two", "three", "four"])
        #expect(DisplayWidth.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    }
}
