import Foundation

/// A value worked out on a thread of its own while the caller goes on; `value()` waits for it.
/// A dedicated thread, not the shared pool, so that it never waits behind (or holds up) the
/// caller's own parallel work.
public final class Background<T: Sendable>: @unchecked Sendable {
    private var result: T?
    private let done = DispatchSemaphore(value: 0)

    public init(_ work: @escaping @Sendable () -> T) {
        let thread = Thread { [self] in
            result = work()
            done.signal()
        }
        thread.start()
    }

    /// The value, once the work is done.
    public func value() -> T {
        done.wait()
        done.signal()  // a later call does not wait again
        return result!
    }
}
