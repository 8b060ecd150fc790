import Foundation

/// The words of an article that can help split an email domain (`harbortimes.com`): only a
/// word that is part of the domain's spelling can be one of its words, so instead of gathering
/// the article's whole vocabulary (every article of a corpus with contact lines did), its words
/// are read once, hashed as they go, and kept only when they are part of the domain.
enum DomainWords {
    /// Parts of a domain, 4 to 20 letters long (an article word has at least 4 letters, and no
    /// domain word is longer than 20), and their hashes; worked out once per domain.
    struct Parts: Sendable {
        let spellings: Set<String>
        let hashes: Set<UInt64>

        init(_ domain: String) {
            let bytes = Array(domain.utf8)
            var spellings = Set<String>(), hashes = Set<UInt64>()
            for start in bytes.indices {
                var hash = DomainWords.seed
                for end in start..<min(bytes.count, start + 20) {
                    hash = DomainWords.mix(hash, bytes[end])
                    guard end - start + 1 >= 4 else { continue }
                    spellings.insert(String(decoding: bytes[start...end], as: UTF8.self))
                    hashes.insert(hash)
                }
            }
            self.spellings = spellings
            self.hashes = hashes
        }
    }

    static let seed: UInt64 = 0xcbf29ce484222325
    @inline(__always)
    static func mix(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* 0x100000001b3 }

    private static let known = KnownParts()

    /// The article's words (as `Words.lowercased(_, digits: false, minLength: 4)` splits each
    /// paragraph) that are part of `domain`. An ASCII domain only: a word with any other letter
    /// cannot spell part of it; nil for any other domain, which needs the whole vocabulary.
    static func of(_ paragraphs: [Paragraph], partOf domain: String) -> Set<String>? {
        guard domain.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        let parts = known.parts(of: domain)
        var found = Set<String>()
        var word: [UInt8] = []
        var hash = seed, letters = 0, ascii = true
        func flush() {
            if ascii, letters >= 4, word.count <= 20, parts.hashes.contains(hash) {
                let spelling = String(decoding: word, as: UTF8.self)
                if parts.spellings.contains(spelling) { found.insert(spelling) }
            }
            word.removeAll(keepingCapacity: true)
            hash = seed
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
                        hash = mix(hash, lower)
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
                        if l.isASCII { word.append(UInt8(l.value)); hash = mix(hash, UInt8(l.value)) } else { ascii = false }
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

/// Domain parts already worked out, shared by the threads that load articles.
private final class KnownParts: @unchecked Sendable {
    private var parts: [String: DomainWords.Parts] = [:]
    private let lock = NSLock()

    func parts(of domain: String) -> DomainWords.Parts {
        if let known = lock.withLock({ parts[domain] }) { return known }
        let made = DomainWords.Parts(domain)
        lock.withLock { parts[domain] = made }
        return made
    }
}
