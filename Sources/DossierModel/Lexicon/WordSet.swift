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
            let hash = WordSet.hash(bytes)
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

    @inline(__always)
    static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return h
    }

    func contains(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { bytes -> Bool? in
            var h: UInt64 = 0xcbf29ce484222325
            for b in bytes {
                if b >= 0x80 { return nil }
                h = (h ^ UInt64(b)) &* 0x100000001b3
            }
            var slot = Int(truncatingIfNeeded: h) & mask
            while true {
                let entry = Int(slots[slot])
                if entry == 0 { return false }
                if hashes[entry - 1] == h, ascii[entry - 1].elementsEqual(bytes) { return true }
                slot = (slot + 1) & mask
            }
        } ?? words.contains(word)
    }

    var count: Int { words.count }
    func makeIterator() -> Set<String>.Iterator { words.makeIterator() }
}
