import DossierModel

/// An article laid out for the reader at a width: header lines, then each paragraph wrapped,
/// every body line knowing the cleaned-text offsets it shows.
public struct ReaderText: Sendable {
    public struct Line: Sendable {
        public enum Kind: Sendable { case title, meta, rule, blank, body }
        public var kind: Kind
        public var text: String
        /// Offset in the cleaned text of the line's first scalar (body lines).
        public var start: Int
        public var end: Int
    }

    public let lines: [Line]

    public init(article: Article, width: Int) {
        let width = max(4, width)
        var lines: [Line] = []
        for part in DisplayWidth.wrap(TerminalSafe.text(article.title, keepNewlines: false), width: width) {
            lines.append(Line(kind: .title, text: part, start: -1, end: -1))
        }
        let meta = [article.source, article.author.map { "by " + $0 }, article.date?.description].compactMap { $0 }
        if !meta.isEmpty {
            for part in DisplayWidth.wrap(TerminalSafe.text(meta.joined(separator: " · "), keepNewlines: false), width: width) {
                lines.append(Line(kind: .meta, text: part, start: -1, end: -1))
            }
        }
        lines.append(Line(kind: .rule, text: "", start: -1, end: -1))
        for paragraph in article.paragraphs {
            lines.append(Line(kind: .blank, text: "", start: paragraph.start, end: paragraph.start))
            lines += ReaderText.wrap(paragraph, width: width)
        }
        self.lines = lines
    }

    /// Greedy wrap by words, keeping offsets; a word wider than the line is cut.
    static func wrap(_ paragraph: Paragraph, width: Int) -> [Line] {
        let scalars = Array(paragraph.text.unicodeScalars)
        var out: [Line] = []
        var lineStart = 0, lineWidth = 0, i = 0
        var lastBreak: Int?   // index of a space where the line may break
        func emit(_ end: Int) {
            var e = end
            while e > lineStart, scalars[e - 1] == " " { e -= 1 }
            out.append(Line(kind: .body, text: String(String.UnicodeScalarView(scalars[lineStart..<e])),
                            start: paragraph.start + lineStart, end: paragraph.start + e))
        }
        while i < scalars.count {
            let s = scalars[i]
            let w = DisplayWidth.of(s)
            if s == " " { lastBreak = i }
            if lineWidth + w > width, i > lineStart {
                if let b = lastBreak, b > lineStart {
                    emit(b)
                    lineStart = b + 1
                } else {
                    emit(i)
                    lineStart = i
                }
                lastBreak = nil
                lineWidth = 0
                var k = lineStart
                while k < i { lineWidth += DisplayWidth.of(scalars[k]); k += 1 }
                continue
            }
            lineWidth += w
            i += 1
        }
        if lineStart < scalars.count { emit(scalars.count) }
        return out
    }

    /// The line showing a cleaned-text offset.
    public func line(containing offset: Int) -> Int? {
        lines.firstIndex { $0.kind == .body && $0.start <= offset && offset < max($0.end, $0.start + 1) }
            ?? lines.lastIndex { $0.kind == .body && $0.start <= offset }
    }
}
