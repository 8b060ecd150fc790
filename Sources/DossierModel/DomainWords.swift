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
        var word: [UInt8] = []
        var hash = FNV1a.seed, letters = 0, ascii = true
        func flush() {
            if ascii, letters >= 4, word.count <= 20, parts.contains(ascii: word, hash: hash) {
                found.insert(String(decoding: word, as: UTF8.self))
            }
            word.removeAll(keepingCapacity: true)
            hash = FNV1a.seed
            letters = 0
            ascii = true
        }
        for paragraph in paragraphs {
            for s in paragraph.slice.unicodeScalars {
                let v = s.value
                if v < 0x80 {
                    let b = UInt8(v)
                    if b >= 0x61 && b <= 0x7A || b >= 0x41 && b <= 0x5A {
                        let lower = b | 0x20
                        word.append(lower)
                        hash = FNV1a.mix(hash, lower)
                        letters += 1
                    } else if letters > 0 {
                        flush()
                    }
                    continue
                }
                // the same runs as `Words.lowercased`: a letter or an attached mark goes on the
                // word (which then cannot be part of an ASCII domain), anything else ends it
                let p = s.properties
                if p.isAlphabetic {
                    // lowercased as `Words` does: the Kelvin sign becomes a plain `k`
                    for l in p.lowercaseMapping.unicodeScalars {
                        if l.isASCII { word.append(UInt8(l.value)); hash = FNV1a.mix(hash, UInt8(l.value)) } else { ascii = false }
                    }
                    letters += 1
                } else if letters > 0, p.generalCategory == .nonspacingMark || p.generalCategory == .spacingMark
                            || p.generalCategory == .enclosingMark {
                    ascii = false
                } else if letters > 0 {
                    flush()
                }
            }
            if letters > 0 { flush() }
        }
        return found
    }
}
