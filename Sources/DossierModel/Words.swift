/// Lowercased words of a text, split on anything that is not a letter (or a digit, when asked).
/// ASCII goes through without Unicode tables: splitting by `Character.isLetter` and then
/// lowercasing was a tenth of the whole pipeline's time.
enum Words {
    static func lowercased<S: StringProtocol>(_ text: S, digits: Bool, minLength: Int = 1) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        var length = 0
        func flush() {
            if length >= minLength { words.append(String(decoding: current, as: UTF8.self)) }
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
        return words
    }

    private static func isMark(_ category: Unicode.GeneralCategory) -> Bool {
        category == .nonspacingMark || category == .spacingMark || category == .enclosingMark
    }
}
