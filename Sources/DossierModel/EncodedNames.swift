#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An article's name candidates in the snapshot's binary form.
///
/// They are kept after the analysis only so that a later run can skip searching an unchanged
/// article for names. As Swift values (arrays of strings per candidate) they were a sixth of an
/// analysis's peak memory; as bytes they take a fraction of that, and are decoded only for the
/// articles a later run takes over.
struct EncodedNames: Sendable {
    private enum Storage: Sendable {
        case held([UInt8])
        /// In a file of the analysis's own (`spilled`), read only when the snapshot is written.
        case spilled(SpillFile, Range<Int>)
    }
    private let storage: Storage

    init(_ names: ArticleNames) { storage = .held(EncodedNames.encode(names)) }

    /// The candidates in the snapshot's binary form.
    static func encode(_ names: ArticleNames) -> [UInt8] {
        var w = BinaryWriter()
        w.names(names)
        return w.contents
    }

    init(bytes: [UInt8]) { storage = .held(bytes) }

    private init(_ file: SpillFile, _ range: Range<Int>) { storage = .spilled(file, range) }

    /// The bytes, wherever they lie (fewer when a spill file can no longer give them all, which
    /// decoding then refuses).
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        switch storage {
        case .held(let bytes): return try bytes.withUnsafeBytes(body)
        case .spilled(let file, let range): return try file.read(range).withUnsafeBytes(body)
        }
    }

    var bytes: [UInt8] { withBytes { Array($0) } }

    /// The candidates; nil when the bytes are damaged (the article is then searched again).
    func decoded() -> ArticleNames? {
        withBytes { raw in
            var r = BinaryReader(raw)
            guard let names = try? r.names(), r.atEnd else { return nil }
            return names
        }
    }

    /// Every article's candidates as bytes, written to a temporary file (deleted as soon as it
    /// is made), so that they take no memory through quote extraction and grouping, the peak of
    /// a first analysis, until the snapshot reads them back (61 MB at 100k articles). They are
    /// read with `pread`, not mapped: a mapping's pages would count as the process's memory once
    /// the snapshot had read them. Encoded on all cores a slice of articles at a time, so that
    /// only a slice's bytes are in memory at once. Nil when no such file can be written: the
    /// caller then keeps them in memory.
    static func spilled(_ names: [ArticleNames], slice: Int = 4096) -> [EncodedNames]? {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(names.count)
        var written = 0
        let file = SpillFile.written { stream in
            for start in stride(from: 0, to: names.count, by: slice) {
                let part = Array(names[start..<min(start + slice, names.count)])
                for bytes in ParallelMap.map(part, EncodedNames.encode) {
                    guard bytes.withUnsafeBytes({ fwrite($0.baseAddress, 1, $0.count, stream) }) == bytes.count else { return false }
                    ranges.append(written..<(written + bytes.count))
                    written += bytes.count
                }
            }
            return true
        }
        return file.map { file in ranges.map { EncodedNames(file, $0) } }
    }
}

/// An open temporary file that spilled bytes are read back from, on any thread; closed (and so
/// gone, having no name) when the last value reading it goes.
final class SpillFile: @unchecked Sendable {
    let descriptor: Int32

    init?(duplicating fd: Int32) {
        descriptor = dup(fd)
        if descriptor < 0 { return nil }
    }

    /// A temporary file (deleted as soon as it is made) that `write` fills; nil when none can be
    /// made or `write` says a write failed.
    static func written(by write: (UnsafeMutablePointer<FILE>) -> Bool) -> SpillFile? {
        guard let stream = tmpfile() else { return nil }
        defer { fclose(stream) }
        guard write(stream), fflush(stream) == 0 else { return nil }
        return SpillFile(duplicating: fileno(stream))
    }

    /// A temporary file (deleted as soon as it is made) of `count` bytes, to be filled with
    /// `write(_:at:)`: sparse, so that disk is taken only as its bytes are written; nil when
    /// none can be made.
    static func sized(_ count: Int) -> SpillFile? {
        guard let stream = tmpfile() else { return nil }
        defer { fclose(stream) }
        guard ftruncate(fileno(stream), off_t(count)) == 0 else { return nil }
        return SpillFile(duplicating: fileno(stream))
    }

    /// Writes `bytes` at `offset`, from any thread; false when they could not all be written
    /// (a full disk).
    func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        var done = 0
        while done < bytes.count {
            let n = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
            if n <= 0 { return false }
            done += n
        }
        return true
    }

    deinit { close(descriptor) }

    /// The bytes at `range`; fewer (a damaged read, which decoding then rejects) if the file
    /// cannot give them all.
    func read(_ range: Range<Int>) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: range.count)
        var done = 0
        while done < range.count {
            let n = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, range.count - done, off_t(range.lowerBound + done)) }
            if n <= 0 { bytes.removeLast(range.count - done); break }
            done += n
        }
        return bytes
    }
}
