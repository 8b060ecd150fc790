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
/// step's, which grew others. Capped at one arena per thread of the analysis, at 100k articles
/// (2 cores) reopening after one file was added peaked at 561–587 MB in nine runs of
/// `dossier-bench changed` instead of 595–646 in fourteen, and at 569–590 MB in the browser
/// instead of 594–620; the browser's first open at 589–598 MB against 587–589; the bench's first
/// open at 534–536 MB against 552–562; at the same speed. Two arenas per thread did better on
/// the browser's first open (580–583 MB) but peaked at 618 MB after a change.
///
/// Like `malloc_trim`, `mallopt` is looked up at run time (Swift's Glibc module does not carry
/// malloc.h).
public enum HeapGrowth {
    public static let step: Int32 = 64 << 20
    /// One arena per thread of the analysis, and at least two (the threads that run beside it,
    /// the browser's and models made while it goes on, take turns with it).
    public static var arenas: Int32 { Int32(clamping: max(2, ParallelMap.threads)) }

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
