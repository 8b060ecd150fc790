import DossierModel
import Synchronization

/// Corpora kept until the process ends. At exit the system takes a process's memory back at
/// once, while freeing a 100k-article corpus value by value took about 0.2 s after a command's
/// output (or the browser's last frame) was done. A process loads one corpus, so nothing
/// accumulates.
enum ProcessLifetime {
    private static let kept = Mutex<[Corpus]>([])

    static func keep(_ corpus: Corpus) {
        kept.withLock { $0.append(corpus) }
    }
}
