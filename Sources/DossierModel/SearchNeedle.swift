extension TextSearch {
    /// A query ready for `contains`: folded scalar by scalar (`TextSearch.fold`), with what a
    /// search of text bytes needs to know about it.
    public struct Needle: Sendable, Equatable {
        /// The folded query as UTF-8.
        let bytes: [UInt8]
        /// Whether folding ASCII capitals byte by byte finds exactly what folding scalars
        /// finds: every byte is plain (`isPlain`). Most queries are; they take the SIMD scan.
        let plain: Bool
        /// For other queries: the folded scalars, and for each the scalars that fold onto it.
        let scalars: [Unicode.Scalar]
        let others: [[Unicode.Scalar]]
        /// The longest run of plain scalars (positions in `scalars`), and its bytes: the text
        /// is scanned for it as for a plain query, and the rest is compared around each hit.
        let anchor: Range<Int>
        let anchorBytes: [UInt8]
        /// The first bytes of the first scalar and of those folding onto it: where the text is
        /// compared when the anchor is shorter than two bytes.
        let leads: [UInt8]

        public init(_ query: String) {
            let folded = query.unicodeScalars.map(TextSearch.fold)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(query.utf8.count)
            for s in folded { bytes.append(contentsOf: String(s).utf8) }
            self.bytes = bytes
            plain = bytes.allSatisfy(Needle.isPlain)
            guard !plain else {
                scalars = []; others = []; anchor = 0..<0; anchorBytes = []; leads = []
                return
            }
            scalars = folded
            others = folded.map(FoldedScalars.foldingOnto)
            var best = 0..<0, start = 0
            for i in 0...folded.count {
                if i < folded.count, folded[i].isASCII, Needle.isPlain(UInt8(folded[i].value)) { continue }
                if i - start > best.count { best = start..<i }
                start = i + 1
            }
            anchor = best
            anchorBytes = folded[best].map { UInt8($0.value) }
            var leads: [UInt8] = []
            for s in folded.prefix(1) + (others.first ?? []) {
                let lead = UInt8(String(s).utf8.first!)
                if !leads.contains(lead) { leads.append(lead) }
            }
            self.leads = leads
        }

        public var isEmpty: Bool { bytes.isEmpty }

        /// Needles are equal when their folded queries are: the rest follows from those.
        public static func == (a: Needle, b: Needle) -> Bool { a.bytes == b.bytes }

        /// A byte of a folded query that only itself and its ASCII capital fold onto: an ASCII
        /// byte other than the straight quotes (curly quotes fold onto them).
        @inline(__always)
        static func isPlain(_ b: UInt8) -> Bool { b < 0x80 && b != 0x27 && b != 0x22 }

        /// Whether every text holding `self` holds `shorter` too: its folded bytes hold
        /// shorter's (UTF-8 bytes line up on scalars, so this is containment of scalars).
        public func implies(_ shorter: Needle) -> Bool {
            let n = shorter.bytes, m = n.count
            guard m <= bytes.count else { return false }
            guard m > 0 else { return true }
            return (0...(bytes.count - m)).contains { i in bytes[i..<(i + m)].elementsEqual(n) }
        }
    }
}
