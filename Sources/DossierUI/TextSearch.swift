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

    /// Whether `haystack` (already lowercased) holds `query`.
    public static func contains(_ haystack: String, _ query: String) -> Bool {
        haystack.contains(query.lowercased())
    }
}
