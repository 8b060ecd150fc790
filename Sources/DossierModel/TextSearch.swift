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
        let needle = Needle(query)
        guard !needle.isEmpty else { return [] }
        var text = text
        return text.withUTF8 { needle.plain ? plainMatches($0, needle.bytes, limit: limit) : FoldedScalars.matches($0, needle, limit: limit) }
    }

    /// `matches` for a plain query (ASCII, no quote), read from the text's UTF-8 where it lies:
    /// places are found sixteen at a time (`ByteScan`), and the scalars before each match are
    /// counted as the scan goes. Folding a 30 MB article into scalars took a quarter of a
    /// second on every key of a search in the reader.
    static func plainMatches(_ hay: UnsafeBufferPointer<UInt8>, _ n: [UInt8], limit: Int) -> [Range<Int>] {
        guard let base = hay.baseAddress, let first = n.first, let last = n.last, limit > 0 else { return [] }
        // an ASCII query matches ASCII bytes only: its bytes are its scalars
        var offsets = MatchOffsets(in: hay, length: n.count, limit: limit)
        let ends = ByteScan.EndBytes(head: .init(letterOrByte: first), tail: .init(letterOrByte: last))
        _ = ByteScan.anyPlace(in: hay, ends, span: n.count) { place in
            matchesFolded(base + place, n) && offsets.take(place, place + n.count)
        }
        return offsets.found
    }

    /// Case-insensitive containment without copying the text.
    public static func contains(_ haystack: String, _ needle: Needle) -> Bool {
        guard !needle.isEmpty else { return true }
        // a native string's bytes are read where they lie: making a slice of it to search
        // (retained, its bounds checked) cost as much per article as scanning a short text
        if let found = haystack.utf8.withContiguousStorageIfAvailable({ contains(bytes: $0, needle) }) { return found }
        return contains(haystack[...], needle)
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

    /// Whether `hay`, its ASCII capitals folded, holds the lowercase bytes `n`: places are
    /// found by the needle's first and last bytes (`ByteScan`), then compared byte by byte.
    static func containsFolded(_ hay: UnsafeBufferPointer<UInt8>, _ n: [UInt8]) -> Bool {
        guard let first = n.first, let last = n.last else { return true }
        guard let base = hay.baseAddress else { return false }
        let ends = ByteScan.EndBytes(head: .init(letterOrByte: first), tail: .init(letterOrByte: last))
        return ByteScan.anyPlace(in: hay, ends, span: n.count) { matchesFolded(base + $0, n) }
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

extension Corpus {
    /// Whether article `i`'s text holds the needle, read in place (`articleHolds`).
    public func textHolds(_ i: Int, _ needle: TextSearch.Needle) -> Bool {
        articles.withUnsafeBufferPointer { ($0.baseAddress! + i).pointee.body.contains(needle) }
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
