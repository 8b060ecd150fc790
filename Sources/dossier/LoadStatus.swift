import DossierModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How far a command's load has got, on one line of stderr when it is a terminal: a first open
/// of 100k articles is half a minute of silence otherwise. The line is written over in place
/// (a carriage return and spaces, no escape sequence) and wiped once the corpus is in, before
/// any warning or output.
final class LoadStatus: @unchecked Sendable {
    private let lock = NSLock()
    private let write: (String) -> Void
    private var shownWidth = 0

    /// `write`: where the line goes (nil when stderr is not a terminal: nothing is written).
    init(write: ((String) -> Void)? = LoadStatus.terminal()) {
        self.write = write ?? { _ in }
    }

    static func terminal() -> ((String) -> Void)? {
        isatty(2) == 1 ? { FileHandle.standardError.write(Data($0.utf8)) } : nil
    }

    /// The loader's progress: bytes read of the corpus's, then the analysis.
    func reading(_ done: Int, _ total: Int) {
        show(done >= total ? "analysing actors and quotes…" : "reading \(done * 100 / max(1, total))% of \(BackgroundLoad.size(total))")
    }

    func clear() {
        lock.withLock {
            guard shownWidth > 0 else { return }
            write("\r" + String(repeating: " ", count: shownWidth) + "\r")
            shownWidth = 0
        }
    }

    private func show(_ text: String) {
        lock.withLock {
            let line = "dossier: " + text
            let width = line.count
            write("\r" + line + String(repeating: " ", count: max(0, shownWidth - width)))
            shownWidth = max(shownWidth, width)
        }
    }
}
