import Foundation

/// What cleaning makes of a file's text: the body as paragraphs, and the metadata that was
/// taken out of it (headline, byline, sign-off, image credit, clutter).
public struct CleanedText: Sendable {
    public var paragraphs: [Paragraph] = []
    public var title: String?
    public var byline: String?
    /// The outlet a byline names after the writer (`By Jane Roe, BBC News`).
    public var bylineOutlet: String?
    public var signoffAuthor: String?
    public var credit: String?
    public var dateLine: PartialDate?
    /// Clutter and metadata lines as written (normalised spaces), in file order.
    public var removedLines: [String] = []
}

public enum ArticleCleaner {
    /// Cleans one article. `hasTitle` is false when the title is known from elsewhere (a
    /// `.jsonl` field), so the first line stays in the body.
    public static func clean(_ text: String, markdown: Bool = false, findTitle: Bool = true) -> CleanedText {
        var lines: [SourceLine?] = SourceLines.split(text: text).map { markdown ? stripMarkdown($0) : $0 }
        var result = CleanedText()

        func remove(_ i: Int) {
            if let line = lines[i] { result.removedLines.append(line.text) }
            lines[i] = nil
        }

        // Clutter, credits, sign-offs, and a caption printed twice in a row.
        for i in lines.indices {
            guard let line = lines[i], !line.isBlank else { continue }
            if Clutter.isClutter(line.text) {
                // a list of links' header takes the short lines right after it (`Related
                // Topics`, `Greece`, `Wildfires`)
                if Clutter.isListHeader(line.text) {
                    var j = i + 1
                    while j < lines.count, let next = lines[j], !next.isBlank, TextLength.words(next.text) <= 12,
                          !ParagraphBuilder.endsSentence(next.text) {
                        remove(j)
                        j += 1
                    }
                }
                remove(i)
            } else if let credit = Clutter.credit(line.text) {
                result.credit = result.credit ?? credit
                remove(i)
            } else if let name = Clutter.signoff(line.text) {
                result.signoffAuthor = result.signoffAuthor ?? name
                remove(i)
            } else if let reporter = Clutter.reportingCredit(line.text) {
                if let reporter { result.signoffAuthor = result.signoffAuthor ?? reporter }
                remove(i)
            } else if i + 1 < lines.count, let next = lines[i + 1], next.text == line.text,
                      line.text.split(separator: " ").count <= 15 {
                remove(i)
                remove(i + 1)
            }
        }

        // The headline: the first line left, when it is shaped like one.
        var index = lines.firstIndex { $0.map { !$0.isBlank } ?? false }
        if findTitle, let i = index, let line = lines[i], looksLikeHeadline(line, next: nextLine(after: i, in: lines)) {
            result.title = line.text
            remove(i)
            index = nextIndex(after: i, in: lines)
        }
        // A byline or a date line among the next few lines.
        var looked = 0
        while let i = index, looked < 3, let line = lines[i] {
            if result.byline == nil, let byline = Clutter.bylineParts(line.text) {
                result.byline = byline.name
                result.bylineOutlet = byline.outlet
                remove(i)
            } else if result.dateLine == nil, let date = standaloneDate(line.text) {
                result.dateLine = date
                remove(i)
            }
            looked += 1
            index = nextIndex(after: i, in: lines)
        }

        var offset = 0
        for piece in ParagraphBuilder.build(lines) {
            let count = TextLength.scalars(piece.text)
            result.paragraphs.append(Paragraph(text: piece.text, start: offset, end: offset + count,
                                               sourceStart: piece.start, sourceEnd: piece.end))
            offset += count + 2
        }
        return result
    }

    private static func nextIndex(after i: Int, in lines: [SourceLine?]) -> Int? {
        var j = i + 1
        while j < lines.count {
            if let line = lines[j], !line.isBlank { return j }
            j += 1
        }
        return nil
    }

    private static func nextLine(after i: Int, in lines: [SourceLine?]) -> SourceLine? {
        nextIndex(after: i, in: lines).flatMap { lines[$0] }
    }

