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
        // One buffer per place in a wave, emptied and written again by each wave: a buffer made
        // for each block, grown by doubling and freed on the thread that appends it, left the
        // encoding threads' heaps 30-40 MB larger between trims, the peak of a first open.
        let buffers = (0..<width).map { _ in BlockBuffer() }
        for wave in stride(from: 0, to: starts.count, by: width) {
            let waveStarts = Array(starts[wave..<min(wave + width, starts.count)])
            _ = ParallelMap.map(Array(waveStarts.indices)) { k -> Bool in
                let start = waveStarts[k], block = buffers[k]
                block.writer.empty()
                for item in items[start..<min(start + size, items.count)] { write(&block.writer, item) }
                written?(items[start..<min(start + size, items.count)])
                return true
            }
            for (k, start) in waveStarts.enumerated() {
                int(min(start + size, items.count) - start)
                self.block(buffers[k].writer)
            }
            // What the items' own encoding frees (strings made to be written) stays in the
            // threads' heaps: a streaming writer gives it back every few waves.
            if isStreaming, (wave / width) % 16 == 15 { FreedMemory.release() }
        }
    }
}

/// A block's bytes, written by one thread of a wave at a time and kept for the next wave.
private final class BlockBuffer: @unchecked Sendable {
    var writer = BinaryWriter()
}

/// Where a list that `BinaryWriter.blocks` wrote lies in its bytes, block by block, so that
/// it can be decoded whole or a few blocks at a time, later than it was read past.
struct BlockList: Sendable {
    struct Span: Sendable {
        /// The block's first byte (in the bytes the list was read from), its length, its item
        /// count, and the index in the list of its first item.
        var start: Int, length: Int, items: Int, first: Int
    }
    var total = 0
    var spans: [Span] = []

    /// The items of `chosen` blocks (all when nil), in order. Each block is decoded on one of
    /// the cores straight into its place in the result: gathering per-block arrays into one
    /// copied (and retained) every item a second time. `bytes`: those the list was read from.
    func decode<T: Sendable>(_ bytes: UnsafeRawBufferPointer, blocks chosen: [Span]? = nil,
                             used: (@Sendable (UnsafeRawBufferPointer) -> Void)? = nil,
                             _ read: @escaping @Sendable (inout BinaryReader) throws -> T) throws -> [T] {
        let blocks = chosen ?? spans
        // each block's place in the result
        var places: [(span: Span, at: Int)] = []
        var count = 0
        for span in blocks {
            guard span.start >= 0, span.length >= 0, span.start + span.length <= bytes.count else { throw BinaryReader.Corrupt() }
            places.append((span, count))
            count += span.items
        }
        let whole = SharedBytes(bytes: bytes)
        return try [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let out = SharedSlots(base: buffer.baseAddress)
            // per block: how many items it wrote, and whether all of it read well
            let done = ParallelMap.map(places) { place -> (written: Int, ok: Bool) in
                let span = place.span
                let part = UnsafeRawBufferPointer(rebasing: whole.bytes[span.start..<(span.start + span.length)])
                defer { used?(part) }
                var r = BinaryReader(part)
                var k = 0
                while k < span.items {
                    guard let item = try? read(&r) else { return (k, false) }
                    (out.base! + place.at + k).initialize(to: item)
                    k += 1
                }
                return (k, r.atEnd)
            }
            guard done.allSatisfy(\.ok) else {
                for (place, result) in zip(places, done) { (out.base! + place.at).deinitialize(count: result.written) }
                initialized = 0
                throw BinaryReader.Corrupt()
            }
            initialized = count
        }
    }
}

extension BinaryReader {
    /// The blocks of the list that `BinaryWriter.blocks` wrote here, the reader moved past them.
    mutating func blockList() throws -> BlockList {
        var list = BlockList(total: try count())
        var seen = 0
        while seen < list.total {
            let items = try count(), length = try count()
            guard items > 0, seen + items <= list.total else { throw Corrupt() }
            list.spans.append(.init(start: position, length: length, items: items, first: seen))
            try skip(length)
            seen += items
        }
        return list
    }

    /// The whole list that `BinaryWriter.blocks` wrote, in order, decoded on all cores.
    mutating func blocks<T: Sendable>(_ read: @escaping @Sendable (inout BinaryReader) throws -> T) throws -> [T] {
        try blockList().decode(bytes, used: used, read)
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
