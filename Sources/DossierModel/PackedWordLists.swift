/// Sorted lists of distinct word numbers, packed one after another in one byte array: each
/// list's first number, then the gap to each next one, seven bits to a byte.
///
/// Quote grouping keeps one such list for each distinct quote: half a million at 100k
/// articles. As arrays each had a header and an allocation of its own; here the gaps between
/// the ranks of a list's words mostly take one or two bytes, a third of the arrays' memory.
struct PackedWordLists: Sendable {
    private var bytes: [UInt8] = []
    /// Where each list's bytes end.
    private var ends: [Int] = []

    /// `bytes`: room to reserve. Reserved room that is never written is address space only,
    /// not memory, so a generous bound costs nothing and spares the copies of growing.
    init(reservingBytes: Int = 0, lists: Int = 0) {
        bytes.reserveCapacity(reservingBytes)
        ends.reserveCapacity(lists)
    }

    var count: Int { ends.count }
    var byteCount: Int { bytes.count }

    /// Appends a list of distinct non-negative numbers in ascending order.
    mutating func append(_ sorted: [Int32]) {
        var previous: Int32 = 0
        for (k, number) in sorted.enumerated() {
            var gap = UInt32(k == 0 ? number : number - previous)
            previous = number
            while gap >= 0x80 {
                bytes.append(UInt8(gap & 0x7F) | 0x80)
                gap >>= 7
            }
            bytes.append(UInt8(gap))
        }
        ends.append(bytes.count)
    }

    /// The `index`th list as it was appended.
    func list(_ index: Int) -> [Int32] {
        var list: [Int32] = []
        var at = index == 0 ? 0 : ends[index - 1]
        let end = ends[index]
        var previous: UInt32 = 0
        while at < end {
            var gap: UInt32 = 0, shift: UInt32 = 0
            while true {
                let byte = bytes[at]
                at += 1
                gap |= UInt32(byte & 0x7F) << shift
                shift += 7
                if byte < 0x80 || at == end { break }
            }
            previous = list.isEmpty ? gap : previous &+ gap
            list.append(Int32(bitPattern: previous))
        }
        return list
    }

    /// The most bytes `append` writes for the words of a text of `textBytes` UTF-8 bytes, while
    /// numbers stay below 2^21: three bytes for each word, and at most one word in two bytes.
    /// A bound to reserve (more numbers would only make the array grow).
    static func bound(textBytes: Int) -> Int { (textBytes + 1) / 2 * 3 }
}
