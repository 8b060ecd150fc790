/// Search of UTF-8 bytes for a query that is not plain ASCII (`Needle.plain` is false),
/// scalar by scalar with `TextSearch.fold`, without making a string of the text. Bytes that
/// are not valid UTF-8 (a snapshot damaged past its checksum) match nothing.
///
/// Lowercasing every article for such a query took 17 s a key at 100k articles. Here the
/// text is scanned sixteen bytes at a time for the first and last bytes of the query's longest
/// run of fixed length (`Needle.run`), else for the lead bytes of its first scalar, and only
/// around those places decoded and compared.
enum FoldedScalars {
    static func contains(_ hay: UnsafeBufferPointer<UInt8>, _ needle: TextSearch.Needle) -> Bool {
        needle.scalars.isEmpty || eachMatch(in: hay, needle) { _, _ in true }
    }

    /// `found` with each match's bytes (`start`, `end`), in order of where it starts (its run
    /// ends the same number of scalars on), until it returns true; whether it did.
    static func eachMatch(in hay: UnsafeBufferPointer<UInt8>, _ needle: TextSearch.Needle, _ found: (Int, Int) -> Bool) -> Bool {
        guard needle.span > 0 else {
            // no run: every place holding a lead byte of the first scalar
            return ByteScan.anyPlace(in: hay, heads: needle.leads, tails: needle.leads, span: 1) { at in
                guard let end = end(hay, from: at, needle, 0) else { return false }
                return found(at, end)
            }
        }
        let run = needle.run
        return needle.allowed.withUnsafeBufferPointer { allowed in
            ByteScan.anyPlace(in: hay, heads: needle.heads, tails: needle.tails, span: needle.span) { at in
                guard mayHoldRun(hay, at, allowed), let end = end(hay, from: at, needle, run.lowerBound),
                      let start = start(hay, before: at, needle, run.lowerBound) else { return false }
                return found(start, end)
            }
        }
    }

    /// Whether each byte of the run's span from `at` is one a match may have there.
    @inline(__always)
    static func mayHoldRun(_ hay: UnsafeBufferPointer<UInt8>, _ at: Int, _ allowed: UnsafeBufferPointer<UInt64>) -> Bool {
        for k in 1..<(allowed.count / 4) {
            let b = hay[at + k]
            if allowed[4 * k + Int(b >> 6)] & (1 << UInt64(b & 63)) == 0 { return false }
        }
        return true
    }

    /// Every match, in order and not overlapping (each taken from the end of the last), as
    /// offsets in scalars: what `TextSearch.matches` gives for a query that is not plain. The
    /// scalars before each match are counted as the scan goes.
    static func matches(_ hay: UnsafeBufferPointer<UInt8>, _ needle: TextSearch.Needle, limit: Int) -> [Range<Int>] {
        guard !needle.scalars.isEmpty, limit > 0 else { return [] }
        var offsets = MatchOffsets(in: hay, length: needle.scalars.count, limit: limit)
        _ = eachMatch(in: hay, needle) { offsets.take($0, $1) }
        return offsets.found
    }

    /// Where the needle's scalars from `k` to its end, read from byte `at`, end; nil when
    /// they are not there.
    @inline(__always)
    static func end(_ hay: UnsafeBufferPointer<UInt8>, from at: Int, _ needle: TextSearch.Needle, _ k: Int) -> Int? {
        var at = at
        for j in k..<needle.scalars.count {
            guard let (s, size) = scalar(in: hay, at: at), let s, accepts(needle, j, s) else { return nil }
            at += size
        }
        return at
    }

    /// Where the needle's first `k` scalars, ending at byte `end`, start; nil when they are
    /// not there.
    @inline(__always)
    static func start(_ hay: UnsafeBufferPointer<UInt8>, before end: Int, _ needle: TextSearch.Needle, _ k: Int) -> Int? {
        var end = end
        for j in stride(from: k - 1, through: 0, by: -1) {
            guard let (s, size) = scalar(in: hay, endingAt: end), let s, accepts(needle, j, s) else { return nil }
            end -= size
        }
        return end
    }

    @inline(__always)
    static func accepts(_ needle: TextSearch.Needle, _ j: Int, _ s: Unicode.Scalar) -> Bool {
        s == needle.scalars[j] || needle.others[j].contains(s)
    }

    /// The scalar starting at byte `at` and its size; a byte that does not start a valid
    /// sequence reads as no scalar (matching nothing) of one byte. Nil at the end.
    static func scalar(in hay: UnsafeBufferPointer<UInt8>, at: Int) -> (Unicode.Scalar?, Int)? {
        guard at >= 0, at < hay.count else { return nil }
        let b0 = hay[at]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        let size: Int, initial: UInt32
        switch b0 {
        case 0xC2...0xDF: size = 2; initial = UInt32(b0 & 0x1F)
        case 0xE0...0xEF: size = 3; initial = UInt32(b0 & 0x0F)
        case 0xF0...0xF4: size = 4; initial = UInt32(b0 & 0x07)
        default: return (nil, 1)
        }
        guard at + size <= hay.count else { return (nil, 1) }
        var value = initial
        for k in 1..<size {
            let b = hay[at + k]
            guard b & 0xC0 == 0x80 else { return (nil, 1) }
            value = value << 6 | UInt32(b & 0x3F)
        }
        // overlong forms and values past the end of Unicode are not the scalars they spell
        let least: UInt32 = size == 2 ? 0x80 : size == 3 ? 0x800 : 0x10000
        guard value >= least, let s = Unicode.Scalar(value) else { return (nil, 1) }
        return (s, size)
    }

    /// The scalar ending just before byte `end` and its size, read as `scalar(in:at:)` reads.
    static func scalar(in hay: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> (Unicode.Scalar?, Int)? {
        guard end > 0, end <= hay.count else { return nil }
        var start = end - 1
        while start > max(0, end - 4), hay[start] & 0xC0 == 0x80 { start -= 1 }
        if let (s, size) = scalar(in: hay, at: start), start + size == end { return (s, size) }
        return (nil, 1)
    }

    /// The scalars other than `s` that `TextSearch.fold` maps onto it: its one-scalar
    /// uppercase and titlecase, and the few capitals that are neither (a test checks every
    /// scalar against this).
    static func foldingOnto(_ s: Unicode.Scalar) -> [Unicode.Scalar] {
        switch s {
        case "'": return ["\u{2019}", "\u{2018}"]
        case "\"": return ["\u{201C}", "\u{201D}"]
        case "a"..."z": return [Unicode.Scalar(s.value - 32)!]
        default:
            guard !s.isASCII else { return [] }
            var found = irregularCapitals[s] ?? []
            for mapping in [s.properties.uppercaseMapping, s.properties.titlecaseMapping] {
                let scalars = mapping.unicodeScalars
                guard scalars.count == 1, let u = scalars.first, u != s, !found.contains(u), TextSearch.fold(u) == s else { continue }
                found.append(u)
            }
            return found
        }
    }

    /// Capitals that lowercase to a letter whose own uppercase is something else: signs kept
    /// for compatibility, and the capital sharp s (ß uppercases to "SS").
    private static let irregularCapitals: [Unicode.Scalar: [Unicode.Scalar]] = [
        "\u{3B8}": ["\u{3F4}"],    // θ: ϴ, the capital theta symbol
        "\u{3C9}": ["\u{2126}"],   // ω: Ω, the ohm sign
        "\u{E5}": ["\u{212B}"],    // å: Å, the angstrom sign
        "\u{DF}": ["\u{1E9E}"],    // ß: ẞ
    ]
}
