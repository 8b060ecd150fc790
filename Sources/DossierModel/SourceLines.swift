/// A line of the original text, with its place in it (Unicode scalar offsets).
struct SourceLine: Sendable {
    let start: Int
    let end: Int
    /// Spaces normalised (tabs, no-break and other spaces become one space), ends trimmed.
    let text: String
    /// The line began with a space or tab: a paragraph indent in hard-wrapped text.
    let indented: Bool

    var isBlank: Bool { text.isEmpty }
}

enum SourceLines {
    /// Splits on `\n`, `\r\n` and a lone `\r`, writing every line out: the plain definition
    /// that `split(_:text:)`, which the cleaner uses, is tested against.
    static func split(_ scalars: [Unicode.Scalar]) -> [SourceLine] {
        var lines: [SourceLine] = []
        var start = 0
        var i = 0
        let n = scalars.count
        while i <= n {
            if i == n || scalars[i] == "\n" || scalars[i] == "\r" {
                let slice = scalars[start..<i]
                let first = slice.first
                lines.append(SourceLine(start: start, end: i, text: Whitespace.normalize(slice),
                                        indented: first.map { Whitespace.isSpace($0) } ?? false))
                if i < n, scalars[i] == "\r", i + 1 < n, scalars[i + 1] == "\n" { i += 1 }
                start = i + 1
            }
            i += 1
        }
        return lines
    }
}

extension SourceLines {
    /// The same, from the text's bytes alone: a line whose spaces are already normal (single
    /// plain spaces, none at either end), as most are, is copied from the bytes; any other is
    /// decoded and written out. Scalars are counted at their first bytes. Walking an array of
    /// the text's scalars was a tenth of loading a corpus, and making it a few percent more.
    static func split(text: String) -> [SourceLine] {
        var copy = text
        return copy.withUTF8 { bytes in
            var lines: [SourceLine] = []
            let n = bytes.count
            // the line's first scalar and byte; the current scalar and byte
            var start = 0, byteStart = 0, k = 0, i = 0
            // whether the line so far is normal, and whether its last scalar was a space
            var normal = true, lastSpace = false
            while true {
                // the end of the text ends the last line, as a line break would
                let b: UInt8 = i < n ? bytes[i] : 0x0A
                if b == 0x0A || b == 0x0D {
                    let line = UnsafeBufferPointer(rebasing: bytes[byteStart..<min(i, n)])
                    let text = normal && !lastSpace
                        ? String(decoding: line, as: UTF8.self)
                        : Whitespace.normalize(ScalarArray.of(utf8: line)[...])
                    let indented = !line.isEmpty && Whitespace.isSpace(UTF8Scalar.decode(line, at: 0).0)
                    lines.append(SourceLine(start: start, end: k, text: text, indented: indented))
                    if i >= n { break }
                    i += 1; k += 1
                    if b == 0x0D, i < n, bytes[i] == 0x0A { i += 1; k += 1 }
                    (start, byteStart, normal, lastSpace) = (k, i, true, false)
                } else if b < 0x80 {
                    if b == 0x20 {
                        if lastSpace || k == start { normal = false }
                        lastSpace = true
                    } else {
                        if b == 0x09 { normal = false }
                        lastSpace = false
                    }
                    i += 1; k += 1
                    // A run of visible ASCII, most of a text, changes nothing but the place, and
                    // nor does a single space between two visible bytes: the run is passed over
                    // in a loop of its own.
                    let run = i
                    while i < n {
                        let c = bytes[i]
                        if c > 0x20, c < 0x80 { i += 1; continue }
                        guard c == 0x20, i + 1 < n, bytes[i - 1] > 0x20, bytes[i - 1] < 0x80,
                              bytes[i + 1] > 0x20, bytes[i + 1] < 0x80 else { break }
                        i += 2
                    }
                    if i > run { k += i - run; lastSpace = false }
                } else {
                    // a scalar's first byte gives its length; only these lead bytes begin a
                    // space other than a plain one (U+00A0, U+1680, U+2000-U+205F, U+3000)
                    if normal, b == 0xC2 || (b >= 0xE1 && b <= 0xE3), Whitespace.isSpace(UTF8Scalar.decode(bytes, at: i).0) {
                        normal = false
                    }
                    lastSpace = false
                    i += b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
                    k += 1
                }
            }
            return lines
        }
    }
}

enum Whitespace {
    /// Horizontal spaces: tab, space, no-break space and the other Unicode space separators.
    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// What Foundation's `.whitespaces` holds: horizontal space and the zero-width space (a
    /// space separator in older Unicode, and still one to Foundation here).
    static func isTrimmedSpace(_ s: Unicode.Scalar) -> Bool { s.value == 0x200B || isSpace(s) }

    /// What Foundation's `.whitespacesAndNewlines` holds: the above and line breaks.
    static func isSpaceOrNewline(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return isTrimmedSpace(s)
        }
    }

    /// Collapses runs of horizontal space into one space and trims both ends.
    /// Writes UTF-8 bytes and makes the string once: appending scalar by scalar to a string
    /// cost more than the rest of line splitting.
    static func normalize<S: Sequence>(_ scalars: S) -> String where S.Element == Unicode.Scalar {
        var out: [UInt8] = []
        out.reserveCapacity(scalars.underestimatedCount)
        var pendingSpace = false
        for s in scalars {
            if isSpace(s) || s == "\n" || s == "\r" {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(0x20) }
            pendingSpace = false
            appendUTF8(s, to: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always)
    static func appendUTF8(_ s: Unicode.Scalar, to out: inout [UInt8]) {
        let v = s.value
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | v >> 6)); out.append(UInt8(0x80 | v & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | v >> 12)); out.append(UInt8(0x80 | v >> 6 & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
        default:
            out.append(UInt8(0xF0 | v >> 18)); out.append(UInt8(0x80 | v >> 12 & 0x3F))
            out.append(UInt8(0x80 | v >> 6 & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
        }
    }

    static func normalize(_ text: String) -> String { normalize(text.unicodeScalars) }

    /// The same for scalars in an array (every line of every file): its UTF-8 length is
    /// counted first, then the bytes are written straight into the string.
    static func normalize(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var bytes = 0
        var pendingSpace = false
        for s in scalars {
            if isSpace(s) || s == "\n" || s == "\r" { pendingSpace = bytes > 0; continue }
            if pendingSpace { bytes += 1 }
            pendingSpace = false
            bytes += UTF8.width(s)
        }
        guard bytes > 0 else { return "" }
        return String(unsafeUninitializedCapacity: bytes) { out in
            var n = 0
            var pendingSpace = false
            for s in scalars {
                if isSpace(s) || s == "\n" || s == "\r" { pendingSpace = n > 0; continue }
                if pendingSpace { out[n] = 0x20; n += 1 }
                pendingSpace = false
                UTF8.encode(s) { out[n] = $0; n += 1 }
            }
            return n
        }
    }

    /// The text without the scalars `trim` picks at either end (`.whitespaces` unless told):
    /// Foundation's `trimmingCharacters` goes through NSString, and on the names and bylines
    /// of every article that was a few percent of the whole analysis.
    static func trimmed<S: StringProtocol>(_ text: S, _ trim: (Unicode.Scalar) -> Bool = isTrimmedSpace) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !trim($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !trim($0) })!
        return String(text[first..<scalars.index(after: last)])
    }
}
