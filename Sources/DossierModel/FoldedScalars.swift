/// Search of UTF-8 bytes for a query that is not plain ASCII (`Needle.plain` is false),
/// scalar by scalar with `TextSearch.fold`, without making a string of the text. Bytes that
/// are not valid UTF-8 (a snapshot damaged past its checksum) match nothing.
///
/// Lowercasing every article for such a query took 20 s a key at 100k articles. Here the
/// text is scanned sixteen bytes at a time for the query's longest plain ASCII run, or for
/// the lead bytes of its first scalar, and only around those places decoded and compared.
enum FoldedScalars {
    static func contains(_ hay: UnsafeBufferPointer<UInt8>, _ needle: TextSearch.Needle) -> Bool {
        let anchor = needle.anchor
        if needle.anchorBytes.count >= 2 {
            var from = 0
            while let at = TextSearch.firstFolded(hay, needle.anchorBytes, from: from) {
                if matchesBefore(hay, at, needle, anchor.lowerBound),
                   matchesAfter(hay, at + needle.anchorBytes.count, needle, anchor.upperBound) { return true }
                from = at + 1
            }
            return false
        }
        guard !needle.scalars.isEmpty else { return true }
        let leads = needle.leads
        let want = (0..<4).map { SIMD16<UInt8>(repeating: leads[min($0, leads.count - 1)]) }
        let lanes = (want[0], want[1], want[2], want[3])
        var from = 0
        while let at = firstOf(leads, lanes, in: hay, from: from) {
            if matchesAfter(hay, at, needle, 0) { return true }
            from = at + 1
        }
        return false
    }

    /// Whether the scalars from byte `at` on are the needle's from scalar `k` to its end.
    @inline(__always)
    static func matchesAfter(_ hay: UnsafeBufferPointer<UInt8>, _ at: Int, _ needle: TextSearch.Needle, _ k: Int) -> Bool {
        var at = at
        for j in k..<needle.scalars.count {
            guard let (s, size) = scalar(in: hay, at: at), let s, accepts(needle, j, s) else { return false }
            at += size
        }
        return true
    }

    /// Whether the scalars ending at byte `end` are the needle's first `k`.
    @inline(__always)
    static func matchesBefore(_ hay: UnsafeBufferPointer<UInt8>, _ end: Int, _ needle: TextSearch.Needle, _ k: Int) -> Bool {
        var end = end
        for j in stride(from: k - 1, through: 0, by: -1) {
            guard let (s, size) = scalar(in: hay, endingAt: end), let s, accepts(needle, j, s) else { return false }
            end -= size
        }
        return true
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

    typealias Lanes = (SIMD16<UInt8>, SIMD16<UInt8>, SIMD16<UInt8>, SIMD16<UInt8>)

    /// The first place from `from` holding one of `leads`; `want` holds the first four of
    /// them (repeated to fill it), which are looked for sixteen places at a time.
    static func firstOf(_ leads: [UInt8], _ want: Lanes, in hay: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let base = hay.baseAddress, !leads.isEmpty else { return nil }
        var i = max(0, from)
        if leads.count <= 4 {
            let raw = UnsafeRawPointer(base)
            while i + 16 <= hay.count {
                let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                let hit = (v .== want.0) .| (v .== want.1) .| (v .== want.2) .| (v .== want.3)
                if any(hit) {
                    for k in 0..<16 where hit[k] { return i + k }
                }
                i += 16
            }
        }
        while i < hay.count {
            if leads.contains(hay[i]) { return i }
            i += 1
        }
        return nil
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
