/// Slices of a text by Unicode-scalar offsets (the model's offsets) that share the text's
/// storage: a quote's words are a view of its article's text, not a second copy of them.
struct ScalarSlicer {
    let text: String
    /// UTF-8 offset of every scalar offset, 0...count; nil for ASCII text, where the two agree.
    private let utf8Offsets: [Int]?

    init(text: String, scalars: [Unicode.Scalar]) {
        self.text = text
        guard text.utf8.count != scalars.count else { utf8Offsets = nil; return }
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var offset = 0
        for s in scalars {
            offsets.append(offset)
            offset += UTF8.width(s)
        }
        offsets.append(offset)
        utf8Offsets = offsets
    }

    /// The UTF-8 offset of a scalar offset (clamped to the text).
    func utf8Offset(_ scalarOffset: Int) -> Int {
        guard let utf8Offsets else { return min(max(0, scalarOffset), text.utf8.count) }
        return utf8Offsets[min(max(0, scalarOffset), utf8Offsets.count - 1)]
    }

    /// Scalars `start..<end` of the text.
    func slice(_ start: Int, _ end: Int) -> Substring {
        let from = utf8Offset(start)
        return text.sliceUTF8(from, max(from, utf8Offset(end)))
    }
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
        return u[u.index(u.startIndex, offsetBy: offset)] & 0xC0 != 0x80
    }
}

extension Substring {
    /// Its UTF-8 range in `text`, when it is a slice of that very text (or of an equal one).
    func utf8Range(in text: String) -> (from: Int, to: Int)? {
        let from = base.utf8.distance(from: base.utf8.startIndex, to: startIndex)
        let to = from + utf8.count
        guard to <= text.utf8.count, text.isScalarBoundary(utf8: from), text.isScalarBoundary(utf8: to),
              text.sliceUTF8(from, to) == self else { return nil }
        return (from, to)
    }
}
