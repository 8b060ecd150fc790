import Foundation
import Synchronization
import Testing
@testable import DossierModel

@Suite struct ReadAheadHints {
    /// The paths hinted, in the order they were.
    final class Recorder: Sendable {
        let hinted = Mutex<[String]>([])
        func record(_ path: String) { hinted.withLock { $0.append(path) } }
        var paths: [String] { hinted.withLock { $0 } }
    }

    static let paths = (0..<40).map { "/corpus/\($0).txt" }

    @Test func onceFilesComeFromDiskAReadHintsItsFileAndThoseAheadOnce() {
        let recorder = Recorder()
        let ahead = ReadAhead(paths: Self.paths, lookahead: 4) { recorder.record($0) }
        // files read from the cache are not hinted
        ahead.reading(0)
        #expect(recorder.paths.isEmpty)
        ahead.notCached()
        ahead.reading(0)
        #expect(recorder.paths == Array(Self.paths[0..<5]))
        // the next files are hinted already; only what lies further ahead is added
        ahead.reading(1)
        ahead.reading(2)
        #expect(recorder.paths == Array(Self.paths[0..<7]))
        // a thread that jumps ahead hints from its own file: those between are read already
        ahead.reading(20)
        #expect(recorder.paths == Array(Self.paths[0..<7] + Self.paths[20..<25]))
        // a thread behind hints nothing again
        ahead.reading(3)
        #expect(recorder.paths.count == 12)
        // never past the last file
        ahead.reading(37)
        #expect(recorder.paths == Array(Self.paths[0..<7] + Self.paths[20..<25] + Self.paths[37..<40]))
        // nor for a file past the last, even as the first asked for
        let fresh = ReadAhead(paths: Self.paths, lookahead: 4) { recorder.record($0) }
        fresh.notCached()
        fresh.reading(45)
        #expect(recorder.paths.count == 15)
    }

    @Test func threadsReadingAtOnceHintNoFileTwiceAndPassNoneOverOnceUnderWay() {
        let recorder = Recorder()
        // Files are handed out in order, so when a thread asks, every file more than a thread
        // per core before its own was asked for already: with a longer lookahead than that,
        // no file past the first few (which another thread may be reading as the first hints
        // go out) is passed over.
        let ahead = ReadAhead(paths: Self.paths, lookahead: ParallelMap.threads + 1) { recorder.record($0) }
        ahead.notCached()
        _ = ParallelMap.map(Array(Self.paths.indices)) { i in ahead.reading(i) }
        let hinted = recorder.paths
        #expect(Set(hinted).count == hinted.count)
        #expect(Set(Self.paths[ParallelMap.threads...]).isSubset(of: Set(hinted)))
    }

    @Test func hintsBegunLateStartAtTheFileBeingRead() {
        let recorder = Recorder()
        let ahead = ReadAhead(paths: Self.paths, lookahead: 2) { recorder.record($0) }
        ahead.reading(0)
        ahead.reading(9)
        ahead.notCached()
        // the files before the tenth are read already: not hinted
        ahead.reading(10)
        #expect(recorder.paths == Array(Self.paths[10..<13]))
    }
}

@Suite struct CachedReads {
    /// A file of `count` bytes, written and flushed to disk.
    /// In the package's build folder, not the temporary one: a temporary folder in memory
    /// (tmpfs) has no disk to drop pages to and answers a no-wait read with EOPNOTSUPP, and the
    /// build folder is on the disk it builds on (these tests need one that supports both, as
    /// ext4, XFS and Btrfs do).
    static func writtenFile(_ count: Int) throws -> String {
        let folder = Paths.root.appendingPathComponent(".build/dossier-test-reads")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("\(UUID().uuidString).txt").path
        let bytes = (0..<count).map { UInt8(ascii: "a") + UInt8($0 % 26) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        #expect(fsync(fd) == 0)
        return path
    }

    /// Drops the file's pages from the file cache (they are clean: written and flushed).
    static func evict(_ path: String) {
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        #expect(posix_fadvise(fd, 0, 0, Int32(POSIX_FADV_DONTNEED)) == 0)
    }

    @Test func aFileInTheCacheIsReadWithoutWaitingAndAnEvictedOneIsNot() throws {
        let path = try Self.writtenFile(10_000)
        defer { unlink(path) }
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        // just read whole, so in the cache
        _ = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(buffer.withUnsafeMutableBytes { CachedRead.read(fd, into: $0, at: 0) } == .read(4096))
        #expect(buffer[0] == UInt8(ascii: "a") && buffer[1] == UInt8(ascii: "b"))
        Self.evict(path)
        #expect(buffer.withUnsafeMutableBytes { CachedRead.read(fd, into: $0, at: 0) } == .notCached)
    }

    @Test func aReadSaysWhenItsFileWasNotInTheCacheAndReadsItWholeEitherWay() throws {
        // longer than the read's buffer, so that the read goes on after its first part
        let count = 200_000
        let path = try Self.writtenFile(count)
        defer { unlink(path) }
        let expected = try Data(contentsOf: URL(fileURLWithPath: path))
        let heard = Mutex(0)
        let cached = try CorpusFiles.read(path) { heard.withLock { $0 += 1 } }.get()
        #expect(cached == expected && heard.withLock { $0 } == 0)
        Self.evict(path)
        let fromDisk = try CorpusFiles.read(path) { heard.withLock { $0 += 1 } }.get()
        #expect(fromDisk.count == count && fromDisk == expected)
        #expect(heard.withLock { $0 } == 1)
    }
}
