import Foundation
import Testing
@testable import DossierModel

/// Case-insensitive containment, sixteen places at a time, against its plain definition.
@Suite struct TextSearchTests {
    /// The definition: some place where every byte, its ASCII capital folded, is the needle's.
    static func plain(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= hay.count else { return false }
        let fold = { (b: UInt8) in b >= 65 && b <= 90 ? b + 32 : b }
        return (0...(hay.count - needle.count)).contains { i in needle.indices.allSatisfy { fold(hay[i + $0]) == needle[$0] } }
    }

    static func fast(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        hay.withUnsafeBufferPointer { TextSearch.containsFolded($0, needle) }
    }

    @Test func agreesWithTheDefinitionOnRandomText() {
        // a small alphabet with capitals and the bytes a set 0x20 bit confuses ('@' and '`',
        // '[' and '{'), so that places where only the needle's ends agree are common
        let alphabet = Array("aAbB@`[{ é".utf8)
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let hay = (0..<Int.random(in: 0...70, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            let needle = (0..<Int.random(in: 1...20, using: &rng)).map { _ in
                Array("ab@`[{ é".utf8).randomElement(using: &rng)!
            }
            #expect(Self.fast(hay, needle) == Self.plain(hay, needle), "\(hay) \(needle)")
            // a needle taken from the text itself, lowercased, is always there
            if hay.count >= 3 {
                let from = Int.random(in: 0..<(hay.count - 2), using: &rng)
                let piece = hay[from...].prefix(Int.random(in: 1...(hay.count - from), using: &rng)).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
                #expect(Self.fast(hay, piece), "\(hay) \(piece)")
            }
        }
    }

    @Test func findsMatchesAtEveryPlaceAroundTheSixteenByteSteps() {
        for length in [1, 2, 15, 16, 17, 31, 32, 33] {
            for size in [length, length + 1, 31, 32, 33, 47, 64, 65] where size >= length {
                for at in 0...(size - length) {
                    var hay = [UInt8](repeating: UInt8(ascii: "x"), count: size)
                    for k in 0..<length { hay[at + k] = k % 2 == 0 ? UInt8(ascii: "Q") : UInt8(ascii: "r") }
                    let needle = (0..<length).map { $0 % 2 == 0 ? UInt8(ascii: "q") : UInt8(ascii: "r") }
                    #expect(Self.fast(hay, needle), "length \(length) size \(size) at \(at)")
                    hay[at + length - 1] = UInt8(ascii: "y")
                    #expect(!Self.fast(hay, needle), "length \(length) size \(size) at \(at), last byte changed")
                }
            }
        }
        #expect(Self.fast([], []))
        #expect(!Self.fast([], Array("a".utf8)))
        #expect(!Self.fast(Array("`".utf8), Array("@".utf8)))
        #expect(!Self.fast(Array("{".utf8), Array("[".utf8)))
        #expect(Self.fast(Array("THE MINISTER SAID".utf8), Array("minister said".utf8)))
    }

    @Test func mappedTextIsSearchedWhereItLiesAndAgreesWithItsString() throws {
        let path = Paths.temporaryFolder().appendingPathComponent("text").path
        let text = "The Minister said: “Zürich will wait.” ÉTÉ and été."
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let file = try #require(MappedFile(path: path))
        let mapped = MappedText(file: file, start: 0, count: text.utf8.count)
        for query in ["minister SAID", "zürich", "ZÜRICH", "été", "wait.”", "absent", "said:  ", "t"] {
            let needle = TextSearch.Needle(query)
            #expect(mapped.contains(needle) == TextSearch.contains(text, needle), "\(query)")
        }
        // none of that made the string; a part is searched within its bounds only
        #expect(!mapped.isMade)
        let said = try #require(text.range(of: "said"))
        let from = text.utf8.distance(from: text.utf8.startIndex, to: said.lowerBound)
        #expect(TextPart.mapped(mapped, from: from, to: from + 4).contains(TextSearch.Needle("SAID")))
        #expect(!TextPart.mapped(mapped, from: from, to: from + 4).contains(TextSearch.Needle("minister")))
        #expect(!mapped.isMade)
        // once made, the string is what is searched
        _ = mapped.string
        #expect(mapped.contains(TextSearch.Needle("ZÜRICH")))
    }
}
