import DossierModel
import Foundation

/// An article laid out for the reader at a width: header lines, then each paragraph wrapped,
/// every body line knowing the cleaned-text offsets it shows.
///
/// Paragraphs are laid out only as far as they are asked for, as `less` reads a file: opening
/// an article lays out its first screen, whatever its length. Laying out a 30 MB article whole
/// took two seconds, and every key waited for it.
public final class ReaderText: @unchecked Sendable {
    public struct Line: Sendable {
        public enum Kind: Sendable { case title, meta, rule, blank, body }
        public var kind: Kind
        public var text: String
        /// Offset in the cleaned text of the line's first scalar (body lines).
        public var start: Int
        public var end: Int
    }

    private let paragraphs: ParagraphList
    private let width: Int
    /// The cleaned text's length in scalars (where its last paragraph ends).
    public let textLength: Int
    // the lines laid out so far and the next paragraph to lay out; the layout is shared by
    // every state that shows this article at this width, hence the lock
    private let lock = NSLock()
    private var laid: [Line] = []
    private var next = 0

    public init(article: Article, width: Int) {
        let width = max(4, width)
        self.width = width
        paragraphs = article.paragraphs
        textLength = article.paragraphs.last?.end ?? 0
        for part in DisplayWidth.wrap(TerminalSafe.text(article.title, keepNewlines: false), width: width) {
            laid.append(Line(kind: .title, text: part, start: -1, end: -1))
        }
        let meta = [article.source, article.author.map { "by " + $0 }, article.date?.description].compactMap { $0 }
        if !meta.isEmpty {
            for part in DisplayWidth.wrap(TerminalSafe.text(meta.joined(separator: " · "), keepNewlines: false), width: width) {
                laid.append(Line(kind: .meta, text: part, start: -1, end: -1))
            }
        }
        laid.append(Line(kind: .rule, text: "", start: -1, end: -1))
    }

    /// Every line (the whole article laid out).
    public var lines: [Line] { withLines(atLeast: .max) { $0 } }

    /// How many lines there are once at least `n` are laid out: `n` or more, or all of them
    /// when the article has fewer.
    public func count(atLeast n: Int) -> Int { withLines(atLeast: n) { $0.count } }

    /// `count(atLeast:)` for a pane of `rows` lines from line `top` (`G` asks for `Int.max`).
    public func count(showing top: Int, rows: Int) -> Int { count(atLeast: top > Int.max - rows ? Int.max : top + rows) }

    /// The lines of `range` that exist.
    public func lines(_ range: Range<Int>) -> ArraySlice<Line> {
        withLines(atLeast: range.upperBound) { laid in laid[min(range.lowerBound, laid.count)..<min(range.upperBound, laid.count)] }
    }

    /// Whether every paragraph is laid out, so that `count(atLeast: 0)` is the whole count.
    public var isComplete: Bool { lock.withLock { next == paragraphs.count } }

    /// The start offset of the first body line at or after line `i`.
    public func firstBodyStart(from i: Int) -> Int? {
        var wanted = max(i, 0) + 4
        while true {
            let (found, complete) = withLines(atLeast: wanted) { laid -> (Int?, Bool) in
                let from = min(max(i, 0), max(0, laid.count - 1))
                return (laid[from...].first { $0.kind == .body }?.start, next == paragraphs.count)
            }
            if found != nil || complete { return found }
            wanted *= 2
        }
    }

    /// The line showing a cleaned-text offset: the last body line starting at or before it.
    public func line(containing offset: Int) -> Int? {
        lock.withLock {
            // every paragraph starting at or before the offset, laid out
            while next < paragraphs.count, paragraphs[next].start <= offset { layOutNext() }
            // starts never decrease: the header's lines are at -1, then each paragraph's blank
            // line and body lines in text order
            var low = 0, high = laid.count
            while low < high {
                let mid = (low + high) / 2
                if laid[mid].start <= offset { low = mid + 1 } else { high = mid }
            }
            var i = low - 1
            while i >= 0, laid[i].kind != .body { i -= 1 }
            return i >= 0 ? i : nil
        }
    }

    /// Lays out what is left, a paragraph at a time, so that a frame drawn meanwhile waits for
    /// one paragraph at most (run on a thread of its own while the keys are quiet).
    public func layOutRest() {
        while lock.withLock({ () -> Bool in
            guard next < paragraphs.count else { return false }
            layOutNext()
            return true
        }) {}
    }

    private func withLines<T>(atLeast n: Int, _ body: ([Line]) -> T) -> T {
        lock.withLock {
            while laid.count < n, next < paragraphs.count { layOutNext() }
            return body(laid)
        }
    }

    /// Lays out the next paragraph, after a blank line (with the lock held).
    private func layOutNext() {
        let paragraph = paragraphs[next]
        laid.append(Line(kind: .blank, text: "", start: paragraph.start, end: paragraph.start))
        ReaderText.wrap(paragraph, width: width, into: &laid)
        next += 1
    }

    /// Greedy wrap by words, keeping offsets; a word wider than the line is cut. Read from the
    /// paragraph's UTF-8, each line's text a copy of its bytes.
    static func wrap(_ paragraph: Paragraph, width: Int, into out: inout [Line]) {
        var text = String(paragraph.slice)
        text.withUTF8 { bytes in
            // places in the text go as pairs: a byte index, and the scalar index it is at
            var i = 0, scalar = 0
            var lineStart = 0, lineStartScalar = 0, lineWidth = 0
            var lastBreak = -1, lastBreakScalar = 0  // a space where the line may break
            func emit(_ end: Int, _ endScalar: Int) {
                var e = end, es = endScalar
                while e > lineStart, bytes[e - 1] == 0x20 { e -= 1; es -= 1 }
                out.append(Line(kind: .body, text: String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<e]), as: UTF8.self),
                                start: paragraph.start + lineStartScalar, end: paragraph.start + es))
            }
            while i < bytes.count {
                let (s, length) = UTF8Scalar.decode(bytes, at: i)
                let w = DisplayWidth.of(s)
                if s == " " { (lastBreak, lastBreakScalar) = (i, scalar) }
                if lineWidth + w > width, i > lineStart {
                    if lastBreak > lineStart {
                        emit(lastBreak, lastBreakScalar)
                        (lineStart, lineStartScalar) = (lastBreak + 1, lastBreakScalar + 1)
                    } else {
                        emit(i, scalar)
                        (lineStart, lineStartScalar) = (i, scalar)
                    }
                    lastBreak = -1
                    lineWidth = 0
                    var k = lineStart
                    while k < i {
                        let (c, n) = UTF8Scalar.decode(bytes, at: k)
                        lineWidth += DisplayWidth.of(c)
                        k += n
                    }
                    continue
                }
                lineWidth += w
                i += length
                scalar += 1
            }
            if lineStart < bytes.count { emit(bytes.count, scalar) }
        }
    }
}

/// An article as the reader lays it out: in which model, and at which width.
public struct ReaderPlace: Hashable, Sendable {
    public let model: ObjectIdentifier
    public let article: Int
    public let width: Int
}
