import Foundation

/// Work that mostly waits on the disk, spread over more threads than there are cores: a `stat`
/// of a file whose inode is not in memory waits for one small read, and the disk answers many
/// such reads at once. `ParallelMap`'s pool has a thread per core, which leaves the disk idle
/// most of the time (a cold listing of 100k files: 0.43 s on one thread, 0.24 s on eight, in C).
enum WaitingThreads {
    /// Threads for such work: eight, or one when `$DOSSIER_THREADS` asks for a single thread.
    static var count: Int { ParallelMap.threads == 1 ? 1 : max(8, ParallelMap.threads) }

    /// `body` for each of `0..<items`, once, on up to `threads` threads; returns when all are done.
    static func forEach(_ items: Int, threads: Int = count, _ body: @escaping @Sendable (Int) -> Void) {
        let workers = min(threads, items)
        guard workers >= 2 else {
            for i in 0..<items { body(i) }
            return
        }
        let counter = SharedCounter()
        let group = DispatchGroup()
        for _ in 0..<workers {
            group.enter()
            // threads of their own: the shared pool would not grow past the cores for work that waits
            Thread {
                while true {
                    let i = counter.next()
                    guard i < items else { break }
                    body(i)
                }
                group.leave()
            }.start()
        }
        group.wait()
    }
}
