/// Text bytes scanned sixteen places at a time for where a match may start: a place whose
/// byte, and the byte `span - 1` on, are ones the match can begin and end with. Only there is
/// the rest compared. A search that no article's filter could rule out reads every article's
/// text, and byte by byte that was half a second a key at 100k.
enum ByteScan {
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
    /// compare after setting 0x20.
    struct CaseBytes {
        let want: UInt8, fold: UInt8
        init?(_ bytes: [UInt8]) {
            if bytes.count == 1 { (want, fold) = (bytes[0], 0); return }
            guard bytes.count == 2, bytes[0] ^ bytes[1] == 0x20 else { return nil }
            (want, fold) = (bytes[0] | 0x20, 0x20)
        }

        /// A byte of a plain query: a small ASCII letter stands for both its cases.
        init(letterOrByte b: UInt8) { (want, fold) = (b, (97...122).contains(b) ? 0x20 : 0) }
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

    /// Up to four first and four last bytes, compared one by one.
    struct EndLanes: EndTest {
        let heads: Lanes, tails: Lanes
        @inline(__always)
        func accepts(_ heads: SIMD16<UInt8>, _ tails: SIMD16<UInt8>) -> SIMDMask<SIMD16<Int8>> {
            ByteScan.isAny(heads, self.heads) .& ByteScan.isAny(tails, self.tails)
        }
    }

    /// Whether `matches` holds at some place whose first byte is one of `heads` and whose byte
    /// `span` - 1 on is one of `tails` (one to four each); the places are tried in order.
    static func anyPlace(in hay: UnsafeBufferPointer<UInt8>, heads: [UInt8], tails: [UInt8], span: Int,
                         _ matches: (Int) -> Bool) -> Bool {
        if let head = CaseBytes(heads), let tail = CaseBytes(tails) {
            return anyPlace(in: hay, EndBytes(head: head, tail: tail), span: span, matches)
        }
        return anyPlace(in: hay, EndLanes(heads: lanes(heads), tails: lanes(tails)), span: span, matches)
    }

    /// Whether `matches` holds at some place whose first and last bytes `ends` accepts.
    static func anyPlace<Ends: EndTest>(in hay: UnsafeBufferPointer<UInt8>, _ ends: Ends, span: Int,
                                        _ matches: (Int) -> Bool) -> Bool {
        guard span > 0, hay.count >= span, let base = hay.baseAddress else { return false }
        let raw = UnsafeRawPointer(base), lastStart = hay.count - span
        var i = 0
        while i + 15 <= lastStart {
            let both = ends.accepts(raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self),
                                    raw.loadUnaligned(fromByteOffset: i + span - 1, as: SIMD16<UInt8>.self))
            // one byte a place, 1 where both ends agree, read as two words (a lane's bit is
            // bit 8 × lane), so that a place is found by counting zeros, not by asking each lane
            let agree = unsafeBitCast(SIMD16<UInt8>(repeating: 0).replacing(with: 1, where: both), to: (UInt64, UInt64).self)
            var low = agree.0, high = agree.1
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
}
