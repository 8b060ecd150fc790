import Testing
@testable import DossierModel

@Suite struct ScalarSlices {
    // the last is long enough to cross several of the slicer's checkpoints (every 64 scalars)
    @Test(arguments: ["plain ascii text", "“Quoted” — 中文 ✓ 😀 e\u{301}!", "",
                      String(repeating: "ab“中😀 e\u{301}", count: 30)])
    func everySliceEqualsTheScalarsItNames(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        let slicer = ScalarSlicer(body: .held(text), scalars: scalars)
        for start in 0...scalars.count {
            for end in start...scalars.count {
                let slice = slicer.slice(start, end)
                #expect(String(slice) == String(String.UnicodeScalarView(scalars[start..<end])), "\(start)..<\(end)")
                #expect(slice.utf8Range(in: text).map { $0.to - $0.from } == slice.utf8.count)
            }
        }
        // offsets past the end are clamped, never a crash
        #expect(slicer.slice(scalars.count + 5, scalars.count + 9).isEmpty)
    }

    @Test func offsetsInsideAScalarAreNotBoundaries() {
        let text = "a“b"   // “ is three UTF-8 bytes: 1, 2, 3
        #expect(text.isScalarBoundary(utf8: 1))
        #expect(!text.isScalarBoundary(utf8: 2))
        #expect(!text.isScalarBoundary(utf8: 3))
        #expect(text.isScalarBoundary(utf8: 4))
        #expect(text.isScalarBoundary(utf8: 5))
        #expect(!text.isScalarBoundary(utf8: 6))
        #expect(!text.isScalarBoundary(utf8: -1))
        // a slice of another string with other words is not found in this one
        #expect(Substring("a“c").utf8Range(in: text) == nil)
    }
}
