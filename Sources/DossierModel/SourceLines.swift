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
    /// Splits on `\n`, `\r\n` and a lone `\r`.
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

enum Whitespace {
    /// Horizontal spaces: tab, space, no-break space and the other Unicode space separators.
    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Collapses runs of horizontal space into one space and trims both ends.
    static func normalize<S: Sequence>(_ scalars: S) -> String where S.Element == Unicode.Scalar {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for s in scalars {
            if isSpace(s) || s == "\n" || s == "\r" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(s)
            }
        }
        return String(out)
    }

    static func normalize(_ text: String) -> String { normalize(text.unicodeScalars) }
}
