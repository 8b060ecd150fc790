#if canImport(Glibc)
import Glibc
#endif

/// A read that returns at once when the file's bytes are not in the file cache, instead of
/// waiting for the disk (`preadv2` with `RWF_NOWAIT`): whether a read would wait tells the
/// loader that the corpus is on disk, not in memory, and that reading ahead is worth it.
/// `preadv2` is looked up at run time: Swift's Glibc module does not declare it, and an older C
/// library or another system has no such call (the answer is then `unknown`).
enum CachedRead {
    enum Outcome: Equatable {
        /// This many bytes were in the cache (0 at the end of the file).
        case read(Int)
        /// None of the bytes asked for is in the cache.
        case notCached
        /// The system cannot tell.
        case unknown
    }

    private typealias PReadV2 = @convention(c) (Int32, UnsafePointer<iovec>?, Int32, Int, Int32) -> Int
    /// Linux's flag value; the headers Swift sees do not carry it.
    private static let noWait: Int32 = 0x8

    private static let call: PReadV2? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(nil, "preadv2") else { return nil }
        return unsafeBitCast(symbol, to: PReadV2.self)
        #else
        return nil
        #endif
    }()

    /// Reads into `buffer` from `offset` of the open file `fd`, only what the cache holds.
    static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Outcome {
        #if canImport(Glibc)
        guard let call else { return .unknown }
        var chunk = iovec(iov_base: buffer.baseAddress, iov_len: buffer.count)
        while true {
            let n = call(fd, &chunk, 1, offset, noWait)
            if n >= 0 { return .read(n) }
            if errno == EINTR { continue }
            return errno == EAGAIN ? .notCached : .unknown
        }
        #else
        return .unknown
        #endif
    }
}
