import Foundation

/// Site chrome that page extraction leaves in an article: ad slots, comment forms, sharing
/// buttons, support footers. General web phrases, matched on whole lines.
enum Clutter {
    /// Lines that are clutter when they are the whole line (case and end punctuation ignored).
    private static let wholeLines: WordSet = [
        "leave a reply", "leave a comment", "post a comment", "cancel reply", "reply", "comments",
        "read more", "continue reading", "read the full story", "read full article", "see more",
        "share this", "share", "share this article", "share this story", "like this", "related",
        "related posts", "related articles", "related stories", "related content", "more stories",
        "you may also like", "you might also like", "recommended", "recommended for you", "most popular",
        "most read", "trending", "advertisement", "sponsored", "sponsored content", "ad", "print",
        "email", "tweet", "pin it", "whatsapp", "facebook", "twitter", "linkedin", "reddit",
        "subscribe", "subscribe now", "sign up", "log in", "login", "skip to content",
        "skip to main content", "post navigation", "previous post", "next post", "loading",
        "follow us", "newsletter", "back to top", "top stories", "load more", "show comments",
        "view comments", "click here", "related topics", "more on this story", "more on this topic",
    ]
    /// Whole-line headers of a list of links (`Related Topics`, then `Greece`, `Wildfires`):
    /// the short lines right after one go with it.
    static let listHeaders: WordSet = [
        "related", "related posts", "related articles", "related stories", "related content", "related topics",
        "more stories", "more on this story", "more on this topic", "you may also like", "you might also like",
        "recommended", "recommended for you", "most popular", "most read", "trending", "top stories",
    ]

    /// Lines that are clutter when they start with one of these.
    static let prefixes: [String] = [
        "your email address will not be published", "required fields are marked",
        "this site uses akismet", "%d bloggers like this", "if you experience technical problems",
        "click to share on", "click to email", "click to print", "share on facebook", "share on twitter",
        "sign up for our newsletter", "subscribe to our newsletter", "all rights reserved",
        "copyright ©", "copyright (c)", "follow us on", "notify me of follow-up comments",
        "notify me of new posts", "save my name, email", "you must be logged in to post",
        "filed under:", "tags:", "share this:", "like this:", "related:", "advertisement -",
        "this article was originally published", "this story was originally published",
        "we use cookies", "by continuing to use this site", "sign up for", "get the latest",
        "download our app", "listen to this article", "view gallery", "enlarge this image", "read more:",
        "also read:", "see also:",
    ]

    /// Whether a whole normalised line is site clutter.
    static func isClutter(_ line: String) -> Bool {
        // Chrome is short: a long line is prose, whatever it starts with.
        let count = line.utf8.count
        guard count < 400, let first = line.utf8.first else { return false }
        // a rule starts with its mark, a contributor's line ends with a period: the other
        // lines (most) are spared those tests
        if count < 200, (ruleMarks.contains(first) && isRule(line)) || (line.utf8.last == 0x2E && isContributorLine(line))
            || isNavigation(line) { return true }
        // a line longer than any whole-line phrase is clutter only by its start
        if count > 40, !prefixStarts[Int(folded(first))] { return false }
        // Every phrase is ASCII, so ASCII case folding of the line is enough to compare;
        // lowercasing whole lines through Unicode tables was a twentieth of the pipeline.
        if count <= 40 {
            let lower = String(decoding: line.utf8.map(folded), as: UTF8.self)
            if count <= 13, isAdSlot(lower) { return true }
            if wholeLines.contains(wholeLineKey(lower)) { return true }
        }
        return startsWithPhrase(line)
    }

    /// `_ - * = ~`
    private static let ruleMarks: Set<UInt8> = [0x5F, 0x2D, 0x2A, 0x3D, 0x7E]

    /// A rule drawn in text (`___`, `* * *`, `-----`): marks and spaces only, three marks or more.
    static func isRule(_ line: String) -> Bool {
        var marks = 0
        for byte in line.utf8 where byte != 0x20 {
            guard ruleMarks.contains(byte) else { return false }
            marks += 1
        }
        return marks >= 3
    }

    /// `Associated Press writer Jane Roe in Tampa contributed to this report.`: a helper's
    /// credit, not the story.
    static func isContributorLine(_ line: String) -> Bool {
        // by bytes from the end: asked of every line, which lowercasing each made a fifth slower
        guard line.utf8.count < 200, line.utf8.last == 0x2E else { return false }  // `.`
        return contributorEnds.contains { endsFolded(line, with: $0) }
    }
    private static let contributorEnds = ["contributed to this report.", "contributed to this story.", "contributed reporting."]
        .map { Array($0.utf8) }

