import Foundation

/// A JSON array written a block of entries at a time, with the bytes `JSONEncoder` gives for
/// the whole array (pretty printed, keys sorted, slashes left alone), so that a listing of a
/// million entries never holds them all, nor their encoding, at once.
public enum JSONStream {
    /// `[ … ]` of `count` entries, `make(i)` for each `i`, as the array is written `depth`
    /// levels deep in a document (0: the document itself). Blocks of `block` entries are
    /// encoded on all cores, `blocksAtOnce` of them before they are written to `sink`.
    /// `encoded`: told of each block's range of entries once they are encoded.
    public static func array<Entry: Encodable & SendableMetatype>(count: Int, depth: Int = 0, block: Int = 256, blocksAtOnce: Int = 8,
                                               sink: (Data) -> Void, make: @escaping @Sendable (Int) -> Entry,
                                               encoded done: (@Sendable (Range<Int>) -> Void)? = nil) {
        let closing = String(repeating: "  ", count: depth) + "]"
        guard count > 0 else {
            sink(Data("[\n\n\(closing)".utf8))
            return
        }
        sink(Data("[\n".utf8))
        let (block, atOnce) = (max(1, block), max(1, blocksAtOnce))
        let blocks = Array(stride(from: 0, to: count, by: block))
        for round in stride(from: 0, to: blocks.count, by: atOnce) {
            let encoded = ParallelMap.map(Array(blocks[round..<min(round + atOnce, blocks.count)])) { start in
                let range = start..<min(start + block, count)
                defer { done?(range) }
                return encode(range.map(make), indent: 2 * (depth + 1))
            }
            for (k, data) in encoded.enumerated() {
                if round + k > 0 { sink(Data(",\n".utf8)) }
                sink(data)
            }
        }
        sink(Data("\n\(closing)".utf8))
    }

    /// Entries encoded one by one and indented `indent` spaces (their place in the array),
    /// joined by `,\n`. Blank lines (inside empty arrays) stay blank, as the encoder writes
    /// them; strings hold no raw line breaks, so the lines are the encoder's own.
    static func encode<Entry: Encodable>(_ entries: [Entry], indent: Int) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        var out: [UInt8] = []
        let spaces = [UInt8](repeating: 0x20, count: indent)
        for (k, entry) in entries.enumerated() {
            // encoding plain strings and numbers cannot fail
            let data = (try? encoder.encode(entry)) ?? Data("{}".utf8)
            if k > 0 { out.append(contentsOf: [0x2C, 0x0A]) }
            out.reserveCapacity(out.count + data.count + data.count / 8)
            data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                // line by line: the indent, then the line with its break
                var start = 0
                while start < bytes.count {
                    var end = start
                    while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                    if end > start { out.append(contentsOf: spaces) }
                    out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<min(end + 1, bytes.count)]))
                    start = end + 1
                }
            }
        }
        return Data(out)
    }
}
