/// Lists written in blocks, each after its item and byte counts, so that a reader can decode
/// the blocks on all cores: reading back a large snapshot is mostly making strings, and one
/// core did it at half the speed of two.
extension BinaryWriter {
    /// The blocks are encoded on all cores too, then appended in order, a wave of them at a
    /// time (so that a streaming writer never holds a whole list's bytes).
    /// `written`: told of each block's items once they are encoded.
    mutating func blocks<T: Sendable>(_ items: [T], size: Int = 1024, _ write: @escaping @Sendable (inout BinaryWriter, T) -> Void,
                                      written: (@Sendable (ArraySlice<T>) -> Void)? = nil) {
        int(items.count)
        let starts = Array(stride(from: 0, to: items.count, by: size))
        let width = 2 * ParallelMap.threads
        for wave in stride(from: 0, to: starts.count, by: width) {
            let waveStarts = Array(starts[wave..<min(wave + width, starts.count)])
            let encoded = ParallelMap.map(waveStarts) { start -> BinaryWriter in
                var block = BinaryWriter()
                for item in items[start..<min(start + size, items.count)] { write(&block, item) }
                written?(items[start..<min(start + size, items.count)])
                return block
            }
            for (start, block) in zip(waveStarts, encoded) {
                int(min(start + size, items.count) - start)
                self.block(block)
            }
            // The waves' buffers and strings, freed on the threads that encoded them, stay in
            // those threads' heaps: through 100k articles they grew the process by 30 MB, the
            // peak of a first open. A streaming writer gives them back every few waves.
            if isStreaming, (wave / width) % 16 == 15 { FreedMemory.release() }
        }
    }
}

extension BinaryReader {
    /// The whole list that `BinaryWriter.blocks` wrote, in order. Each block is decoded on one
    /// of the cores straight into its place in the result: gathering per-block arrays into one
    /// copied (and retained) every item a second time.
    mutating func blocks<T: Sendable>(_ read: @escaping @Sendable (inout BinaryReader) throws -> T) throws -> [T] {
        let total = try count()
        var spans: [(start: Int, length: Int, items: Int, first: Int)] = []
        var seen = 0
        while seen < total {
            let items = try count(), length = try count()
            guard items > 0, seen + items <= total else { throw Corrupt() }
            spans.append((position, length, items, seen))
            try skip(length)
            seen += items
        }
        let whole = SharedBytes(bytes: bytes)
        let used = self.used
        return try [T](unsafeUninitializedCapacity: total) { buffer, initialized in
            let out = SharedSlots(base: buffer.baseAddress)
            // per block: how many items it wrote, and whether all of it read well
            let done = ParallelMap.map(spans) { span -> (written: Int, ok: Bool) in
                let part = UnsafeRawBufferPointer(rebasing: whole.bytes[span.start..<(span.start + span.length)])
                defer { used?(part) }
                var r = BinaryReader(part)
                var k = 0
                while k < span.items {
                    guard let item = try? read(&r) else { return (k, false) }
                    (out.base! + span.first + k).initialize(to: item)
                    k += 1
                }
                return (k, r.atEnd)
            }
            guard done.allSatisfy(\.ok) else {
                for (span, result) in zip(spans, done) { (out.base! + span.first).deinitialize(count: result.written) }
                initialized = 0
                throw Corrupt()
            }
            initialized = total
        }
    }
}

/// The snapshot's bytes, read by several threads at once (never written while they read).
struct SharedBytes: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
}

/// An array's storage, written by several threads at once, each to its own slots.
struct SharedSlots<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>?
}
