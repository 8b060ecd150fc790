/// Finds the spans between double quotation marks in an article, paragraph by paragraph.
///
/// Marks are paired by direction, not by counting: `“ „ «` open, `” »` close, and a straight `"`
/// opens after a space and closes before one. A quote runs over several paragraphs when each
/// continuation opens with a mark; a quote whose closing mark is lost ends with its paragraph,
/// so one missing mark never swallows the rest of an article. A closing mark with no quote open,
/// followed later in the paragraph by another closing mark, is read as a misprinted opening mark.
enum QuoteSpans {
    struct Span: Sendable, Equatable {
        /// Offsets of the words inside the marks, trimmed of spaces.
        var start: Int
        var end: Int
        /// Offsets of the marks themselves (`open` is the opening mark, `close` the closing one or
        /// the paragraph end when it was lost).
        var open: Int
        var close: Int
        var closed: Bool
    }

    enum Direction { case opening, closing }

    static func direction(_ scalars: [Unicode.Scalar], _ i: Int) -> Direction? {
        switch scalars[i] {
        case "“", "„", "‟", "«": return .opening
        case "”", "»": return .closing
        case "\"":
            let before: Unicode.Scalar? = i > 0 ? scalars[i - 1] : nil
            let after: Unicode.Scalar? = i + 1 < scalars.count ? scalars[i + 1] : nil
            let spaceBefore = before.map { Whitespace.isSpace($0) || $0 == "\n" || "([{—–-".unicodeScalars.contains($0) } ?? true
            let spaceAfter = after.map { Whitespace.isSpace($0) || $0 == "\n" || ".,;:!?)]}".unicodeScalars.contains($0) } ?? true
            if spaceBefore && !spaceAfter { return .opening }
            if spaceAfter && !spaceBefore { return .closing }
            return spaceBefore ? .opening : .closing
        default: return nil
        }
    }

    static func find(in article: Article) -> [Span] { find(in: article, scalars: ScalarArray.of(article.text)) }

    /// `scalars`: the article's text, already split into scalars by the caller.
    static func find(in article: Article, scalars: [Unicode.Scalar]) -> [Span] {
        var spans: [Span] = []
        var openAt: Int?            // offset of the opening mark of the quote in progress
        let paragraphs = article.paragraphs
        for (index, paragraph) in paragraphs.enumerated() {
            var marks: [(Int, Direction)] = []
            var singleOpenings = false
            for i in paragraph.start..<paragraph.end {
                // the one ASCII mark is `"`; every other ASCII scalar is passed over at once
                let v = scalars[i].value
                if v < 0x80, v != 0x22 { continue }
                if v == 0x2018 { singleOpenings = true }
                if let d = direction(scalars, i) { marks.append((i, d)) }
            }
            // British style: a paragraph with no double mark may quote in single ones
            if marks.isEmpty, openAt == nil, singleOpenings {
                spans += singleQuoted(scalars, paragraph.start..<paragraph.end)
                continue
            }
            // whether a closing mark comes later in the paragraph, for each mark (one pass
            // from the end: many stray marks must not cost a scan each)
            var closingAfter = [Bool](repeating: false, count: marks.count)
            var seenClosing = false
            for k in stride(from: marks.count - 1, through: 0, by: -1) {
                closingAfter[k] = seenClosing
                if marks[k].1 == .closing { seenClosing = true }
            }
            var m = 0
            while m < marks.count {
                let (i, d) = marks[m]
                if let open = openAt {
                    if d == .closing {
                        spans.append(span(scalars, open: open, close: i, closed: true))
                        openAt = nil
                    } else if i == paragraph.start, open < paragraph.start {
                        // the continuation mark of a quote over several paragraphs
                    } else {
                        // two openings in a row: the first lost its closing mark at a sentence end
                        spans.append(span(scalars, open: open, close: lastSentenceEnd(scalars, from: open + 1, to: i), closed: false))
                        openAt = i
                    }
                } else if d == .opening {
                    openAt = i
                } else if closingAfter[m] {
                    // `saying that,” THERE WILL BE NO WAR …”.`: a closing mark used to open
                    openAt = i
                }
                m += 1
            }
            // End of paragraph with a quote open: it continues only if the next paragraph opens
            // with a mark; otherwise it ends here.
            if let open = openAt {
                let next = index + 1 < paragraphs.count ? paragraphs.start(index + 1) : nil
                let continues = next.map { start in direction(scalars, start) == .opening } ?? false
                if !continues {
                    spans.append(span(scalars, open: open, close: paragraph.end, closed: false))
                    openAt = nil
                }
            }
        }
        return spans.filter { $0.end > $0.start }
    }

    /// Quotes in single marks (`‘We will not back down,’ said Jane Roe`) in a paragraph with no
    /// double mark. `’` is also the apostrophe (`don’t`, `teachers’ union`), so a quote opens
    /// with `‘` before a letter, after a space or the paragraph's start, and closes at the first
    /// `’` after a comma or a sentence end (`,’` `.’` `?’`) that a space, a mark or the
    /// paragraph's end follows; failing that, at the last such `’` before the next opening.
    /// A quote of one word (`‘reckless’`) or with no close is left out: too easily an apostrophe.
    static func singleQuoted(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> [Span] {
        func isSpaceOrEdge(_ k: Int) -> Bool {
            guard range.contains(k) else { return true }
            return Whitespace.isSpace(scalars[k]) || scalars[k] == "\n"
        }
        var spans: [Span] = []
        var i = range.lowerBound
        while i < range.upperBound {
            defer { i += 1 }
            guard scalars[i] == "‘", i == range.lowerBound || isSpaceOrEdge(i - 1) || "([—–-".unicodeScalars.contains(scalars[i - 1]),
                  i + 1 < range.upperBound, CharacterClass.isAlphabetic(scalars[i + 1]) else { continue }
            var best: Int?, last: Int?
            var j = i + 1
            while j < range.upperBound, scalars[j] != "‘" || !isSpaceOrEdge(j - 1) {
                if scalars[j] == "’", isSpaceOrEdge(j + 1) || ",.;:!?)—–".unicodeScalars.contains(scalars[j + 1]) {
                    last = j
                    if ",.!?…".unicodeScalars.contains(scalars[j - 1]) { best = j; break }
                }
                j += 1
            }
            guard let close = best ?? last else { continue }
            let quote = span(scalars, open: i, close: close, closed: true)
            let words = scalars[quote.start..<quote.end].split(whereSeparator: { Whitespace.isSpace($0) }).count
            if words >= 2 { spans.append(quote) }
            i = close
        }
        return spans
    }

    private static func span(_ scalars: [Unicode.Scalar], open: Int, close: Int, closed: Bool) -> Span {
        var s = open + 1, e = close
        while s < e, Whitespace.isSpace(scalars[s]) || scalars[s] == "\n" { s += 1 }
        while e > s, Whitespace.isSpace(scalars[e - 1]) || scalars[e - 1] == "\n" { e -= 1 }
        return Span(start: s, end: e, open: open, close: close, closed: closed)
    }

    /// The offset just after the last sentence end in `from..<to`, or `to`.
    private static func lastSentenceEnd(_ scalars: [Unicode.Scalar], from: Int, to: Int) -> Int {
        var i = to - 1
        let floor = max(from, to - 2000)
        while i > floor {
            if ".?!".unicodeScalars.contains(scalars[i]) { return i + 1 }
            i -= 1
        }
        return to
    }
}
