import Foundation
import Synchronization
import Testing
@testable import dossier

/// The line a command shows on a terminal's stderr while it loads: written over in place, with
/// no escape sequence, and wiped before anything else is printed.
@Suite struct LoadStatusTests {
    @Test func theLineIsWrittenOverAndWiped() {
        let written = Mutex<[String]>([])
        let status = LoadStatus { text in written.withLock { $0.append(text) } }
        status.reading(250_000_000, 317_000_000)
        status.reading(317_000_000, 317_000_000)
        status.reading(5, 20_000)
        status.clear()
        status.clear()  // nothing more once wiped
        let lines = written.withLock { $0 }
        #expect(lines.count == 4)
        #expect(lines[0] == "\rdossier: reading 78% of 317 MB")
        #expect(lines[1].hasPrefix("\rdossier: analysing actors and quotes…"))
        // a shorter line covers the longer one before it with spaces
        let longest = lines[1].count - 1, short = "dossier: reading 0% of 20 KB"
        #expect(lines[2] == "\r" + short + String(repeating: " ", count: longest - short.count))
        #expect(lines[3] == "\r" + String(repeating: " ", count: lines[1].count - 1) + "\r")
        #expect(!lines.joined().contains("\u{1B}"))
    }

    @Test func withoutATerminalNothingIsWritten() {
        let status = LoadStatus(write: nil)
        status.reading(1, 2)
        status.clear()
        // and a command whose stderr is a pipe prints its warnings alone
        let run = Run.dossier("list", "--corpus", Run.seeds, "--no-cache")
        #expect(run.status == 0)
        #expect(!run.stderr.contains("reading"))
    }
}
