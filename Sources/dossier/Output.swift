import DossierUI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writing to stdout and stderr; text from articles is made terminal-safe when stdout is one.
enum Output {
    static var stdoutIsTerminal: Bool { isatty(1) == 1 }

    /// Columns of the terminal, or 80 when stdout is not one.
    static var width: Int {
        guard stdoutIsTerminal else { return 80 }
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    static func line(_ text: String) {
        write(text + "\n")
    }

    static func write(_ text: String) {
        let safe = stdoutIsTerminal ? TerminalSafe.text(text) : text
        FileHandle.standardOutput.write(Data(safe.utf8))
    }

    static func data(_ data: Data) {
        FileHandle.standardOutput.write(data)
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data("dossier: \(text)\n".utf8))
    }
}
