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
        // hashed as the bytes come, none of them kept
        var words = Scan(digits: digits, minLength: minLength, current: WordHash())
        read(text, into: &words) { hashes.append($0.hash) }
        return hashes
    }

    /// Calls `emit` with the UTF-8 bytes of each lowercased word of at least `minLength` letters.
    @inline(__always)
    static func scan<S: StringProtocol>(_ text: S, digits: Bool, minLength: Int, walkingScalars: Bool = false,
                                                _ emit: ([UInt8]) -> Void) {
        var words = Scan(digits: digits, minLength: minLength, current: WordBytes())
        read(text, walkingScalars: walkingScalars, into: &words) { emit($0.bytes) }
    }

    /// Feeds the text to `words`, which calls `emit` with each word it ends.
    @inline(__always)
    private static func read<S: StringProtocol, Sink: WordSink>(_ text: S, walkingScalars: Bool = false, into words: inout Scan<Sink>,
                                                                _ emit: (Sink) -> Void) {
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

    /// What is kept of the word being read: its bytes, or only their hash.
    fileprivate protocol WordSink {
        mutating func add(_ byte: UInt8)
        mutating func reset()
    }

    fileprivate struct WordBytes: WordSink {
        var bytes: [UInt8] = []
        @inline(__always) mutating func add(_ byte: UInt8) { bytes.append(byte) }
        @inline(__always) mutating func reset() { bytes.removeAll(keepingCapacity: true) }
    }

    /// The `FNV1a` hash of the bytes, mixed in as they come: the hash of the same bytes kept.
    fileprivate struct WordHash: WordSink {
        var hash = FNV1a.seed
        @inline(__always) mutating func add(_ byte: UInt8) { hash = FNV1a.mix(hash, byte) }
        @inline(__always) mutating func reset() { hash = FNV1a.seed }
    }

    /// The word being read, scalar by scalar.
    fileprivate struct Scan<Sink: WordSink> {
        let digits: Bool
        let minLength: Int
        var current: Sink
        var length = 0

        @inline(__always)
        mutating func ascii(_ b: UInt8, _ emit: (Sink) -> Void) {
            if b >= 0x61 && b <= 0x7A || digits && b >= 0x30 && b <= 0x39 {
                current.add(b); length += 1
            } else if b >= 0x41 && b <= 0x5A {
                current.add(b | 0x20); length += 1
            } else if length > 0 {
                finish(emit)
            }
        }

        mutating func other(_ s: Unicode.Scalar, _ emit: (Sink) -> Void) {
            let p = s.properties
            if p.isAlphabetic || digits && p.numericType != nil {
                for lower in p.lowercaseMapping.unicodeScalars { UTF8.encode(lower) { current.add($0) } }
                length += 1
            } else if length > 0, Words.isMark(p.generalCategory) {
                // a combining accent stays with its letter
                UTF8.encode(s) { current.add($0) }
            } else if length > 0 {
                finish(emit)
            }
        }

        /// Ends the word being read, if any.
        mutating func finish(_ emit: (Sink) -> Void) {
            guard length > 0 else { return }
            if length >= minLength { emit(current) }
            current.reset()
            length = 0
        }
    }

    fileprivate static func isMark(_ category: Unicode.GeneralCategory) -> Bool {
        category == .nonspacingMark || category == .spacingMark || category == .enclosingMark
    }
}
