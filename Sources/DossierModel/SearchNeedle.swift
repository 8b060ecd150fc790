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
        /// The run of scalars (positions in `scalars`) to scan the text for: the longest, in
        /// bytes, whose scalars each take as many UTF-8 bytes as every scalar folding onto them
        /// (true of ASCII letters and most scripts: Cyrillic, Greek, Arabic, accented Latin, but
        /// not of a curly quote for a straight one, or of ẞ for ß). A match of the run spans
        /// `span` bytes, starting with one of `heads` and ending with one of `tails`: the text is
        /// scanned for those two bytes sixteen places at a time, as for a plain query, whatever
        /// its script, and the rest of the query is compared around each place.
        let run: Range<Int>
        let span: Int
        let heads: [UInt8]
        let tails: [UInt8]
        /// For each byte of the run, the bytes a match may have there (256 bits each): a place
        /// is ruled out byte by byte before its scalars are decoded and compared.
        let allowed: [UInt64]
        /// The first bytes of the first scalar and of those folding onto it: where the text is
        /// compared when no scalar has a fixed length.
        let leads: [UInt8]

        public init(_ query: String) {
            let folded = query.unicodeScalars.map(TextSearch.fold)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(query.utf8.count)
            for s in folded { bytes.append(contentsOf: String(s).utf8) }
            self.bytes = bytes
            plain = bytes.allSatisfy(Needle.isPlain)
            guard !plain else {
                scalars = []; others = []; run = 0..<0; span = 0; heads = []; tails = []; allowed = []; leads = []
                return
            }
            scalars = folded
            let others = folded.map(FoldedScalars.foldingOnto)
            self.others = others
            // each scalar with those folding onto it, as UTF-8
            let forms = folded.indices.map { k in ([folded[k]] + others[k]).map { Array(String($0).utf8) } }
            var best = 0..<0, bestSpan = 0, start = 0, spanSoFar = 0
            for k in 0...forms.count {
                if k < forms.count, forms[k].allSatisfy({ $0.count == forms[k][0].count }) {
                    spanSoFar += forms[k][0].count
                    continue
                }
                if spanSoFar > bestSpan { (best, bestSpan) = (start..<k, spanSoFar) }
                (start, spanSoFar) = (k + 1, 0)
            }
            run = best
            span = bestSpan
            heads = best.isEmpty ? [] : Needle.distinct(forms[best.lowerBound].map { $0[0] })
            tails = best.isEmpty ? [] : Needle.distinct(forms[best.upperBound - 1].map { $0[$0.count - 1] })
            var allowed = [UInt64](repeating: 0, count: 4 * bestSpan)
            var offset = 0
            for k in best {
                for form in forms[k] {
                    for (i, b) in form.enumerated() { allowed[4 * (offset + i) + Int(b >> 6)] |= 1 << UInt64(b & 63) }
                }
                offset += forms[k][0].count
            }
            self.allowed = allowed
            leads = Needle.distinct(forms.first?.map { $0[0] } ?? [])
        }

        private static func distinct(_ bytes: [UInt8]) -> [UInt8] {
            var out: [UInt8] = []
            for b in bytes where !out.contains(b) { out.append(b) }
            return out
        }

        public var isEmpty: Bool { bytes.isEmpty }

        /// How a text is scanned for it (for the bench).
        public var debugScan: String {
            if plain { return "ASCII, first and last bytes" }
            if span > 0, heads.count <= 4, tails.count <= 4 {
                return "letters \(run.lowerBound + 1)–\(run.upperBound) of \(scalars.count), first and last bytes"
            }
            return "lead bytes of the first letter"
        }

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
