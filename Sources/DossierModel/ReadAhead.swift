import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Asks the kernel to start reading a corpus's files from disk before the loader opens them.
///
/// A folder whose files are not in the file cache (a first open after a reboot, or once other
/// work pushed them out) was read one small file per core at a time: two reads in flight, each
/// waiting for the disk. At 100k articles loading took 10.7-12.2 s, against 5.7-6.5 s from the
/// cache. Once a read finds its file not in the cache (`CachedRead`), each loading thread, as
/// it takes its next files, hints the ones up to `lookahead` past them (`POSIX_FADV_WILLNEED`
/// starts a read and does not wait for it), so that many reads are in flight at once: loading
/// from disk then took 6.4-6.9 s.
///
/// Until then nothing is hinted: a hint opens the file, and 100k opens more made a load from
/// the cache 0.2-0.3 s slower. The loading threads give the hints themselves: a thread of its
/// own for them, waking every few files, made a load on two cores 2.5 s slower (switches
/// between threads, and its allocations in the loaders' heaps).
final class ReadAhead: Sendable {
    private let paths: [String]
    private let lookahead: Int
    private let hint: @Sendable (String) -> Void
    /// Files before this one are hinted, being hinted, or read already.
    private let claimed = Atomic<Int>(0)
    private let onDisk = Atomic<Bool>(false)

    /// `hint`: what is done for each file, once (tests record it).
    init(paths: [String], lookahead: Int = 256, hint: @escaping @Sendable (String) -> Void = ReadAhead.startReading) {
        self.paths = paths
        self.lookahead = max(0, lookahead)
        self.hint = hint
    }

    /// A read found its file's bytes not in the file cache: the files ahead are hinted from now on.
    func notCached() { onDisk.store(true, ordering: .relaxed) }

    /// The loader is about to read file `index`: once files are read from disk, hints those up
    /// to `lookahead` past it that no thread has claimed yet (from it on: those before it are
    /// read already or being read).
    func reading(_ index: Int) {
        guard onDisk.load(ordering: .relaxed) else { return }
        let target = min(paths.count, index + 1 + lookahead)
        var from = claimed.load(ordering: .relaxed)
        while from < target {
            let (exchanged, original) = claimed.compareExchange(expected: from, desired: target, ordering: .relaxed)
            if exchanged { break }
            from = original
        }
        // (an index past the last file hints nothing)
        let first = max(from, index)
        guard first < target else { return }
        for path in paths[first..<target] { hint(path) }
    }

    /// Starts reading the file at `path` into the file cache, without waiting.
    @Sendable static func startReading(_ path: String) {
        #if canImport(Glibc)
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return }  // the loader reports a file it cannot read
        _ = posix_fadvise(fd, 0, 0, Int32(POSIX_FADV_WILLNEED))
        close(fd)
        #endif
    }
}
