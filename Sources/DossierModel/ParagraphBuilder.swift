/// Rebuilds the author's paragraphs from the lines that survive cleaning.
///
/// Page and PDF extraction break text in three ways this undoes: hard wraps inside a paragraph,
/// a sentence-final period pushed to the start of the paragraph's last line (RTL PDF export:
/// `.of extensive sections … Washington`), and link texts pulled onto their own lines between
/// blank lines (`President` / `Ana Ruiz’s` / `offer to meet.`).
enum ParagraphBuilder {
    struct Piece {
        var lines: [SourceLine]
        var text: String
        var start: Int { lines.first!.start }
        var end: Int { lines.last!.end }
    }

    /// `lines` holds the kept lines, `nil` where a blank or removed line separated them.
    static func build(_ lines: [SourceLine?]) -> [Piece] {
        var blocks: [[SourceLine]] = [[]]
        for line in lines {
            if let line, !line.isBlank { blocks[blocks.count - 1].append(line) } else if !blocks[blocks.count - 1].isEmpty { blocks.append([]) }
        }
        let pieces = blocks.filter { !$0.isEmpty }.flatMap(splitBlock)
        return rejoinFragments(pieces)
    }

    /// A block of consecutive lines: hard-wrapped prose becomes paragraphs; a block of long
    /// lines (one paragraph per line, as web extraction writes them) keeps each line.
    static func splitBlock(_ block: [SourceLine]) -> [Piece] {
        if block.count == 1 { return [piece([block[0]])] }
        // each line's length, counted once: the median's and the paragraph ends' both
        let lengths = block.map { TextLength.characters($0.text) }
        let median = lengths.sorted()[lengths.count / 2]
        guard median <= 140 else { return block.map { piece([$0]) } }
        var out: [Piece] = []
        var current: [SourceLine] = []
        for i in block.indices {
            // the line before, `current`'s last, may end its paragraph
            if !current.isEmpty, block[i].indented || endsParagraph(block[i - 1], length: lengths[i - 1], median: median) {
                out.append(piece(current))
                current = []
            }
            current.append(block[i])
            if i == block.count - 1 { out.append(piece(current)) }
        }
        return out
    }

    /// In hard-wrapped text a line ends its paragraph when it carries the moved period, or when
    /// it is clearly short of the wrap width and ends a sentence. `length`: its characters.
    private static func endsParagraph(_ line: SourceLine, length: Int, median: Int) -> Bool {
        if hasMovedPeriod(line.text) { return true }
        return length * 10 < median * 6 && endsSentence(line.text)
    }

    /// `.of extensive sections`: a period, then a letter, at the start of a line.
    static func hasMovedPeriod(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        guard scalars.next() == ".", let second = scalars.next() else { return false }
        return second.properties.isLowercase
    }

    static func piece(_ lines: [SourceLine]) -> Piece {
        var parts: [String] = []
        for (i, line) in lines.enumerated() {
            var part = line.text
            if hasMovedPeriod(part), i == lines.count - 1 {
                part.removeFirst()
                part.append(".")
            }
            parts.append(part)
        }
        return Piece(lines: lines, text: joinAll(parts))
    }

    /// Joins the parts of one paragraph with spaces, in one pass (joining two at a time would copy
    /// the growing text each time); `long-` + `term` stays one word.
    static func joinAll(_ parts: [String]) -> String {
        var out = ""
        var previous: String?
        for part in parts where !part.isEmpty {
            if let p = previous {
                let tail = Array(p.unicodeScalars.suffix(2))
                let hyphenated = tail.count == 2 && tail[1] == "-" && tail[0].properties.isAlphabetic
                    && part.unicodeScalars.first?.properties.isLowercase == true
                if !hyphenated { out += " " }
            }
            out += part
            previous = part
        }
        return out
    }

    /// Rejoins a sentence that extraction broke into blank-separated fragments.
    static func rejoinFragments(_ pieces: [Piece]) -> [Piece] {
        // runs of pieces that continue each other, joined once at the end of each run
        var runs: [[Piece]] = []
        for piece in pieces {
            if let last = runs.last?.last, continues(last.text, with: piece.text) {
                runs[runs.count - 1].append(piece)
            } else {
                runs.append([piece])
            }
        }
        return runs.map { run in
            run.count == 1 ? run[0] : Piece(lines: run.flatMap(\.lines), text: joinAll(run.map(\.text)))
        }
    }

