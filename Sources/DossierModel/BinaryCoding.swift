import Foundation

/// A compact binary form for the cache: variable-length (zigzag LEB128) integers, so that the
/// many small offsets take a byte or two, and length-prefixed UTF-8 strings.
/// Faster to read back than JSON by an order of magnitude, and versioned by the cache header.
struct BinaryWriter {
    /// Bytes in an array: appending to `Data` byte by byte made writing a snapshot slower than
    /// the analysis it saves.
    private var bytes: [UInt8] = []
    /// Where the bytes go, a few megabytes at a time, when the writer streams to a file: a
    /// snapshot of 100k articles is 400 MB, and holding it whole raised the peak memory of a
    /// first open by as much.
    private var spill: BinarySpill?

    init() {}
    init(spillingTo spill: BinarySpill) { self.spill = spill }

    /// The bytes, for a writer that keeps them in memory.
    var data: Data { Data(bytes) }
    var contents: [UInt8] { bytes }

    /// Bytes as they are, after their count.
    mutating func raw(_ other: [UInt8]) { other.withUnsafeBytes { raw($0) } }

    /// The same from wherever the bytes lie.
    mutating func raw(_ other: UnsafeRawBufferPointer) {
        int(other.count)
        bytes.append(contentsOf: other)
    }

    /// Words as their bytes (this machine's order: a snapshot is read where it was written),
    /// with no count: the reader knows how many.
    mutating func words(_ list: UnsafeBufferPointer<UInt64>) {
        bytes.append(contentsOf: UnsafeRawBufferPointer(list))
        flushWhenFull()
    }

    /// Zero bytes up to the next multiple of eight bytes from the start, so that words written
    /// next can be read in place from a mapping (which starts on a page).
    mutating func alignToWord() {
        while count % 8 != 0 { bytes.append(0) }
    }

    /// Bytes written so far, those already in the file included.
    var count: Int { (spill?.written ?? 0) + bytes.count }
    /// Bytes held in memory, not yet in the file.
    var heldBytes: Int { bytes.count }
    /// Whether it writes to a file as it goes (`init(spillingTo:)`).
    var isStreaming: Bool { spill != nil }

    /// Eight bytes to be filled in by `sealChecksum`.
    mutating func checksumSlot() -> Int {
        bytes.append(contentsOf: [UInt8](repeating: 0, count: 8))
        spill?.checksumStart = count
        return count - 8
    }

    /// Writes into the slot the checksum of everything after it; nothing may follow.
    mutating func sealChecksum(_ slot: Int) {
        if let spill {
            flush()
            spill.patch(at: slot, spill.finishChecksum())
            return
        }
        let sum = bytes.withUnsafeBytes { Checksum.of(UnsafeRawBufferPointer(rebasing: $0[(slot + 8)...])) }
        for k in 0..<8 { bytes[slot + k] = UInt8(truncatingIfNeeded: sum >> (8 * UInt64(k))) }
    }

    /// For a streaming writer: the last bytes written and the file closed; false on failure.
    mutating func finish() -> Bool {
        guard let spill else { return true }
        flush()
        return spill.close()
    }

    /// No bytes held, the room they took kept for the next ones (a writer that keeps them).
    mutating func empty() { bytes.removeAll(keepingCapacity: true) }

    mutating func append(_ other: BinaryWriter) {
        bytes.append(contentsOf: other.bytes)
        flushWhenFull()
    }

    /// For a streaming writer: what is held goes to the file once it reaches a megabyte. A
    /// list written item by item calls this as it goes: the buffer keeps the room it grew to,
    /// and 100k files' header grew it to 16 MB, resident through the rest of the writing.
    mutating func flushWhenFull() {
        if spill != nil, bytes.count >= 1 << 20 { flush() }
    }

    private mutating func flush() {
        spill?.write(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    mutating func int(_ v: Int) {
        var x = UInt64(bitPattern: Int64(v) << 1 ^ Int64(v) >> 63)
        while x >= 0x80 {
            bytes.append(UInt8(x & 0x7F) | 0x80)
            x >>= 7
        }
        bytes.append(UInt8(x))
    }
    mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }
    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }
    /// UTF-8 bytes as `string` writes them (a text still in a mapped snapshot is copied as it lies).
    mutating func utf8(_ bytes: UnsafeRawBufferPointer) { raw(bytes) }
    mutating func optional(_ s: String?) {
        bool(s != nil)
        if let s { string(s) }
    }
    mutating func optional(_ v: Int?) {
        bool(v != nil)
        if let v { int(v) }
    }
    mutating func strings(_ list: [String]) {
        int(list.count)
        for s in list { string(s) }
    }
}

