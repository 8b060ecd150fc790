/// Case-insensitive search on Unicode scalars, so matches come back as cleaned-text offsets.
///
/// One fold serves every search (the reader's matches, the lists' filters, the miss rule):
/// each scalar is compared by its lowercase, and curly quotes by the straight ones a user types.
public enum TextSearch {
    /// A scalar's search form: its lowercase (the first scalar of it), or the straight quote
    /// for a curly one. A non-ASCII letter whose lowercase is ASCII (the Kelvin sign, dotted
    /// capital I) stays itself, so that an ASCII letter of a query matches just its two cases
    /// and ASCII text can be searched byte by byte.
    @inline(__always)
    static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s.isASCII {
            let v = s.value
            return v >= 65 && v <= 90 ? Unicode.Scalar(v + 32)! : s
        }
        switch s {
        case "\u{2019}", "\u{2018}": return "'"
        case "\u{201C}", "\u{201D}": return "\""
        default:
            guard s.properties.changesWhenLowercased,
                  let lower = s.properties.lowercaseMapping.unicodeScalars.first, !lower.isASCII else { return s }
            return lower
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

    /// Case-insensitive containment without copying the text.
    public static func contains(_ haystack: String, _ needle: Needle) -> Bool {
        contains(haystack[...], needle)
    }

    /// The same for a slice (a quote's words are a slice of their article's text).
    public static func contains(_ haystack: Substring, _ needle: Needle) -> Bool {
        guard !needle.isEmpty else { return true }
        var text = haystack
        return text.withUTF8 { contains(bytes: $0, needle) }
    }

    /// The same for UTF-8 bytes (text still in a snapshot). Bytes that are not valid UTF-8
    /// are read as replacement characters, never trusted.
    static func contains(bytes hay: UnsafeBufferPointer<UInt8>, _ needle: Needle) -> Bool {
        guard !needle.isEmpty else { return true }
        if needle.plain { return containsFolded(hay, needle.bytes) }
        return FoldedScalars.contains(hay, needle)
    }

    /// Whether `hay`, its ASCII capitals folded, holds the lowercase bytes `n`.
    ///
    /// Sixteen places are tried at once on the needle's first and last bytes, and only where
    /// both agree is the rest compared: a search that no article's filter could rule out reads
    /// every article's text, and byte by byte that was half a second a key at 100k.
    static func containsFolded(_ hay: UnsafeBufferPointer<UInt8>, _ n: [UInt8]) -> Bool {
        n.isEmpty || firstFolded(hay, n, from: 0) != nil
    }

    /// The first place from `from` where `hay`, its ASCII capitals folded, holds `n`.
    static func firstFolded(_ hay: UnsafeBufferPointer<UInt8>, _ n: [UInt8], from: Int) -> Int? {
        let m = n.count
        guard m > 0 else { return from }
        guard hay.count >= m, let base = hay.baseAddress else { return nil }
        let lastStart = hay.count - m
        // a capital folds onto its small letter by setting 0x20, so a byte matches a needle
        // letter when (byte | 0x20) equals it, and any other needle byte when it is equal
        let first = n[0], final = n[m - 1]
        let firstFold: UInt8 = (97...122).contains(first) ? 0x20 : 0
        let finalFold: UInt8 = (97...122).contains(final) ? 0x20 : 0
        let wantFirst = SIMD16<UInt8>(repeating: first), wantFinal = SIMD16<UInt8>(repeating: final)
        let foldFirst = SIMD16<UInt8>(repeating: firstFold), foldFinal = SIMD16<UInt8>(repeating: finalFold)
        let raw = UnsafeRawPointer(base)
        var i = max(0, from)
        while i + 15 <= lastStart {
            let heads = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
            let tails = raw.loadUnaligned(fromByteOffset: i + m - 1, as: SIMD16<UInt8>.self)
            let both = ((heads | foldFirst) .== wantFirst) .& ((tails | foldFinal) .== wantFinal)
            // one byte a place, 1 where both ends agree, read as two words (a lane's bit is
            // bit 8 × lane), so that a place is found by counting zeros, not by asking each lane
            let ends = unsafeBitCast(SIMD16<UInt8>(repeating: 0).replacing(with: 1, where: both), to: (UInt64, UInt64).self)
            var low = ends.0, high = ends.1
            while low != 0 {
                let at = i + low.trailingZeroBitCount / 8
                if matchesFolded(base + at, n) { return at }
                low &= low - 1
            }
            while high != 0 {
                let at = i + 8 + high.trailingZeroBitCount / 8
                if matchesFolded(base + at, n) { return at }
                high &= high - 1
            }
            i += 16
        }
        while i <= lastStart {
            if matchesFolded(base + i, n) { return i }
            i += 1
        }
        return nil
    }

    /// Whether the bytes at `p`, their ASCII capitals folded, are `n`.
    @inline(__always)
    private static func matchesFolded(_ p: UnsafePointer<UInt8>, _ n: [UInt8]) -> Bool {
        for k in 0..<n.count {
            var c = p[k]
            if c >= 65 && c <= 90 { c += 32 }
            if c != n[k] { return false }
        }
        return true
    }
}

extension Article {
    /// Whether its text holds the needle (`TextSearch.contains`); a text still in the snapshot
    /// is searched there, not made into a string for it.
    public func textContains(_ needle: TextSearch.Needle) -> Bool { body.contains(needle) }
}

extension Corpus {
    /// Whether article `i`'s title, source, author or text holds the needle: what the browser's
    /// article search compares. Read in place: a copy of the article retained and released each
    /// of its dozen fields, on counts both cores' searches change (a sixth of a search that
    /// reads every article).
    public func articleHolds(_ i: Int, _ needle: TextSearch.Needle) -> Bool {
        articles.withUnsafeBufferPointer { articles in
            let a = articles.baseAddress! + i
            if TextSearch.contains(a.pointee.title, needle) { return true }
            if let source = a.pointee.source, TextSearch.contains(source, needle) { return true }
            if let author = a.pointee.author, TextSearch.contains(author, needle) { return true }
            return a.pointee.body.contains(needle)
        }
    }
}

extension Quote {
    /// Whether its words hold the needle, searched where they lie (as `Article.textContains`).
    public func wordsContain(_ needle: TextSearch.Needle) -> Bool { words.contains(needle) }
}
