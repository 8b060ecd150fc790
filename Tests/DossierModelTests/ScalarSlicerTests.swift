import Foundation
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

    /// A mapped text whose bytes are damaged (a stray continuation byte, a sequence cut off at
    /// the end) holds fewer scalar starts than it reads as scalars: the slicer then counts widths
    /// of scalars, not starts of bytes, and slices stay within the text, never a crash.
    @Test func damagedMappedBytesSliceWithinTheText() throws {
        let good = String(repeating: "ab“中 ", count: 40)
        let bytes = Array(good.utf8) + [0x80, 0x41] + Array(good.utf8) + [0xE2, 0x80]
        let path = Paths.temporaryFolder().appendingPathComponent("damaged-slicer.bin").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let file = try #require(MappedFile(path: path))
        let body = ArticleBody.mapped(MappedText(file: file, start: 0, count: bytes.count))
        let scalars = ScalarArray.of(body)
        let starts = bytes.filter { $0 & 0xC0 != 0x80 }.count
        #expect(scalars.count != starts)
        let slicer = ScalarSlicer(body: body, scalars: scalars)
        // the undamaged head slices as the scalars name it
        let head = Array(good.unicodeScalars)
        for end in stride(from: 0, through: head.count, by: 7) {
            #expect(String(slicer.slice(0, end)) == String(String.UnicodeScalarView(head[0..<end])), "\(end)")
        }
        // past the damage, every slice to the end is a tail of the whole text as decoded, or
        // empty where its offset falls inside a sequence
        let whole = String(decoding: bytes, as: UTF8.self)
        #expect(String(slicer.slice(0, scalars.count + 3)) == whole)
        for start in stride(from: 0, through: scalars.count + 3, by: 5) {
            let tail = String(slicer.slice(start, scalars.count + 3))
            #expect(tail.isEmpty || whole.hasSuffix(tail), "\(start)")
        }
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