/// Reads what `BinaryWriter` wrote, straight from the bytes (no copy of the whole snapshot).
struct BinaryReader {
    struct Corrupt: Error {}
    let bytes: UnsafeRawBufferPointer
    private var offset = 0
    /// Told of each part of the bytes once it is read and no longer needed (a mapped file lets
    /// its pages go); nil for bytes that are simply memory.
    var used: (@Sendable (UnsafeRawBufferPointer) -> Void)?

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var atEnd: Bool { offset == bytes.count }
    var position: Int { offset }

    mutating func int() throws -> Int {
        var x: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw Corrupt() }
            let b = bytes[offset]
            offset += 1
            x |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: x >> 1) ^ -Int64(bitPattern: x & 1))
    }
    mutating func count() throws -> Int {
        let n = try int()
        guard n >= 0, n <= bytes.count else { throw Corrupt() }
        return n
    }
    mutating func bool() throws -> Bool {
        guard offset < bytes.count else { throw Corrupt() }
        defer { offset += 1 }
        return bytes[offset] != 0
    }
    mutating func string() throws -> String {
        let n = try count()
        guard offset + n <= bytes.count else { throw Corrupt() }
        defer { offset += n }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + n)]), as: UTF8.self)
    }
    /// What `string` reads, left where it lies in `file` (whose bytes these are, or a part of
    /// them), to be made into a string when it is first read.
    mutating func mappedText(in file: MappedFile) throws -> MappedText {
        let n = try count()
        guard offset + n <= bytes.count, let base = bytes.baseAddress, let fileBase = file.bytes.baseAddress else {
            // an empty string may lie at the very end, or in a file with no bytes
            guard n == 0 else { throw Corrupt() }
            return MappedText(file: file, start: 0, count: 0)
        }
        let start = base - fileBase + offset
        guard start >= 0, start + n <= file.bytes.count else { throw Corrupt() }
        defer { offset += n }
        return MappedText(file: file, start: start, count: n)
    }
    /// Reads a checksum slot and checks it against everything after it.
    mutating func verifyChecksum() throws {
        let slot = offset
        try skipChecksum()
        try verifyChecksum(slot: slot)
    }
    /// Passes over a checksum slot, to be checked later (`verifyChecksum(slot:)`).
    mutating func skipChecksum() throws { try skip(8) }
    /// Checks the checksum slot at `slot` against everything after it.
    func verifyChecksum(slot: Int) throws {
        guard slot >= 0, slot + 8 <= bytes.count else { throw Corrupt() }
        var stored: UInt64 = 0
        for k in 0..<8 { stored |= UInt64(bytes[slot + k]) << (8 * UInt64(k)) }
        guard Checksum.of(UnsafeRawBufferPointer(rebasing: bytes[(slot + 8)...]), used: used) == stored else { throw Corrupt() }
    }
    mutating func skip(_ n: Int) throws {
        guard n >= 0, offset + n <= bytes.count else { throw Corrupt() }
        offset += n
    }
    /// Passes over what `string` would read.
    mutating func skipString() throws { try skip(try count()) }
    mutating func optionalString() throws -> String? { try bool() ? try string() : nil }
    mutating func optionalInt() throws -> Int? { try bool() ? try int() : nil }
    mutating func strings() throws -> [String] { try (0..<count()).map { _ in try string() } }

    /// Skips the zero bytes that `BinaryWriter.alignToWord` wrote.
    mutating func alignToWord() throws {
        try skip((8 - offset % 8) % 8)
    }

    /// What `BinaryWriter.raw` wrote.
    mutating func raw() throws -> [UInt8] {
        let n = try count()
        guard offset + n <= bytes.count else { throw Corrupt() }
        defer { offset += n }
        return Array(UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + n)]))
    }
}

/// A fast 64-bit checksum, eight bytes at a time, so that a damaged snapshot is rebuilt rather
/// than read as a corpus with wrong offsets. The bytes are summed in 16 MB pieces on all cores
/// and the pieces' sums folded in order: reading a 400 MB snapshot's pages in for the first
/// time was most of the cost, and two cores do it in about half the time.
enum Checksum {
    static let piece = 16 << 20