    private static let openEndWords: WordSet = [
        "the", "a", "an", "of", "to", "and", "or", "but", "by", "with", "for", "from", "in", "on", "at",
        "as", "that", "which", "who", "whom", "whose", "after", "before", "his", "her", "their", "its",
        "our", "your", "my", "than", "into", "about", "over", "under", "between", "against", "said",
        "says", "told", "is", "was", "were", "are", "be", "been", "has", "have", "had", "this", "these",
    ]

    /// Whether `next` carries on the sentence that `previous` left open.
    static func continues(_ previous: String, with next: String) -> Bool {
        // Most paragraphs end a sentence with their last scalar, and that is all `endsSentence`
        // reads of them: such a paragraph is answered before any cutting below.
        if let last = previous.unicodeScalars.last, isSentenceMark(last) { return false }
        // only the ends matter; a long paragraph must not be split into words each time
        // (more than 200 bytes is the cheap test; the cut is still by characters)
        let previous = previous.utf8.count > 200 ? lastCharacters(previous, 200) : previous
        let next = next.utf8.count > 200 ? firstCharacters(next, 200) : next
        guard !endsSentence(previous), let first = next.unicodeScalars.first else { return false }
        if first.properties.isLowercase || first.properties.numericType != nil || first == "-" || first == "–" {
            return true
        }
        if previous.hasSuffix(",") || previous.hasSuffix(",”") || previous.hasSuffix(",\"") { return true }
        let lastWord = previous.split(separator: " ").last.map { String($0) } ?? ""
        if openEndWords.contains(lastWord.lowercased()) { return true }
        // A short link text (`Ana Ruiz`, `Lee Min Ho`) with no sentence end of its own.
        let words = next.split(separator: " ").count
        if words <= 4, !endsSentence(next) { return true }
        // A role or title word left dangling before the link text it introduced.
        if words <= 6, let lastFirst = lastWord.unicodeScalars.first, lastFirst.properties.isUppercase,
           previous.split(separator: " ").count >= 3 {
            return previous.split(separator: " ").suffix(3).contains { $0.first?.isLowercase == true }
                && !endsSentence(next) && next.count < 60
        }
        return false
    }

    /// `String(text.suffix(n))`. When the last n + 1 bytes are a character each
    /// (`TextLength.oneCharacterPerByte`), the last n characters are the last n bytes: the byte
    /// before the cut joins neither side. Counting characters back from the end walked them by
    /// grapheme, a cost paid on every paragraph that did not end a sentence.
    static func lastCharacters(_ text: String, _ n: Int) -> String {
        let u = text.utf8
        guard u.count > n else { return text }
        let cut = u.index(u.endIndex, offsetBy: -(n + 1))
        guard TextLength.oneCharacterPerByte(u[cut...]) else { return String(text.suffix(n)) }
        return String(Substring(u[u.index(after: cut)...]))
    }

    /// `String(text.prefix(n))`, the same way: when the first n + 1 bytes are a character each,
    /// the first n characters are the first n bytes.
    static func firstCharacters(_ text: String, _ n: Int) -> String {
        let u = text.utf8
        guard u.count > n else { return text }
        let cut = u.index(u.startIndex, offsetBy: n + 1)
        guard TextLength.oneCharacterPerByte(u[..<cut]) else { return String(text.prefix(n)) }
        return String(Substring(u[..<u.index(u.startIndex, offsetBy: n)]))
    }

    /// Ends with sentence punctuation (closing quotes and brackets looked through), or a colon.
    static func endsSentence(_ text: String) -> Bool {
        for s in text.unicodeScalars.reversed() {
            switch s {
            case "”", "\"", "’", "'", ")", "]", "»", " ": continue
            default: return isSentenceMark(s)
            }
        }
        return false
    }

    /// Sentence punctuation, or a colon.
    static func isSentenceMark(_ s: Unicode.Scalar) -> Bool { s == "." || s == "?" || s == "!" || s == "…" || s == ":" }
}
