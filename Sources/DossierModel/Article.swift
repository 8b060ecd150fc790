import Foundation

/// One cleaned paragraph. `start`/`end` index the article's cleaned `text`;
/// `sourceStart`/`sourceEnd` the original file. Both count Unicode scalars.
public struct Paragraph: Sendable, Hashable {
    /// A slice of the article's text once the article is built: paragraphs share the text's
    /// storage instead of holding a second copy of the corpus.
    public var slice: Substring { part.substring }
    public var text: String { String(slice) }
    private(set) var part: TextPart
    // offsets in 32 bits: a million paragraphs take 56 bytes each, not 72
    @Int32Field public var start: Int
    @Int32Field public var end: Int
    @Int32Field public var sourceStart: Int
    @Int32Field public var sourceEnd: Int

    public init(text: String, start: Int, end: Int, sourceStart: Int, sourceEnd: Int) {
        self.part = .slice(Substring(text))
        self.start = start
        self.end = end
        self.sourceStart = sourceStart
        self.sourceEnd = sourceEnd
    }

    /// A paragraph that is `part` of its article's text.
    init(part: TextPart, start: Int, end: Int, sourceStart: Int, sourceEnd: Int) {
        self.part = part
        self.start = start
        self.end = end
        self.sourceStart = sourceStart
        self.sourceEnd = sourceEnd
    }
}

/// An article as a reader sees it: metadata and the cleaned body.
public struct Article: Sendable, Hashable, Identifiable {
    /// Stable id: the file's path without extension (`#N` appended for a `.jsonl` line).
    public var id: String
    /// Path relative to the corpus folder (`feed.jsonl#3` for a line of a `.jsonl` file).
    public var file: String
    public var title: String
    public var source: String?
    public var author: String?
    public var date: PartialDate?
    public var url: String?
    /// Image credit taken out of the body (`Jane Roe via Example Agency`).
    public var credit: String?
    /// Made from `paragraphPlaces` and the text as they are read.
    public var paragraphs: ParagraphList { ParagraphList(body: body, places: paragraphPlaces) }
    let paragraphPlaces: [ParagraphPlace]
    /// Paragraphs joined by one blank line; every offset in the model indexes this text.
    public var text: String { body.string }
    /// The text as it is held: read back from a snapshot, it stays there until it is read.
    private(set) var body: ArticleBody
    /// Clutter and metadata lines removed from the body, as they were written.
    public var removedLines: [String]

    public init(id: String, file: String, title: String, source: String? = nil, author: String? = nil,
                date: PartialDate? = nil, url: String? = nil, credit: String? = nil,
                paragraphs: [Paragraph], removedLines: [String] = []) {
        // the paragraphs joined, then each re-pointed at its part of the joined text
        self.init(restoring: id, file: file, title: title, source: source, author: author, date: date, url: url,
                  credit: credit, body: .held(Article.join(paragraphs.map(\.slice))),
                  ranges: paragraphs.map { ($0.start, $0.end, $0.sourceStart, $0.sourceEnd, $0.part.utf8Count) },
                  removedLines: removedLines)
    }

    /// An article whose cleaned text is `text`, its paragraphs the parts between blank lines
    /// (`\n\n`); their offsets in the source are taken to be the same.
    public init(id: String, file: String, title: String, source: String? = nil, author: String? = nil,
                date: PartialDate? = nil, text: String) {
        var paragraphs: [Paragraph] = []
        var offset = 0
        for part in text.split(separator: "\n\n", omittingEmptySubsequences: false) {
            let count = part.unicodeScalars.count
            paragraphs.append(Paragraph(text: String(part), start: offset, end: offset + count, sourceStart: offset,
                                        sourceEnd: offset + count))
            offset += count + 2
        }
        self.init(id: id, file: file, title: title, source: source, author: author, date: date, paragraphs: paragraphs)
    }

    /// An article from its text and its paragraphs as ranges of it (`utf8` is each paragraph's
    /// length in UTF-8 bytes, and the lengths must add up to the text's with the blank lines
    /// between); the cache reads articles back this way.
    init(restoring id: String, file: String, title: String, source: String?, author: String?, date: PartialDate?,
         url: String?, credit: String?, body: ArticleBody,
         ranges: [(start: Int, end: Int, sourceStart: Int, sourceEnd: Int, utf8: Int)], removedLines: [String]) {
        self.id = id
        self.file = file
        self.title = title
        self.source = source
        self.author = author
        self.date = date
        self.url = url
        self.credit = credit
        self.body = body
        self.removedLines = removedLines
        // each paragraph's bytes follow the last one's and the blank line after it
        let count = body.utf8Count
        var from = 0
        var places: [ParagraphPlace] = []
        places.reserveCapacity(ranges.count)
        for r in ranges {
            let to = min(from + max(0, r.utf8), count)
            places.append(ParagraphPlace(start: r.start, end: r.end, sourceStart: r.sourceStart, sourceEnd: r.sourceEnd,
                                         utf8From: Int32(clamping: from), utf8To: Int32(clamping: to)))
            from = min(to + 2, count)
        }
        paragraphPlaces = places
    }

    /// The same article, its text held by `body` (which must hold the same bytes).
    /// Its paragraphs' places are offsets in the bytes, so they stand as they are.
    func rebound(to body: ArticleBody) -> Article {
        var moved = self
        moved.body = body
        return moved
    }

    /// Paragraphs joined by a blank line into a string allocated once at its size: `joined`
    /// grows its result by doubling, which left a third of the corpus's text unused.
    static func join(_ parts: [Substring]) -> String {
        var total = 2 * max(0, parts.count - 1)
        for part in parts { total += part.utf8.count }
        var text = ""
        text.reserveCapacity(total)
        for (i, part) in parts.enumerated() {
            if i > 0 { text += "\n\n" }
            text += part
        }
        return text
    }

    /// The paragraph holding the cleaned-text offset.
    public func paragraphIndex(containing offset: Int) -> Int? {
        var low = 0, high = paragraphPlaces.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let p = paragraphPlaces[mid]
            if offset < p.start { high = mid - 1 } else if offset > p.end { low = mid + 1 } else { return mid }
        }
        return nil
    }
}

/// A problem met while loading; the rest of the corpus still loads.
public struct LoadWarning: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var reason: String
    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }
    public var description: String { "\(file): \(reason)" }
}