    /// A headline is short and is not the first line of a wrapped paragraph.
    static func looksLikeHeadline(_ line: SourceLine, next: SourceLine?) -> Bool {
        // the length first: a long first line (a paragraph) is no headline, and is not split
        // into words nor walked by character to find that out
        guard line.text.utf8.count <= 250 || TextLength.characters(line.text) <= 250,
              TextLength.words(line.text) <= 30 else { return false }
        guard line.text.unicodeScalars.first?.properties.isLowercase != true else { return false }
        // A line that runs straight on into lowercase text is a wrapped sentence, not a headline.
        if let next, next.start == line.end + 1, next.text.unicodeScalars.first?.properties.isLowercase == true,
           !ParagraphBuilder.endsSentence(line.text) {
            return false
        }
        return true
    }

    /// `June 8, 2019`, `Published: 2019-06-08`, `Updated June 8, 2019 10:00 ET`.
    static func standaloneDate(_ text: String) -> PartialDate? {
        var body = text
        for lead in ["Published:", "Published on", "Published", "Updated:", "Updated", "Posted on", "Posted:", "Date:"]
        where body.hasPrefix(lead) {
            body = Whitespace.trimmed(body.dropFirst(lead.count))
            break
        }
        guard hasAtMost(8, wordsIn: body) else { return nil }
        body = droppingLeadingTime(body)
        if let date = PartialDate(parsing: body), date.day != nil { return date }
        if let (date, range) = DateWords.firstDate(in: body), range.lowerBound == body.startIndex { return date }
        return nil
    }

    /// `11:42 p.m. ET, November 5, 2025` without its time: `November 5, 2025`. Text that does
    /// not start with a clock time is returned as it is.
    static func droppingLeadingTime(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars.prefix(24))
        func digit(_ k: Int) -> Bool { k < scalars.count && ("0"..."9").contains(scalars[k]) }
        var k = 0
        while k < 2, digit(k) { k += 1 }
        guard k > 0, k < scalars.count, scalars[k] == ":", digit(k + 1), digit(k + 2) else { return text }
        var rest = Substring(String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(k + 3)))).drop(while: { $0 == " " })
        // `a.m.`, `pm`, then a time zone of capitals (`ET`, `GMT`, `UTC+1`)
        for meridiem in ["a.m.", "p.m.", "am", "pm", "AM", "PM", "A.M.", "P.M."] where rest.hasPrefix(meridiem) {
            rest = rest.dropFirst(meridiem.count).drop(while: { $0 == " " })
            break
        }
        let zone = rest.prefix(while: { $0.isUppercase || $0 == "+" || $0 == "-" || $0.isNumber })
        if (2...6).contains(zone.count), zone.first?.isUppercase == true { rest = rest.dropFirst(zone.count) }
        return Whitespace.trimmed(rest.drop(while: { $0 == " " || $0 == "," || $0 == "|" || $0 == "-" || $0 == "–" || $0 == "—" }))
    }

    /// Whether `text` split at spaces has no more than `limit` words; stops reading once it
    /// has more (lines are whole paragraphs, and most are asked).
    static func hasAtMost(_ limit: Int, wordsIn text: String) -> Bool {
        var words = 0
        var inWord = false
        for c in text {
            if c == " " {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
                if words > limit { return false }
            }
        }
        return true
    }

    /// `# Heading` loses its marker in a Markdown file, and a line set wholly in emphasis
    /// (`*By Jane Roe*`, `**March 3, 2024**`, `_Photo: …_`) its asterisks or underscores, so
    /// that bylines, dates and credits are found in it.
    static func stripMarkdown(_ line: SourceLine) -> SourceLine {
        if line.text.hasPrefix("#") {
            let text = Whitespace.trimmed(line.text.drop(while: { $0 == "#" }))
            return SourceLine(start: line.start, end: line.end, text: text, indented: false)
        }
        guard let mark = line.text.first, mark == "*" || mark == "_" else { return line }
        let run = line.text.prefix { $0 == mark }.count
        guard run <= 2, line.text.count > 2 * run, line.text.hasSuffix(String(repeating: String(mark), count: run)) else { return line }
        let inner = line.text.dropFirst(run).dropLast(run)
        // `*a* and *b*`: emphasis twice, not one span
        guard !inner.contains(mark), inner.first != " ", inner.last != " " else { return line }
        return SourceLine(start: line.start, end: line.end, text: String(inner), indented: line.indented)
    }
}