    /// Whether the line, folded to ASCII lowercase, ends with `tail` (lowercase ASCII bytes).
    private static func endsFolded(_ line: String, with tail: [UInt8]) -> Bool {
        startsFolded(bytes: line.utf8.reversed(), with: tail.reversed())
    }

    /// A site's menu (`Home | World | Business | Sport`): three bars or more between short
    /// items, none a sentence.
    static func isNavigation(_ line: String) -> Bool {
        // asked of every short line: the bars are counted by bytes, and only after a first one
        // is found (`memchr`)
        var copy = line
        let bars = copy.withUTF8 { bytes -> Int in
            guard let base = bytes.baseAddress, memchr(base, 0x7C, bytes.count) != nil else { return 0 }
            return bytes.reduce(0) { $0 + ($1 == 0x7C ? 1 : 0) }
        }
        guard bars >= 3 else { return false }
        let items = line.split(separator: "|").map { Whitespace.trimmed($0) }
        return items.allSatisfy { item in
            item.split(separator: " ").count <= 3 && !item.hasSuffix(".") && item.first?.isLowercase != true
        }
    }

    /// Whether a whole line heads a list of links (`listHeaders`).
    static func isListHeader(_ line: String) -> Bool {
        line.utf8.count <= 24 && listHeaders.contains(wholeLineKey(line.lowercased()))
    }

    /// A lowercased line without the marks and spaces that end it, as whole-line phrases are kept.
    private static func wholeLineKey(_ lower: String) -> String {
        var key = lower
        while let last = key.last, ":.…!»›>".contains(last) || last == " " { key.removeLast() }
        return key
    }

    /// Whether the line, folded, starts with one of `prefixes`: only the phrases that begin with
    /// its first byte are compared, byte by byte from the line (no copy of its head is made, as
    /// one was for every line of every article).
    private static func startsWithPhrase(_ line: String) -> Bool {
        guard let first = line.utf8.first else { return false }
        return prefixesByStart[Int(folded(first))].contains { startsFolded(line, with: $0) }
    }

