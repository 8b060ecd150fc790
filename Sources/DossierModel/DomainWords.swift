/// The words of an article that can help split an email domain (`harbortimes.com`): only a
/// word that is part of the domain's spelling can be one of its words, so instead of gathering
/// the article's whole vocabulary (every article of a corpus with contact lines did), its words
/// are read once, hashed as they go, and kept only when they are part of the domain.
enum DomainWords {
    /// Parts of a domain, 4 to 20 letters long: an article word has at least 4 letters, and no
    /// domain word is longer than 20.
    static func parts(of domain: String) -> WordSet {
        let bytes = Array(domain.utf8)
        var parts: [String] = []
        for start in bytes.indices where start + 4 <= bytes.count {
            for end in (start + 4)...min(bytes.count, start + 20) {
                parts.append(String(decoding: bytes[start..<end], as: UTF8.self))
            }
        }
        return WordSet(parts)
    }

    /// Each domain's parts, worked out once.
    private static let known = SharedMemo<String, WordSet>()

    /// The article's words (as `Words.lowercased(_, digits: false, minLength: 4)` splits each
    /// paragraph) that are part of `domain`. An ASCII domain only: a word with any other letter
    /// cannot spell part of it; nil for any other domain, which needs the whole vocabulary.
    static func of(_ paragraphs: [Paragraph], partOf domain: String) -> Set<String>? {
        guard domain.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        let parts = known.value(for: domain) { DomainWords.parts(of: domain) }
        var found = Set<String>()
        for paragraph in paragraphs {
            // the words' bytes as `Words` reads them, with no string made for a word that
            // cannot be part of the domain
            Words.scan(paragraph.slice, digits: false, minLength: 4) { word in
                guard word.count <= 20, word.allSatisfy({ $0 < 0x80 }),
                      parts.contains(ascii: word, hash: FNV1a.hash(word)) else { return }
                found.insert(String(decoding: word, as: UTF8.self))
            }
        }
        return found
    }
}
