#if canImport(Glibc)
import Glibc
#endif

/// Lets the C heap grow in large steps.
///
/// glibc grows each thread's heap a little at a time, with a system call (`mprotect`) per step;
/// reading a 100k-article snapshot back made enough of them to take a twentieth of its time.
/// Asked for 64 MB more at each step, it makes a few dozen. Pages of the pad that are never
/// touched are address space only, never resident memory. Like `malloc_trim`, `mallopt` is
/// looked up at run time (Swift's Glibc module does not carry malloc.h).
public enum HeapGrowth {
    public static let step: Int32 = 64 << 20

    /// Call once, early, from a program (not from a library's code paths). True when the C
    /// library took the setting.
    @discardableResult
    public static func useLargeSteps() -> Bool {
        #if canImport(Glibc)
        typealias Option = @convention(c) (Int32, Int32) -> Int32
        let topPad: Int32 = -2  // M_TOP_PAD in malloc.h
        guard let symbol = dlsym(nil, "mallopt") else { return false }
        return unsafeBitCast(symbol, to: Option.self)(topPad, step) == 1
        #else
        return false
        #endif
    }
}