    /// An ASCII capital as its small letter; any other byte as it is.
    private static func folded(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    private static let prefixUTF8: [[UInt8]] = prefixes.map { Array($0.utf8) }
    /// The bytes a prefix starts with.
    private static let prefixStarts: [Bool] = (0..<256).map { byte in prefixUTF8.contains { $0.first == UInt8(byte) } }
    /// The phrases by their first byte.
    private static let prefixesByStart: [[[UInt8]]] = (0..<256).map { byte in prefixUTF8.filter { $0.first == UInt8(byte) } }

    /// `728 x 90`, `300x250`, `160 × 600`: an ad slot's size left as text.
    static func isAdSlot(_ lower: String) -> Bool {
        let parts = lower.split(whereSeparator: { $0 == "x" || $0 == "×" })
        guard parts.count == 2, lower.count <= 13 else { return false }
        return parts.allSatisfy { part in
            let digits = Whitespace.trimmed(part)
            return (2...4).contains(digits.count) && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
        }
    }

    /// What an image credit line starts with (`Photo: …`, `Image by …`).
    static let creditLabels = [
        "image credit", "photo credit", "picture credit", "images", "image", "photos", "photo", "photograph", "picture",
        "pictures", "credit", "credits", "photo by", "image by", "photograph by", "illustration", "illustration by",
    ]
    /// What a byline starts with, before the name (`By …`, `Analysis by …`).
    static let bylineLeads = ["by ", "analysis by ", "opinion by ", "commentary by ", "written by ", "story by ",
                              "report by ", "reporting by ", "words by ", "posted by ", "editorial by "]

    /// Whether the line's bytes, ASCII capitals folded, start with the ASCII `lead`: asked before
    /// the line is lowercased whole (by Unicode's tables, for every line of every article). It
    /// holds whenever the lowercased line starts with `lead` (by characters): of all non-ASCII
    /// scalars only the Kelvin sign lowercases to an ASCII letter, and no lead here has a `k`
    /// (`İ` gives `i` and a combining dot, one character that is no `i`).
    static func startsFolded(_ line: String, with lead: String) -> Bool { startsFolded(line, with: lead.utf8) }

    /// The same for a lead given as its bytes.
    private static func startsFolded<Lead: Sequence<UInt8>>(_ line: String, with lead: Lead) -> Bool {
        startsFolded(bytes: line.utf8, with: lead)
    }

    /// The same for any run of a line's bytes (a part of it, or its bytes backwards).
    private static func startsFolded<Line: Sequence<UInt8>, Lead: Sequence<UInt8>>(bytes line: Line, with lead: Lead) -> Bool {
        var a = line.makeIterator()
        for b in lead {
            guard let c = a.next(), folded(c) == b else { return false }
        }
        return true
    }

    /// An image credit line (`Image: X via Y.`, `Photo: X/Agency`, `Photo by X`): the credit text.
    static func credit(_ line: String) -> String? {
        guard line.utf8.count < 200, let first = line.unicodeScalars.first, "IiPpCc".unicodeScalars.contains(first) else { return nil }
        guard creditLabels.contains(where: { startsFolded(line, with: $0) }) else { return nil }
        let lower = line.lowercased()
        for label in creditLabels where lower.hasPrefix(label) {
            var rest = line.dropFirst(label.count)
            guard let first = rest.first, first == ":" || (first == " " && label.hasSuffix(" by")) else { continue }
            rest = rest.drop(while: { $0 == ":" || $0 == " " })
            var credit = String(rest)
            if credit.hasSuffix(".") { credit.removeLast() }
            let words = credit.split(separator: " ").count
            guard words >= 1, words <= 12, credit.first?.isUppercase == true else { continue }
            return credit
        }
        return nil
    }

    /// A reporter's sign-off (`Write to Jane Roe at …`, `Contact Jane Doe at …`): the name.
    static func signoff(_ line: String) -> String? {
        // the bytes first: `hasPrefix` compares by characters, slowly, and is asked of every line
        for lead in ["Write to ", "Contact ", "Email ", "Reach "] where line.utf8.starts(with: lead.utf8) && line.hasPrefix(lead) {
            let rest = line.dropFirst(lead.count)
            guard let at = rest.range(of: " at") ?? rest.range(of: " via") else { continue }
            let name = Whitespace.trimmed(rest[..<at.lowerBound])
            let words = name.split(separator: " ")
            guard (2...8).contains(words.count),
                  words.allSatisfy({ $0.first?.isUppercase == true || $0 == "and" }) else { continue }
            return name
        }
        return nil
    }

    /// A wire story's credit line (`(Reporting by Jane Roe; Editing by John Doe)`,
    /// `— Additional reporting by Jane Roe`): nil when the line is none; else the reporter,
    /// who wrote the story, or nil inside when the line names helpers and editors only.
    static func reportingCredit(_ line: String) -> String?? {
        let bytes = line.utf8
        guard bytes.count < 300 else { return nil }
        // past an opening parenthesis or a dash (`—` is three bytes) and spaces
        var skip = 0
        for b in bytes.prefix(6) {
            guard b == 0x28 || b == 0x20 || b == 0x2D || b >= 0x80 else { break }
            skip += 1
        }
        guard skip < bytes.count, let first = bytes.dropFirst(skip).first, first | 0x20 == 0x72 || first | 0x20 == 0x61 || first | 0x20 == 0x65 else {
            return nil
        }
        // compared in place: only a credit line is copied (lines starting r, a or e are many)
        let head = bytes.dropFirst(skip)
        guard let lead = creditLeads.first(where: { startsFolded(bytes: head, with: $0) }), head.count >= lead.count else { return nil }
        // the names after the lead, up to the next credit; none when they are no names (prose
        // that starts `Reporting by the agency …` stays)
        let part = String(decoding: head.dropFirst(lead.count), as: UTF8.self).prefix { $0 != ";" && $0 != ")" && $0 != "," }
        let name = Whitespace.trimmed(part.hasSuffix(".") ? part.dropLast() : part)
        let words = name.split(separator: " ")
        guard (2...8).contains(words.count), words.allSatisfy({ $0.first?.isUppercase == true || $0 == "and" }) else { return nil }
        // the reporter wrote the story; helpers and editors did not
        return lead == reporterLead ? .some(name) : .some(nil)
    }

    private static let reporterLead = Array("reporting by ".utf8)
    private static let creditLeads = [Array("additional reporting by ".utf8), Array("editing by ".utf8), reporterLead]

    /// `By X`, `Analysis by X`, `Opinion by X`: the byline's name.
    static func byline(_ line: String) -> String? { bylineParts(line)?.name }

    /// The outlet a byline names after the writer (`By Jane Roe, BBC News, Athens`: `BBC News`).
    static func bylineOutlet(_ line: String) -> String? { bylineParts(line)?.outlet }

    /// A byline's name, and the outlet it names after a comma (a segment ending with an
    /// organisation's head word) or after a name in capitals.
    static func bylineParts(_ line: String) -> (name: String, outlet: String?)? {
        guard bylineLeads.contains(where: { startsFolded(line, with: $0) }) else { return nil }
        let lower = line.lowercased()
        for lead in bylineLeads where lower.hasPrefix(lead) {
            var name = Whitespace.trimmed(line.dropFirst(lead.count))
            // `By Jane Doe | Reuters`, `By Jane Doe, Staff Writer`: keep the name.
            if let bar = name.firstIndex(where: { $0 == "|" || $0 == "·" || $0 == "—" }) {
                name = Whitespace.trimmed(name[..<bar])
            }
            if let comma = name.lastIndex(of: ","), isStaffTitle(name[name.index(after: comma)...]) {
                name = Whitespace.trimmed(name[..<comma])
            }
            // `By Jane Roe, BBC News, Athens`: the outlet and what follows it are no name
            var outlet: String?
            if let range = bylineOutletRange(name) {
                let part = name[range]
                let named = Whitespace.trimmed((part.first == "," ? part.dropFirst() : part).prefix { $0 != "," })
                outlet = named.isEmpty ? nil : named
                name = Whitespace.trimmed(name[..<range.lowerBound])
            }
            let words = name.split(separator: " ")
            guard (1...8).contains(words.count), name.count <= 80,
                  let first = name.first, first.isUppercase || first.isNumber else { continue }
            return (name, outlet)
        }
        return nil
    }

    /// Where the outlet a byline names starts (at its comma, or after a name in capitals:
    /// `By JANE ROE Associated Press`), to the end.
    private static func bylineOutletRange(_ name: String) -> Range<String.Index>? {
        // `JANE ROE and JOHN DOE Associated Press`: the outlet is what follows the capitals
        // (looked for only when the name starts with two capitals)
        let start = name.utf8.prefix(2)
        let words = start.count == 2 && start.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) ? name.split(separator: " ") : []
        if let firstMixed = words.firstIndex(where: { word in word.contains(where: \.isLowercase) && word != "and" }),
           firstMixed > words.startIndex, words[..<firstMixed].allSatisfy({ $0 == "and" || !$0.contains(where: \.isLowercase) }),
           let last = words.last, !last.hasSuffix(","), Titles.organizationHeads.contains(last.lowercased()),
           words[firstMixed...].allSatisfy({ $0.first?.isUppercase == true }) {
            return words[firstMixed].startIndex..<name.endIndex
        }
        var from = name.startIndex
        while let comma = name[from...].firstIndex(of: ",") {
            let segment = name[name.index(after: comma)...].prefix { $0 != "," }
            let words = segment.split(separator: " ")
            if (1...5).contains(words.count), words.allSatisfy({ $0.first?.isUppercase == true }),
               let last = words.last, Titles.organizationHeads.contains(last.lowercased()) {
                return comma..<name.endIndex
            }
            from = name.index(after: comma)
        }
        return nil
    }

