/// Lowercased words of a text, split on anything that is not a letter (or a digit, when asked).
/// ASCII goes through without Unicode tables: splitting by `Character.isLetter` and then
/// lowercasing was a tenth of the whole pipeline's time.
enum Words {
    /// `walkingScalars`: read the text scalar by scalar, as a string without contiguous bytes is
    /// (for tests of the byte path against it).
    static func lowercased<S: StringProtocol>(_ text: S, digits: Bool, minLength: Int = 1, walkingScalars: Bool = false) -> [String] {
        var words: [String] = []
        scan(text, digits: digits, minLength: minLength, walkingScalars: walkingScalars) { words.append(String(decoding: $0, as: UTF8.self)) }
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
    static func scan<S: StringProtocol>(_ text: S, digits: Bool, minLength: Int, walkingScalars: Bool = false,
                                                _ emit: ([UInt8]) -> Void) {
        var words = Scan(digits: digits, minLength: minLength)
        // A native string's bytes are read straight: walking a substring's scalars checked each
        // index against the substring's bounds, a tenth of grouping quotes (their words are
        // slices of their articles' text).
        let read: Void? = walkingScalars ? nil : text.utf8.withContiguousStorageIfAvailable { bytes in
            var i = 0
            while i < bytes.count {
                if bytes[i] < 0x80 { words.ascii(bytes[i], emit); i += 1; continue }
                let (scalar, length) = UTF8Scalar.decode(bytes, at: i)
                words.other(scalar, emit)
                i += length
            }
        }
        if read == nil {
            for s in text.unicodeScalars {
                if s.value < 0x80 { words.ascii(UInt8(s.value), emit) } else { words.other(s, emit) }
            }
        }
        words.finish(emit)
    }

    /// The word being read, scalar by scalar.
    private struct Scan {
        let digits: Bool
        let minLength: Int
        var current: [UInt8] = []
        var length = 0

        init(digits: Bool, minLength: Int) {
            self.digits = digits
            self.minLength = minLength
        }

        @inline(__always)
        mutating func ascii(_ b: UInt8, _ emit: ([UInt8]) -> Void) {
            if b >= 0x61 && b <= 0x7A || digits && b >= 0x30 && b <= 0x39 {
                current.append(b); length += 1
            } else if b >= 0x41 && b <= 0x5A {
                current.append(b | 0x20); length += 1
            } else if length > 0 {
                finish(emit)
            }
        }

        mutating func other(_ s: Unicode.Scalar, _ emit: ([UInt8]) -> Void) {
            let p = s.properties
            if p.isAlphabetic || digits && p.numericType != nil {
                for lower in p.lowercaseMapping.unicodeScalars { Whitespace.appendUTF8(lower, to: &current) }
                length += 1
            } else if length > 0, Words.isMark(p.generalCategory) {
                // a combining accent stays with its letter
                Whitespace.appendUTF8(s, to: &current)
            } else if length > 0 {
                finish(emit)
            }
        }

        /// Ends the word being read, if any.
        mutating func finish(_ emit: ([UInt8]) -> Void) {
            guard length > 0 else { return }
            if length >= minLength { emit(current) }
            current.removeAll(keepingCapacity: true)
            length = 0
        }
    }

    fileprivate static func isMark(_ category: Unicode.GeneralCategory) -> Bool {
        category == .nonspacingMark || category == .spacingMark || category == .enclosingMark
    }
}
