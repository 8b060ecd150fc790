#if canImport(Glibc)
import Glibc
#endif

/// Gives the pages that the analysis freed back to the system.
///
/// glibc keeps freed memory in its arenas, resident, for later allocations. An analysis makes
/// and drops several times the corpus in temporary strings and arrays, so without this a
/// fifth of the browser's resident memory was free space (10k articles: 214 MB resident, 175
/// MB after release). `malloc_trim` is looked up at run time: Swift's Glibc module does not
/// carry malloc.h, and other C libraries have no such call.
public enum FreedMemory {
    public static func release() {
        // values still being let go on other threads free their pages first
        Teardown.settle()
        #if canImport(Glibc)
        typealias Trim = @convention(c) (Int) -> Int32
        // a nil handle is RTLD_DEFAULT on Linux: search every loaded library
        if let symbol = dlsym(nil, "malloc_trim") { _ = unsafeBitCast(symbol, to: Trim.self)(0) }
        #endif
    }
}
