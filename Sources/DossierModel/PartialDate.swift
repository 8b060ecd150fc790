import Foundation

/// A publication date that may be known only to the year or the month (`2018`, `2019-10`).
public struct PartialDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?

    /// The fields as they are, unchecked (the cache reads back what it stored).
    init(stored year: Int, month: Int?, day: Int?) {
        self.year = year
        self.month = month
        self.day = day
    }

    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1000...9999).contains(year) else { return nil }
        if let month, !(1...12).contains(month) { return nil }
        if let day { guard month != nil, (1...31).contains(day) else { return nil } }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (an ISO time after the day is ignored),
    /// `YYYY/MM/DD`, and written dates such as `June 8, 2019`, `8 June 2019`, `Jun. 8 2019`.
    public init?(parsing raw: String) {
        let text = Whitespace.trimmed(raw, Whitespace.isSpaceOrNewline)
        if let iso = PartialDate.parseNumeric(text) { self = iso; return }
        if let written = DateWords.parseWritten(text) { self = written; return }
        return nil
    }

    private static func parseNumeric(_ text: String) -> PartialDate? {
        var digits: [Int] = []
        var current = ""
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if c.isASCII, c.isNumber {
                current.append(c)
            } else if c == "-" || c == "/" || c == "." {
                guard !current.isEmpty else { return nil }
                digits.append(Int(current) ?? -1)
                current = ""
            } else if c == "T" || c == " " {
                break // a time of day follows
            } else {
                return nil
            }
            index = text.index(after: index)
        }
        if !current.isEmpty { digits.append(Int(current) ?? -1) }
        guard let first = digits.first, digits.count <= 3, String(first).count == 4 else { return nil }
        return PartialDate(year: first,
                           month: digits.count > 1 ? digits[1] : nil,
                           day: digits.count > 2 ? digits[2] : nil)
    }

    /// `2019-07-03`, `2019-07`, `2019` (`String(format:)` was a tenth of reading the cache).
    public var description: String {
        func padded(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return n >= 0 && digits.count < width ? String(repeating: "0", count: width - digits.count) + digits : digits
        }
        var s = padded(year, 4)
        if let month { s += "-" + padded(month, 2) }
        if let day { s += "-" + padded(day, 2) }
        return s
    }

    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        (a.year, a.month ?? 0, a.day ?? 0) < (b.year, b.month ?? 0, b.day ?? 0)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = PartialDate(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "not a date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Month names and the written-date forms news text uses.
enum DateWords {
    static let months: [String: Int] = {
        let names = ["january", "february", "march", "april", "may", "june", "july", "august",
                     "september", "october", "november", "december"]
        var table: [String: Int] = [:]
        for (i, name) in names.enumerated() {
            table[name] = i + 1
            table[String(name.prefix(3))] = i + 1
        }
        table["sept"] = 9
        return table
    }()

    static func month(_ word: Substring) -> Int? {
        var w = word.lowercased()
        if w.hasSuffix(".") { w.removeLast() }
        return months[w]
    }

    /// Words of a written date: letters and digits, with commas and periods as separators.
    static func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\u{00A0}" })
    }

    static func parseWritten(_ text: String) -> PartialDate? {
        let w = words(text)
        guard w.count >= 2, w.count <= 4 else { return nil }
        // Month Day Year | Day Month Year | Month Year
        if let m = month(w[0]) {
            if w.count == 2, let y = Int(w[1]) { return PartialDate(year: y, month: m) }
            if w.count == 3, let d = Int(w[1].filter(\.isNumber)), let y = Int(w[2]) {
                return PartialDate(year: y, month: m, day: d)
            }
        }
        if w.count == 3, let d = Int(w[0].filter(\.isNumber)), let m = month(w[1]), let y = Int(w[2]) {
            return PartialDate(year: y, month: m, day: d)
        }
        return nil
    }

    /// Finds the first written full date (`June 8, 2019`, `8 June 2019`) in `text`, with the
    /// character range it covers.
    static func firstDate(in text: String) -> (PartialDate, Range<String.Index>)? {
        let tokens = tokenRanges(text)
        for i in tokens.indices {
            let word = text[tokens[i]]
            if let m = month(word), i + 2 < tokens.count,
               let d = Int(text[tokens[i + 1]].filter(\.isNumber)), text[tokens[i + 1]].first?.isNumber == true,
               let y = Int(text[tokens[i + 2]]), String(y).count == 4,
               let date = PartialDate(year: y, month: m, day: d) {
                return (date, tokens[i].lowerBound..<tokens[i + 2].upperBound)
            }
            if let d = Int(word), i + 2 < tokens.count, let m = month(text[tokens[i + 1]]),
               let y = Int(text[tokens[i + 2]]), String(y).count == 4,
               let date = PartialDate(year: y, month: m, day: d) {
                return (date, tokens[i].lowerBound..<tokens[i + 2].upperBound)
            }
        }
        return nil
    }

    static func tokenRanges(_ text: String) -> [Range<String.Index>] {
        // Plain ASCII by bytes: a letter is A–Z or a–z and a number 0–9, as `Character` says,
        // without walking characters (every article's first paragraphs are searched for a date).
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return wordRanges(text.utf8) { b in (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39) } isDot: { $0 == 0x2E }
        }
        return wordRanges(text) { $0.isLetter || $0.isNumber } isDot: { $0 == "." }
    }

    /// Runs of word elements of a view of a string; a dot inside a run belongs to it (`Aug.`).
    private static func wordRanges<View: Collection>(_ view: View, isWord: (View.Element) -> Bool,
                                                     isDot: (View.Element) -> Bool) -> [Range<String.Index>]
        where View.Index == String.Index {
        var out: [Range<String.Index>] = []
        var start: String.Index?
        var i = view.startIndex
        while i < view.endIndex {
            let c = view[i]
            if isWord(c) || (isDot(c) && start != nil) {
                if start == nil { start = i }
            } else if let s = start {
                out.append(s..<i)
                start = nil
            }
            i = view.index(after: i)
        }
        if let s = start { out.append(s..<view.endIndex) }
        return out
    }
}
