/// What an article's text holds, in 1,056 bytes, to rule it out of a search without reading it:
/// every case-folded byte (exact), every pair of adjacent bytes (exact for letters, digits,
/// space and common punctuation, which fold into 49 classes; other bytes share 15), and the
/// three-byte sequences (hashed into 4,096 bits).
///
/// A query matches only a text holding all its bytes, pairs and triples. A query that matches
/// nothing is then decided without scanning: with hashed pairs alone, half the corpus had to be
/// read for a two-letter query such as `zz`. The record is 132 words: 4 for bytes, 64 for
/// pairs, 64 for triples; `TextFilterTable` keeps every article's record in one buffer.
/// Triples had 8,192 bits at first; at 4,096 a search over 100k articles took as long (0.5 ms
/// for a hit, 3.0 ms for no match) and the browser held 50 MB less.
struct TextFilter: Sendable {
    static let pairsAt = 4, triplesAt = 68, tripleBits = 4096
    static let words = triplesAt + tripleBits / 64
    private(set) var record: [UInt64]

    init(_ texts: [String]) {
        var record = [UInt64](repeating: 0, count: TextFilter.words)
        record.withUnsafeMutableBufferPointer { TextFilter.fill($0, from: texts) }
        self.record = record
    }

    func mayContain(_ needle: TextSearch.Needle) -> Bool {
        record.withUnsafeBufferPointer { TextFilter.mayContain($0, needle) }
    }

    /// Sets the bits of `texts` in a zeroed record.
    static func fill(_ record: UnsafeMutableBufferPointer<UInt64>, from texts: [String]) {
        for text in texts {
            var copy = text
            copy.withUTF8 { fill(record, bytes: $0) }
        }
    }

    /// Sets the bits of what a search looks in for the article (its title, source, author and
    /// text) in a zeroed record. The text is read from its bytes, so that a text in a file stays
    /// unmade (`TextSpill`).
    static func fill(_ record: UnsafeMutableBufferPointer<UInt64>, article a: Article) {
        fill(record, from: [a.title, a.source ?? "", a.author ?? ""])
        a.body.withUTF8 { fill(record, bytes: $0) }
    }

    /// Sets the bits of one text's UTF-8 bytes.
    static func fill(_ record: UnsafeMutableBufferPointer<UInt64>, bytes: UnsafeBufferPointer<UInt8>) {
        var a: UInt8 = 0, b: UInt8 = 0
        for (i, raw) in bytes.enumerated() {
            let c = fold(raw)
            record[Int(c >> 6)] |= 1 << UInt64(c & 63)
            if i >= 1 { set(record, pairsAt, pair(b, c)) }
            if i >= 2 { set(record, triplesAt, triple(a, b, c)) }
            a = b; b = c
        }
    }

    @inline(__always) static func set(_ record: UnsafeMutableBufferPointer<UInt64>, _ base: Int, _ bit: Int) {
        record[base + bit >> 6] |= 1 << UInt64(bit & 63)
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
        Int((UInt32(a) &* 0x9E37 ^ UInt32(b) &* 0x85EB ^ UInt32(c) &* 0xC2B2) & UInt32(tripleBits - 1))
    }

    /// False only when the text of `record` certainly lacks the query: one of its bytes, pairs
    /// or triples is missing. A query with other bytes than plain ASCII (`Needle.isPlain`) is
    /// tested on its plain runs: the text is folded for ASCII only, and a straight quote in a
    /// query matches curly ones. These are every test of `FilterChecks.tests`; a search of every
    /// article makes only those worth making (`FilterChecks`).
    static func mayContain(_ record: UnsafeBufferPointer<UInt64>, _ needle: TextSearch.Needle) -> Bool {
        FilterChecks.tests(needle).allSatisfy { $0.passes(record) }
    }
}