    /// `Staff Writer`, `Senior Correspondent`, `Washington Bureau Chief`: what a byline adds
    /// after a comma about the writer's post (another writer's name would not be all such words
    /// and capitalised places).
    static func isStaffTitle(_ text: Substring) -> Bool {
        let words = text.split(separator: " ")
        guard (1...4).contains(words.count), words.contains(where: { staffWords.contains($0.lowercased()) }) else { return false }
        return words.allSatisfy { $0.first?.isUppercase == true || $0 == "and" }
    }

    private static let staffWords: WordSet = WordList.set("""
    staff writer writers reporter reporters correspondent correspondents editor editors columnist contributor
    contributors desk chief producer analyst
    """)

    /// Every e-mail domain in a line (`help@dailyledger.com` gives `dailyledger.com`).
    static func emailDomains(_ line: String) -> [String] {
        var domains: [String] = []
        var searchStart = line.startIndex
        while let at = line[searchStart...].firstIndex(of: "@") {
            var end = line.index(after: at)
            while end < line.endIndex, line[end].isLetter || line[end].isNumber || line[end] == "." || line[end] == "-" {
                end = line.index(after: end)
            }
            var domain = String(line[line.index(after: at)..<end]).lowercased()
            while domain.hasSuffix(".") { domain.removeLast() }
            if domain.contains("."), at > line.startIndex { domains.append(domain) }
            searchStart = end
            if searchStart >= line.endIndex { break }
        }
        return domains
    }
}
