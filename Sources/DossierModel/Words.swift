/// Lowercased words of a text, split on anything that is not a letter (or a digit, when asked).
/// ASCII goes through without Unicode tables: splitting by `Character.isLetter` and then
/// lowercasing was a tenth of the whole pipeline's time.
enum Words {
    static func lowercased<S: StringProtocol>(_ text: S, digits: Bool, minLength: Int = 1) -> [String] {
        var words: [String] = []
        scan(text, digits: digits, minLength: minLength) { words.append(String(decoding: $0, as: UTF8.self)) }
        return words
    }

    /// The `FNV1a` hash of each word `lowercased` finds, without making its string: a caller
    /// that only numbers words (quote grouping, a million quotes at 100k articles) saves a
    /// string and a string hash per word. Two different words share a hash with odds of about
    /// one in 10^19 per pair.
    static func lowercasedHashes<S: StringProtocol>(_ text: S, digits: Bool, minLength: Int = 1) -> [UInt64] {
        var hashes: [UInt64] = []
        scan(text, digits: digits, minLength: minLength) { hashes.append(FNV1a.hash($0)) }
        return hashes
    }

    /// Calls `emit` with the UTF-8 bytes of each lowercased word of at least `minLength` letters.
    @inline(__always)
    private static func scan<S: StringProtocol>(_ text: S, digits: Bool, minLength: Int, _ emit: ([UInt8]) -> Void) {
        var current: [UInt8] = []
        var length = 0
        func flush() {
            if length >= minLength { emit(current) }
            current.removeAll(keepingCapacity: true)
            length = 0
        }
        for s in text.unicodeScalars {
            let v = s.value
            if v < 0x80 {
                let b = UInt8(v)
                if b >= 0x61 && b <= 0x7A || digits && b >= 0x30 && b <= 0x39 {
                    current.append(b); length += 1
                } else if b >= 0x41 && b <= 0x5A {
                    current.append(b | 0x20); length += 1
                } else if length > 0 {
                    flush()
                }
                continue
            }
            let p = s.properties
            if p.isAlphabetic || digits && p.numericType != nil {
                for lower in p.lowercaseMapping.unicodeScalars { Whitespace.appendUTF8(lower, to: &current) }
                length += 1
            } else if length > 0, isMark(p.generalCategory) {
                // a combining accent stays with its letter
                Whitespace.appendUTF8(s, to: &current)
            } else if length > 0 {
                flush()
            }
        }
        if length > 0 { flush() }
    }

    private static func isMark(_ category: Unicode.GeneralCategory) -> Bool {
        category == .nonspacingMark || category == .spacingMark || category == .enclosingMark
    }
}
