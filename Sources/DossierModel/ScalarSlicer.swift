/// Parts of an article's text by Unicode-scalar offsets (the model's offsets) that share the
/// text's storage: a quote's words are a view of its article's text, not a second copy of them
/// (a range of a mapped text, which stays unread).
struct ScalarSlicer {
    let body: ArticleBody
    private let scalars: [Unicode.Scalar]
    private let utf8Count: Int
    /// UTF-8 offset of every 64th scalar; nil for ASCII text, where the two offsets agree. A
    /// full table would be eight bytes a scalar: 160 MB for a 20 MB one-line article.
    private let checkpoints: [Int]?
    /// A power of two (the byte loop masks by it).
    private static let stride = 64

    /// `scalars`: the body's text as scalars.
    init(body: ArticleBody, scalars: [Unicode.Scalar]) {
        self.body = body
        self.scalars = scalars
        utf8Count = body.utf8Count
        guard utf8Count != scalars.count else { checkpoints = nil; return }
        checkpoints = Self.checkpoints(body, scalarCount: scalars.count) ?? Self.checkpoints(scalars)
    }

    /// The checkpoints from the text's bytes, where a scalar starts at every byte that does not
    /// continue one: a plain byte loop, faster than widths of scalars. Nil when the bytes do not
    /// hold `scalarCount` scalars (damaged UTF-8, read scalar by scalar instead).
    private static func checkpoints(_ body: ArticleBody, scalarCount: Int) -> [Int]? {
        body.withUTF8 { bytes -> [Int]? in
            var marks: [Int] = []
            marks.reserveCapacity(scalarCount / stride + 1)
            var k = 0
            for offset in bytes.indices where bytes[offset] & 0xC0 != 0x80 {
                if k & (stride - 1) == 0 { marks.append(offset) }
                k += 1
            }
            return k == scalarCount ? marks : nil
        }
    }

    /// The checkpoints from the scalars' UTF-8 widths.
    private static func checkpoints(_ scalars: [Unicode.Scalar]) -> [Int] {
        var marks: [Int] = []
        marks.reserveCapacity(scalars.count / stride + 1)
        var offset = 0
        for (k, s) in scalars.enumerated() {
            if k % stride == 0 { marks.append(offset) }
            offset += UTF8.width(s)
        }
        return marks
    }

    /// The UTF-8 offset of a scalar offset (clamped to the text).
    func utf8Offset(_ scalarOffset: Int) -> Int {
        let k = min(max(0, scalarOffset), scalars.count)
        guard let checkpoints else { return k }
        if k == scalars.count { return utf8Count }
        let mark = k / Self.stride
        var offset = checkpoints[mark]
        for s in scalars[(mark * Self.stride)..<k] { offset += UTF8.width(s) }
        return offset
    }

    /// Scalars `start..<end` of the text, as a part of it.
    func part(_ start: Int, _ end: Int) -> TextPart {
        let from = utf8Offset(start)
        return body.part(from, max(from, utf8Offset(end)))
    }

    /// Scalars `start..<end` of the text.
    func slice(_ start: Int, _ end: Int) -> Substring { part(start, end).substring }
}

extension String {
    /// UTF-8 bytes `from..<to`, sharing this string's storage. O(1) on native strings. The
    /// offsets must fall on scalar boundaries (`isScalarBoundary`).
    func sliceUTF8(_ from: Int, _ to: Int) -> Substring {
        let u = utf8
        let a = u.index(u.startIndex, offsetBy: from), b = u.index(u.startIndex, offsetBy: to)
        return Substring(u[a..<b])
    }

    /// Whether a UTF-8 offset lies within the string and not inside a scalar's bytes.
    func isScalarBoundary(utf8 offset: Int) -> Bool {
        let u = utf8
        guard offset >= 0, offset <= u.count else { return false }
        guard offset < u.count else { return true }
        // straight from the bytes when the string has them in one piece (a native string does)
        if let byte = u.withContiguousStorageIfAvailable({ $0[offset] }) { return byte & 0xC0 != 0x80 }
        return u[u.index(u.startIndex, offsetBy: offset)] & 0xC0 != 0x80
    }
}

extension Substring {
    /// Its UTF-8 range in the string it is a slice of.
    var utf8RangeInBase: (from: Int, to: Int) {
        let from = base.utf8.distance(from: base.utf8.startIndex, to: startIndex)
        return (from, from + utf8.count)
    }

    /// Its UTF-8 range in `text`, when it is a slice of that very text (or of an equal one).
    func utf8Range(in text: String) -> (from: Int, to: Int)? {
        let (from, to) = utf8RangeInBase
        guard to <= text.utf8.count, text.isScalarBoundary(utf8: from), text.isScalarBoundary(utf8: to),
              text.sliceUTF8(from, to) == self else { return nil }
        return (from, to)
    }
}

extension TextPart {
    /// Its UTF-8 range in an article's text, when it is a part of that very text (or of an equal
    /// one); a part of the same mapped text is known without reading it.
    func utf8Range(in body: ArticleBody) -> (from: Int, to: Int)? {
        if case .inMapping(let mine, let from, let to) = self, case .mapped(let theirs) = body, mine === theirs {
            return (Int(from), Int(to))
        }
        return substring.utf8Range(in: body.string)
    }
}
