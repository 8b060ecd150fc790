/// What an article's text holds, in 1,568 bytes, to rule it out of a search without reading it:
/// every case-folded byte (exact), every pair of adjacent bytes (exact for letters, digits,
/// space and common punctuation, which fold into 49 classes; other bytes share 15), and the
/// three-byte sequences (hashed into 8,192 bits).
///
/// A query matches only a text holding all its bytes, pairs and triples. A query that matches
/// nothing is then decided without scanning: with hashed pairs alone, half the corpus had to be
/// read for a two-letter query such as `zz`.
struct TextFilter: Sendable {
    static let tripleWords = 128
    private var singles = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
    private var pairs: [UInt64]
    private var triples: [UInt64]

    init(_ texts: [String]) {
        pairs = [UInt64](repeating: 0, count: 64)
        triples = [UInt64](repeating: 0, count: TextFilter.tripleWords)
        var seen = [UInt64](repeating: 0, count: 4)
        for text in texts {
            var copy = text
            copy.withUTF8 { bytes in
                var a: UInt8 = 0, b: UInt8 = 0
                for (i, raw) in bytes.enumerated() {
                    let c = TextFilter.fold(raw)
                    seen[Int(c >> 6)] |= 1 << UInt64(c & 63)
                    if i >= 1 {
                        let p = TextFilter.pair(b, c)
                        pairs[p >> 6] |= 1 << UInt64(p & 63)
                    }
                    if i >= 2 {
                        let h = TextFilter.triple(a, b, c)
                        triples[h >> 6] |= 1 << UInt64(h & 63)
                    }
                    a = b; b = c
                }
            }
        }
        singles = (seen[0], seen[1], seen[2], seen[3])
    }

    @inline(__always) static func fold(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }

    /// Letters, digits, space and common punctuation get a class each; other bytes share 15.
    private static let classes: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        let exact = Array("abcdefghijklmnopqrstuvwxyz0123456789 .,'\"-():;!?\n".utf8)
        for b in 0..<256 { table[b] = 49 + UInt8(b % 15) }
        for (k, b) in exact.enumerated() { table[Int(b)] = UInt8(k) }
        return table
    }()

    @inline(__always) static func pair(_ a: UInt8, _ b: UInt8) -> Int {
        Int(classes[Int(a)]) << 6 | Int(classes[Int(b)])
    }

    @inline(__always) static func triple(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
        Int((UInt32(a) &* 0x9E37 ^ UInt32(b) &* 0x85EB ^ UInt32(c) &* 0xC2B2) & UInt32(tripleWords * 64 - 1))
    }

    private func hasByte(_ c: UInt8) -> Bool {
        let word = switch c >> 6 { case 0: singles.0; case 1: singles.1; case 2: singles.2; default: singles.3 }
        return word & (1 << UInt64(c & 63)) != 0
    }

    /// False only when the text certainly lacks the query. A query with other than ASCII
    /// letters is tested on its ASCII runs (the text is folded for ASCII only). Allocates
    /// nothing: it runs once per article on every keystroke of a search.
    func mayContain(_ needle: TextSearch.Needle) -> Bool {
        let n = needle.bytes
        var runStart = 0
        for i in 0...n.count where i == n.count || n[i] >= 0x80 {
            if !runMayOccur(n, runStart, i) { return false }
            runStart = i + 1
        }
        return true
    }

    private func runMayOccur(_ n: [UInt8], _ from: Int, _ to: Int) -> Bool {
        var i = from
        while i < to {
            let c = n[i]
            guard hasByte(c) else { return false }
            if i >= from + 1 {
                let p = TextFilter.pair(n[i - 1], c)
                if pairs[p >> 6] & (1 << UInt64(p & 63)) == 0 { return false }
            }
            if i >= from + 2 {
                let h = TextFilter.triple(n[i - 2], n[i - 1], c)
                if triples[h >> 6] & (1 << UInt64(h & 63)) == 0 { return false }
            }
            i += 1
        }
        return true
    }
}
