import Foundation

/// Large working values let go on a thread of their own while the caller goes on.
///
/// Freeing the resolver's working tables (a hundred thousand clusters, each with its lists and
/// sets) and every article's name candidates took about 0.8 s of one core at 100k articles,
/// while the other core idled. `settle()` waits for every teardown begun: `FreedMemory` calls
/// it before giving freed pages back. With one thread asked for (`DOSSIER_THREADS=1`) the
/// work runs at once, on the caller's thread, so one-core figures stay one core's.
enum Teardown {
    private static let pending = DispatchGroup()

    /// Runs `work`, which only lets go of values no one else uses any more.
    static func run(_ work: @escaping @Sendable () -> Void) {
        guard ParallelMap.threads > 1 else { work(); return }
        pending.enter()
        Thread {
            work()
            pending.leave()
        }.start()
    }

    /// Waits until every teardown begun so far is done.
    static func settle() {
        pending.wait()
    }
}

/// A value whose only owner is this box, so that emptying the box frees it on the thread
/// that empties it (`Teardown`); a copy held anywhere else would keep it alive.
final class SoleOwner<T>: @unchecked Sendable {
    private(set) var value: T?
    init(_ value: T) { self.value = value }
    /// The value, for use while it is held.
    var held: T { value! }
    /// Lets go of the value on a teardown thread.
    func releaseLater() { Teardown.run { self.value = nil } }
}
