/// Case-insensitive search on Unicode scalars, so matches come back as cleaned-text offsets.
public enum TextSearch {
    @inline(__always)
    static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s.isASCII {
            let v = s.value
            return v >= 65 && v <= 90 ? Unicode.Scalar(v + 32)! : s
        }
        switch s {
        case "’", "‘": return "'"
        case "“", "”": return "\""
        case "\u{00A0}": return " "
        default: return s.properties.lowercaseMapping.unicodeScalars.first ?? s
        }
    }

    /// Offsets (start..<end) of every match of `query` in `text`.
    public static func matches(in text: String, query: String, limit: Int = 10_000) -> [Range<Int>] {
        let q = query.unicodeScalars.map(fold)
        guard !q.isEmpty else { return [] }
        let t = text.unicodeScalars.map(fold)
        var out: [Range<Int>] = []
        guard t.count >= q.count else { return [] }
        var i = 0
        let first = q[0]
        while i <= t.count - q.count, out.count < limit {
            if t[i] == first {
                var k = 1
                while k < q.count, t[i + k] == q[k] { k += 1 }
                if k == q.count { out.append(i..<(i + q.count)); i += q.count; continue }
            }
            i += 1
        }
        return out
    }

    /// A query ready for `contains`: lowercased UTF-8 bytes.
    public struct Needle: Sendable {
        let bytes: [UInt8]
        let ascii: Bool
        let lowered: String
        public init(_ query: String) {
            lowered = query.lowercased()
            bytes = Array(lowered.utf8)
            ascii = bytes.allSatisfy { $0 < 128 }
        }
        public var isEmpty: Bool { bytes.isEmpty }
    }

    /// Case-insensitive containment without copying the text: ASCII letters are folded byte by
    /// byte; a query with other letters falls back to a lowercased copy.
    public static func contains(_ haystack: String, _ needle: Needle) -> Bool {
        contains(haystack[...], needle)
    }

    /// The same for a slice (a quote's words are a slice of their article's text).
    public static func contains(_ haystack: Substring, _ needle: Needle) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.ascii else { return haystack.lowercased().contains(needle.lowered) }
        var text = haystack
        return text.withUTF8 { containsFolded($0, needle.bytes) }
    }

    /// Whether `hay`, its ASCII capitals folded, holds the lowercase bytes `n`.
    private static func containsFolded(_ hay: UnsafeBufferPointer<UInt8>, _ n: [UInt8]) -> Bool {
        guard hay.count >= n.count else { return false }
        let first = n[0]
        var i = 0
        let last = hay.count - n.count
        while i <= last {
            var b = hay[i]
            if b >= 65 && b <= 90 { b += 32 }
            if b == first {
                var k = 1
                while k < n.count {
                    var c = hay[i + k]
                    if c >= 65 && c <= 90 { c += 32 }
                    if c != n[k] { break }
                    k += 1
                }
                if k == n.count { return true }
            }
            i += 1
        }
        return false
    }
}
