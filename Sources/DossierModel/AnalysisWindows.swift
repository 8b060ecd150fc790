/// A long article is analysed a window of whole paragraphs at a time.
///
/// An article's tokens take 64 bytes each and were made for all of it at once: most of a
/// gigabyte for one 30 MB file. A window ends where a paragraph ends, and a paragraph break
/// resets the tokenizer, so a window's tokens are the whole text's tokens there: names, token
/// places and quotes come out as they would, numbered in the article's order. What a window
/// cannot see is what reaches back across its edge (a pronoun or a bare surname for a person
/// named only in the window before, a quote continuing the last one there). A news article is
/// far below the limit and is analysed whole, as before.
enum AnalysisWindows {
    /// Scalars a window holds at most, unless one paragraph alone is longer.
    static let limit = 1 << 19

    /// Scalar ranges of the article's text, in order: one for the whole text when it is no
    /// longer than `limit`. `keepTogether`: quote spans (`open...close`), which no window edge
    /// cuts.
    static func of(_ article: Article, limit: Int = AnalysisWindows.limit, keepTogether spans: [QuoteSpans.Span] = []) -> [Range<Int>] {
        let paragraphs = article.paragraphs
        guard let last = paragraphs.last, last.end > limit else { return [0..<(paragraphs.last?.end ?? 0)] }
        var windows: [Range<Int>] = []
        var first = 0       // the current window's first paragraph
        var span = 0        // the next span (by opening mark) not yet known to end
        var reach = -1      // the furthest closing mark of the spans opened so far
        for p in 1..<paragraphs.count {
            let start = paragraphs[p].start
            while span < spans.count, spans[span].open < start { reach = max(reach, spans[span].close); span += 1 }
            // an edge before paragraph p, when the window would grow too long and no quote crosses it
            if paragraphs[p].end - paragraphs[first].start > limit, reach < start {
                windows.append(paragraphs[first].start..<paragraphs[p - 1].end)
                first = p
            }
        }
        windows.append(paragraphs[first].start..<last.end)
        return windows
    }
}
