@testable import DossierModel
import Testing

/// Fast paths must agree with the plain code they stand in for, on any text.
@Suite struct FastPathAgreement {
    static let pieces = ["a", "Bc", " ", "  ", "\t", "\n", "\r", "\r\n", "\u{00A0}", "\u{2003}", "\u{3000}", "\u{200B}",
                         "é", "e\u{301}", "’", "—", "中文", "👍🏽", "\u{10FFFF}", "ß", ".", "x y"]

    static func randomText(_ rng: inout SplitMix) -> String {
        (0..<Int(rng.next() % 12)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
    }

    @Test func normalisingAnArraySliceMatchesTheGenericPath() {
        var rng = SplitMix(seed: 5)
        for _ in 0..<3000 {
            let scalars = Array(Self.randomText(&rng).unicodeScalars)
            let cut = scalars.isEmpty ? 0 : Int(rng.next() % UInt64(scalars.count))
            let slice = scalars[cut...]
            let generic = Whitespace.normalize(AnySequence(slice))
            #expect(Whitespace.normalize(slice) == generic)
            #expect(Array(Whitespace.normalize(slice).utf8) == Array(generic.utf8))
        }
    }

    @Test func wordLimitMatchesCountingSplitWords() {
        var rng = SplitMix(seed: 9)
        for _ in 0..<3000 {
            let text = Self.randomText(&rng) + Self.randomText(&rng)
            let limit = Int(rng.next() % 6)
            #expect(ArticleCleaner.hasAtMost(limit, wordsIn: text) == (text.split(separator: " ").count <= limit), "\(text)")
        }
    }
}
