/// A fixed set of words for the lexicon's many lookups (every token is asked about several):
/// a plain-ASCII word is found by an FNV hash of its bytes in an open-addressed table, which
/// costs a fraction of `Set<String>`'s SipHash. Any other word goes to a `Set<String>`, so the
/// answers are always `Set<String>`'s (an ASCII word equals no other spelling but its own).
struct WordSet: Sendable, Sequence, ExpressibleByArrayLiteral {
    private let words: Set<String>
    /// Slots of the table: 0 when empty, else 1 + the index of the word in `ascii`.
    private let slots: [Int32]
    private let hashes: [UInt64]
    private let ascii: [[UInt8]]
    private let mask: Int

    init<S: Sequence>(_ list: S) where S.Element == String {
        words = Set(list)
        let plain = words.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.sorted()
        var size = 16
        while size < plain.count * 3 { size *= 2 }
        mask = size - 1
        var slots = [Int32](repeating: 0, count: size)
        var hashes: [UInt64] = []
        var ascii: [[UInt8]] = []
        for word in plain {
            let bytes = Array(word.utf8)
            let hash = FNV1a.hash(bytes)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(ascii.count + 1)
            hashes.append(hash)
            ascii.append(bytes)
        }
        self.slots = slots
        self.hashes = hashes
        self.ascii = ascii
    }

    init(arrayLiteral elements: String...) { self.init(elements) }

    func contains(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { bytes -> Bool? in
            var h = FNV1a.seed
            for b in bytes {
                if b >= 0x80 { return nil }
                h = FNV1a.mix(h, b)
            }
            return contains(ascii: bytes, hash: h)
        } ?? words.contains(word)
    }

    /// Whether the plain-ASCII word spelled by `bytes`, whose `FNV1a` hash the caller worked
    /// out as it read them, is in the set: no string is made.
    func contains<C: Collection>(ascii bytes: C, hash: UInt64) -> Bool where C.Element == UInt8 {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return false }
            if hashes[entry - 1] == hash, ascii[entry - 1].elementsEqual(bytes) { return true }
            slot = (slot + 1) & mask
        }
    }

    var count: Int { words.count }
    func makeIterator() -> Set<String>.Iterator { words.makeIterator() }
}
