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
        guard !needle.scalars.isEmpty else { return true }
        if needle.span > 0, needle.heads.count <= 4, needle.tails.count <= 4 {
            let run = needle.run
            return needle.allowed.withUnsafeBufferPointer { allowed in
                let matches = { (at: Int) in
                    mayHoldRun(hay, at, allowed) && matchesAfter(hay, at, needle, run.lowerBound)
                        && matchesBefore(hay, at, needle, run.lowerBound)
                }
                if let head = CaseBytes(needle.heads), let tail = CaseBytes(needle.tails) {
                    return anyPlace(in: hay, EndBytes(head: head, tail: tail), span: needle.span, matches)
                }
                return anyPlace(in: hay, EndLanes(heads: lanes(needle.heads), tails: lanes(needle.tails)), span: needle.span, matches)
            }
        }
        let leads = needle.leads
        let want = lanes(leads)
        var from = 0
        while let at = firstOf(leads, want, in: hay, from: from) {
            if matchesAfter(hay, at, needle, 0) { return true }
            from = at + 1
        }
        return false
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

    /// The first four of `bytes` (one to four), repeated to fill four vectors.
    static func lanes(_ bytes: [UInt8]) -> Lanes {
        let v = (0..<4).map { SIMD16<UInt8>(repeating: bytes[min($0, bytes.count - 1)]) }
        return (v[0], v[1], v[2], v[3])
    }

    @inline(__always)
    static func isAny(_ v: SIMD16<UInt8>, _ of: Lanes) -> SIMDMask<SIMD16<Int8>> {
        (v .== of.0) .| (v .== of.1) .| (v .== of.2) .| (v .== of.3)
    }

    /// One byte, or two that differ only in 0x20 (an ASCII letter's cases, and the last byte of
    /// most two-byte letters' cases: é C3 A9 / É C3 89, п D0 BF / П D0 9F), tested as one
    /// compare after setting 0x20, as `firstFolded` tests a letter.
    struct CaseBytes {
        let want: UInt8, fold: UInt8
        init?(_ bytes: [UInt8]) {
            if bytes.count == 1 { (want, fold) = (bytes[0], 0); return }
            guard bytes.count == 2, bytes[0] ^ bytes[1] == 0x20 else { return nil }
            (want, fold) = (bytes[0] | 0x20, 0x20)
        }
    }

    /// Which places' first and last bytes are worth comparing further.
    protocol EndTest {
        func accepts(_ heads: SIMD16<UInt8>, _ tails: SIMD16<UInt8>) -> SIMDMask<SIMD16<Int8>>
    }

    struct EndBytes: EndTest {
        let wantHead: SIMD16<UInt8>, foldHead: SIMD16<UInt8>, wantTail: SIMD16<UInt8>, foldTail: SIMD16<UInt8>
        init(head: CaseBytes, tail: CaseBytes) {
            (wantHead, foldHead) = (SIMD16(repeating: head.want), SIMD16(repeating: head.fold))
            (wantTail, foldTail) = (SIMD16(repeating: tail.want), SIMD16(repeating: tail.fold))
        }
        @inline(__always)
        func accepts(_ heads: SIMD16<UInt8>, _ tails: SIMD16<UInt8>) -> SIMDMask<SIMD16<Int8>> {
            ((heads | foldHead) .== wantHead) .& ((tails | foldTail) .== wantTail)
        }
    }

    struct EndLanes: EndTest {
        let heads: Lanes, tails: Lanes
        @inline(__always)
        func accepts(_ heads: SIMD16<UInt8>, _ tails: SIMD16<UInt8>) -> SIMDMask<SIMD16<Int8>> {
            FoldedScalars.isAny(heads, self.heads) .& FoldedScalars.isAny(tails, self.tails)
        }
    }

    /// Whether `matches` holds at some place where the text's bytes there and `span` - 1 bytes
    /// on are ones `ends` accepts; sixteen places are tried at once, as in `firstFolded`.
    static func anyPlace<Ends: EndTest>(in hay: UnsafeBufferPointer<UInt8>, _ ends: Ends, span: Int,
                                        _ matches: (Int) -> Bool) -> Bool {
        guard span > 0, hay.count >= span, let base = hay.baseAddress else { return false }
        let raw = UnsafeRawPointer(base), lastStart = hay.count - span
        var i = 0
        while i + 15 <= lastStart {
            let both = ends.accepts(raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self),
                                    raw.loadUnaligned(fromByteOffset: i + span - 1, as: SIMD16<UInt8>.self))
            let ends = unsafeBitCast(SIMD16<UInt8>(repeating: 0).replacing(with: 1, where: both), to: (UInt64, UInt64).self)
            var low = ends.0, high = ends.1
            while low != 0 {
                if matches(i + low.trailingZeroBitCount / 8) { return true }
                low &= low - 1
            }
            while high != 0 {
                if matches(i + 8 + high.trailingZeroBitCount / 8) { return true }
                high &= high - 1
            }
            i += 16
        }
        while i <= lastStart {
            if matches(i) { return true }
            i += 1
        }
        return false
    }

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
