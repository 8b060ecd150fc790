import Foundation

/// Metadata given from outside the text (a `.jsonl` record or a `metadata.csv` row).
public struct GivenMetadata: Sendable, Hashable {
    public var title: String?
    public var source: String?
    public var author: String?
    public var date: PartialDate?
    public var url: String?

    public init(title: String? = nil, source: String? = nil, author: String? = nil,
                date: PartialDate? = nil, url: String? = nil) {
        self.title = title
        self.source = source
        self.author = author
        self.date = date
        self.url = url
    }

    /// Fields of `other` that are set win over ours.
    public func overridden(by other: GivenMetadata) -> GivenMetadata {
        GivenMetadata(title: other.title ?? title, source: other.source ?? source,
                      author: other.author ?? author, date: other.date ?? date, url: other.url ?? url)
    }
}

/// Infers source, author and date from what the text carries, where nothing was given.
enum MetadataInference {
    static func author(_ cleaned: CleanedText) -> String? {
        cleaned.byline ?? cleaned.signoffAuthor
    }

    static func date(_ cleaned: CleanedText) -> PartialDate? {
        if let date = cleaned.dateLine { return date }
        for paragraph in cleaned.paragraphs.prefix(2) {
            if let date = dateline(paragraph.text) { return date }
        }
        return nil
    }

    /// `Iran, June 8, 2019 - Despite …`, `TEHRAN, Aug. 14, 2018 — …`: a date at the head of the
    /// first paragraph, followed by a dash.
    static func dateline(_ text: String) -> PartialDate? {
        let head = String(text.prefix(120))
        guard let (date, range) = DateWords.firstDate(in: head) else { return nil }
        let before = head[..<range.lowerBound].split(separator: " ")
        guard before.count <= 6 else { return nil }
        let after = head[range.upperBound...].drop(while: { $0 == " " || $0 == "," })
        guard let mark = after.first, "-–—:(".contains(mark) else { return nil }
        return date
    }

    static func source(_ cleaned: CleanedText, author: String?) -> String? {
        if let first = cleaned.paragraphs.first, let agency = agencyDateline(first.text) { return agency }
        // the article's own words help split a domain; gathered only when there is one
        for line in cleaned.removedLines.reversed() where line.utf8.contains(0x40) {  // an `@`, by bytes
            for domain in Clutter.emailDomains(line) {
                // the built-in words first; the article's own only when they are needed
                if let name = OutletName.fromDomain(domain, extraWords: []), name.contains(" ") { return name }
                let words = DomainWords.of(cleaned.paragraphs, partOf: domain) ?? vocabulary(cleaned)
                if let name = OutletName.fromDomain(domain, extraWords: words) { return name }
            }
        }
        if let outlet = cleaned.bylineOutlet { return outlet }
        if let author, isInstitution(author) { return author }
        return nil
    }

    /// `TEHRAN (Reuters) - …`: the outlet in parentheses before the dash of a dateline.
    static func agencyDateline(_ text: String) -> String? {
        let head = text.prefix(80)
        guard let open = head.firstIndex(of: "("), let close = head[open...].firstIndex(of: ")") else { return nil }
        let inside = Whitespace.trimmed(head[head.index(after: open)..<close])
        let after = head[head.index(after: close)...].drop(while: { $0 == " " })
        guard let mark = after.first, "-–—".contains(mark) else { return nil }
        let words = inside.split(separator: " ")
        guard (1...4).contains(words.count), words.allSatisfy({ $0.first?.isUppercase == true }) else { return nil }
        let prefix = head[..<open].split(separator: " ")
        guard prefix.count <= 4 else { return nil }
        return inside
    }

    /// An institutional byline (`ABC/XYZ`, `NEWS DESK`, `Staff`), not a person's name.
    static func isInstitution(_ name: String) -> Bool {
        if name.contains("/") || name.contains("@") { return true }
        let letters = name.filter(\.isLetter)
        if letters.count >= 2, letters.allSatisfy(\.isUppercase) { return true }
        return name.lowercased().split(separator: " ").contains { institutionWords.contains(String($0)) }
    }

    private static let institutionWords: WordSet = ["staff", "desk", "editor", "editors", "editorial", "team", "newsroom",
                                                        "agency", "bureau", "press"]

    /// The article's own words, to help split a domain name.
    static func vocabulary(_ cleaned: CleanedText) -> Set<String> {
        var words = Set<String>()
        for paragraph in cleaned.paragraphs {
            words.formUnion(Words.lowercased(paragraph.text, digits: false, minLength: 4))
        }
        return words
    }
}
