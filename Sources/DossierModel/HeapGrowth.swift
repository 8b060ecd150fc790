#if canImport(Glibc)
import Glibc
#endif

/// How the C heap grows: in large steps, and in no more arenas than the analysis has threads.
///
/// glibc grows each thread's heap a little at a time, with a system call (`mprotect`) per step;
/// reading a 100k-article snapshot back made enough of them to take a twentieth of its time.
/// Asked for 64 MB more at each step, it makes a few dozen. Pages of the pad that are never
/// touched are address space only, never resident memory.
///
/// It also gives threads up to eight arenas per core, each a heap of its own that memory freed
/// in it goes back to. What one step of the analysis freed on its threads (a snapshot read back
/// on all cores, then names merged on one) stayed in their arenas, out of reach of the next
/// step's, which grew others. Capped at two arenas per thread of the analysis, at 100k articles
/// (2 cores) reopening after one file was added peaked at 579–618 MB in seven runs of
/// `dossier-bench changed` instead of 595–646 in fourteen, the browser's first open at 580–583 MB
/// instead of 587–589, at the same speed. One arena per thread did better on both reopenings
/// (561–587, and 569–577 in the browser) but worse on the browser's first open (596–606 MB).
///
/// Like `malloc_trim`, `mallopt` is looked up at run time (Swift's Glibc module does not carry
/// malloc.h).
public enum HeapGrowth {
    public static let step: Int32 = 64 << 20
    /// Two arenas per thread of the analysis, so that the threads that run beside it (the
    /// browser's, models made while the analysis goes on) seldom wait for one.
    public static var arenas: Int32 { Int32(clamping: 2 * ParallelMap.threads) }

    /// Call once, early, from a program (not from a library's code paths), before threads are
    /// started: arenas made before are kept. True when the C library took both settings.
    @discardableResult
    public static func configure() -> Bool {
        #if canImport(Glibc)
        typealias Option = @convention(c) (Int32, Int32) -> Int32
        // M_TOP_PAD and M_ARENA_MAX in malloc.h
        let topPad: Int32 = -2, arenaMax: Int32 = -8
        guard let symbol = dlsym(nil, "mallopt") else { return false }
        let mallopt = unsafeBitCast(symbol, to: Option.self)
        let padded = mallopt(topPad, step) == 1
        let limited = mallopt(arenaMax, arenas) == 1
        return padded && limited
        #else
        return false
        #endif
    }
}
