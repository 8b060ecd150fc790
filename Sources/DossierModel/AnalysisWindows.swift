/// A long article is analysed a window at a time.
///
/// An article's tokens take 64 bytes each and were made for all of it at once: most of a
/// gigabyte for one 30 MB file. A window is whole paragraphs, or, in a paragraph longer than a
/// window, whole sentences; the tokenizer starts a paragraph or a sentence there as it would
/// in the whole text, so a window's tokens are the whole text's tokens there, and names, token
/// places and quotes come out as they would, numbered in the article's order. No window edge
/// cuts a quote. What a window cannot see is what reaches back across its edge (a pronoun or a
/// bare surname for a person named only in the window before, a quote continuing the last one
/// there). A news article is far below the limit and is analysed whole, as before.
enum AnalysisWindows {
    /// Scalars a window holds at most, unless no edge can be found sooner.
    static let limit = 1 << 19

    /// Scalar ranges of the article's text (`scalars`), in order: one for the whole text when
    /// it is no longer than `limit`. `keepTogether`: quote spans (`open...close`, in order),
    /// which no window edge cuts.
    static func of(_ article: Article, scalars: [Unicode.Scalar], limit: Int = AnalysisWindows.limit,
                   keepTogether spans: [QuoteSpans.Span] = []) -> [Range<Int>] {
        let paragraphs = article.paragraphs
        guard let last = paragraphs.last, last.end > limit else { return [0..<(paragraphs.last?.end ?? 0)] }
        let quotes = QuotedPlaces(spans)
        var windows: [Range<Int>] = []
        var first = 0  // the current window's first paragraph
        for p in paragraphs.indices {
            // an edge before paragraph p when the window would grow too long and no quote crosses it
            if p > first, paragraphs[p].end - paragraphs[first].start > limit, !quotes.cross(paragraphs[p].start) {
                windows.append(paragraphs[first].start..<paragraphs[p - 1].end)
                first = p
            }
            // a paragraph longer than a window alone: cut at sentences
            if p == first, paragraphs[p].end - paragraphs[p].start > limit, !quotes.cross(paragraphs[p].end + 2) || p == paragraphs.count - 1 {
                windows += sentences(paragraphs[p].start..<paragraphs[p].end, scalars: scalars, limit: limit, quotes: quotes)
                first = p + 1
            }
        }
        if first < paragraphs.count { windows.append(paragraphs[first].start..<last.end) }
        return windows
    }

    /// A long paragraph in pieces of about `limit` scalars, each ending before a sentence that
    /// no quote crosses into.
    static func sentences(_ paragraph: Range<Int>, scalars: [Unicode.Scalar], limit: Int, quotes: QuotedPlaces) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var from = paragraph.lowerBound
        while paragraph.upperBound - from > limit {
            // the last sentence start within the limit, else the first one past it
            let within = stride(from: from + limit, to: from + limit / 2, by: -1).first { sentenceStart(at: $0, scalars) && !quotes.cross($0) }
            guard let cut = within ?? (from + limit..<paragraph.upperBound).first(where: { sentenceStart(at: $0, scalars) && !quotes.cross($0) })
            else { break }
            pieces.append(from..<(cut - 1))
            from = cut
        }
        pieces.append(from..<paragraph.upperBound)
        return pieces
    }

    /// Whether a sentence plainly starts at `i`: a capital after `. ` ending a lowercase word of
    /// three letters or more (no abbreviation or initial, whose period the tokenizer keeps).
    static func sentenceStart(at i: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        guard i >= 5, i < scalars.count, scalars[i - 1] == " ", ".!?".unicodeScalars.contains(scalars[i - 2]),
              CharacterClass.isUppercase(scalars[i]) else { return false }
        var k = i - 3
        while k >= 0, CharacterClass.isLowercase(scalars[k]), scalars[k].isASCII { k -= 1 }
        let word = i - 3 - k
        guard word >= 3, k < 0 || !CharacterClass.isWord(scalars[k]) else { return false }
        return !Tokenizer.abbreviations.contains(String(String.UnicodeScalarView(scalars[(k + 1)..<(i - 2)])))
    }

    /// The places inside quotes: whether a window edge at an offset would cut one.
    struct QuotedPlaces {
        /// The spans' opening marks, in order, and the furthest closing mark up to each.
        let opens: [Int]
        let reach: [Int]
        init(_ spans: [QuoteSpans.Span]) {
            opens = spans.map(\.open)
            var furthest = Int.min
            reach = spans.map { furthest = max(furthest, $0.close); return furthest }
        }

        /// Whether a quote opens before `offset` and closes at or after it.
        func cross(_ offset: Int) -> Bool {
            var low = 0, high = opens.count
            while low < high {
                let mid = (low + high) / 2
                if opens[mid] < offset { low = mid + 1 } else { high = mid }
            }
            return low > 0 && reach[low - 1] >= offset
        }
    }
}