    /// `used` hears of each piece once it is summed.
    static func of(_ bytes: UnsafeRawBufferPointer, used: (@Sendable (UnsafeRawBufferPointer) -> Void)? = nil) -> UInt64 {
        let shared = SharedBytes(bytes: bytes)
        let sums = ParallelMap.map(Array(stride(from: 0, to: bytes.count, by: piece))) { start in
            let part = UnsafeRawBufferPointer(rebasing: shared.bytes[start..<min(start + piece, shared.bytes.count)])
            defer { used?(part) }
            return Checksum.ofPiece(part)
        }
        return fold(sums, count: bytes.count)
    }

    /// The checksum of `count` bytes from the sums of their pieces, in order.
    static func fold(_ sums: [UInt64], count: Int) -> UInt64 {
        var h: UInt64 = 0x9E3779B97F4A7C15 ^ UInt64(count)
        for sum in sums { h = mix(h, sum) }
        return h ^ (h >> 32)
    }

    /// One word mixed into the running state.
    @inline(__always)
    static func mix(_ h: UInt64, _ word: UInt64) -> UInt64 {
        let m = (h ^ word) &* 0xFF51AFD7ED558CCD
        return m ^ (m >> 29)
    }

    static func ofPiece(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var sum = PieceSum()
        sum.feed(bytes)
        return sum.value()
    }
}

/// One piece's sum, fed in parts of any size (a streamed snapshot arrives a megabyte at a
/// time). Four words at a time are mixed into four running states, each independent of the
/// others, so that the processor multiplies them side by side: with one state each word waited
/// for the one before, and summing a 560 MB snapshot took a tenth of reopening it. Bytes short
/// of four words wait for the next part; at the end they are mixed as zero-padded words, the
/// states folded in order, and the length last.
struct PieceSum {
    private var lanes: (UInt64, UInt64, UInt64, UInt64) =
        (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5)
    private(set) var count = 0
    /// Bytes of a block not yet complete, and how many there are.
    private var pending: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var pendingBytes = 0
    private static let block = 32

    mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        count += bytes.count
        var i = 0
        if pendingBytes > 0 {
            i = min(PieceSum.block - pendingBytes, bytes.count)
            keep(UnsafeRawBufferPointer(start: base, count: i))
            guard pendingBytes == PieceSum.block else { return }
            mixBlock(pending)
            (pending, pendingBytes) = ((0, 0, 0, 0), 0)
        }
        // the states in locals while the blocks go by: the mixing stays in registers
        var (a, b, c, d) = lanes
        while i + PieceSum.block <= bytes.count {
            a = Checksum.mix(a, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            b = Checksum.mix(b, bytes.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
            c = Checksum.mix(c, bytes.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))
            d = Checksum.mix(d, bytes.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
            i += PieceSum.block
        }
        lanes = (a, b, c, d)
        if i < bytes.count { keep(UnsafeRawBufferPointer(start: base + i, count: bytes.count - i)) }
    }

    /// Appends `part` to the pending bytes (it fits).
    private mutating func keep(_ part: UnsafeRawBufferPointer) {
        let at = pendingBytes
        withUnsafeMutableBytes(of: &pending) { UnsafeMutableRawBufferPointer(rebasing: $0[at..<(at + part.count)]).copyMemory(from: part) }
        pendingBytes += part.count
    }

    private mutating func mixBlock(_ words: (UInt64, UInt64, UInt64, UInt64)) {
        lanes = (Checksum.mix(lanes.0, words.0), Checksum.mix(lanes.1, words.1),
                 Checksum.mix(lanes.2, words.2), Checksum.mix(lanes.3, words.3))
    }

    func value() -> UInt64 {
        var (a, b, c, d) = lanes
        // the pending bytes' words, zero-padded (the length, mixed last, tells the padding apart)
        let words = pending, used = (pendingBytes + 7) / 8
        if used > 0 { a = Checksum.mix(a, words.0) }
        if used > 1 { b = Checksum.mix(b, words.1) }
        if used > 2 { c = Checksum.mix(c, words.2) }
        if used > 3 { d = Checksum.mix(d, words.3) }
        var h = Checksum.mix(Checksum.mix(Checksum.mix(a, b), c), d)
        h = (h ^ UInt64(count)) &* 0xFF51AFD7ED558CCD
        return h ^ (h >> 32)
    }
}
