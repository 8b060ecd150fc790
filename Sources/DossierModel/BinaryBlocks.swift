/// Lists written in blocks, each after its item and byte counts, so that a reader can decode
/// the blocks on all cores: reading back a large snapshot is mostly making strings, and one
/// core did it at half the speed of two.
extension BinaryWriter {
    /// The blocks are encoded on all cores too, then appended in order.
    mutating func blocks<T: Sendable>(_ items: [T], size: Int = 1024, _ write: @escaping @Sendable (inout BinaryWriter, T) -> Void) {
        int(items.count)
        let starts = Array(stride(from: 0, to: items.count, by: size))
        let encoded = ParallelMap.map(starts) { start -> BinaryWriter in
            var block = BinaryWriter()
            for item in items[start..<min(start + size, items.count)] { write(&block, item) }
            return block
        }
        for (start, block) in zip(starts, encoded) {
            int(min(start + size, items.count) - start)
            self.block(block)
        }
    }
}

extension BinaryReader {
    /// The whole list that `BinaryWriter.blocks` wrote, in order.
    mutating func blocks<T: Sendable>(_ read: @escaping @Sendable (inout BinaryReader) throws -> T) throws -> [T] {
        let total = try count()
        var spans: [(start: Int, length: Int, items: Int)] = []
        var seen = 0
        while seen < total {
            let items = try count(), length = try count()
            guard items > 0, seen + items <= total else { throw Corrupt() }
            spans.append((position, length, items))
            try skip(length)
            seen += items
        }
        let whole = SharedBytes(bytes: bytes)
        let decoded = ParallelMap.map(spans) { span -> Result<[T], Corrupt> in
            var r = BinaryReader(UnsafeRawBufferPointer(rebasing: whole.bytes[span.start..<(span.start + span.length)]))
            do {
                var out: [T] = []
                out.reserveCapacity(span.items)
                for _ in 0..<span.items { out.append(try read(&r)) }
                guard r.atEnd else { throw Corrupt() }
                return .success(out)
            } catch {
                return .failure(Corrupt())
            }
        }
        var all: [T] = []
        all.reserveCapacity(total)
        for block in decoded { all += try block.get() }
        return all
    }
}

/// The snapshot's bytes, read by several threads at once (never written while they read).
private struct SharedBytes: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
}
