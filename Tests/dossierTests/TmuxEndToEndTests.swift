import Foundation
import Testing

/// Drives the real binary in tmux, as a user would. Fails (never skips) when tmux is missing:
/// `.ci/run` installs it.
@Suite(.serialized) struct TmuxEndToEnd {
    static func findTmux() -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/tmux"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    final class Session {
        let tmux: String
        let socket = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-tmux-\(UUID().uuidString.prefix(8))").path

        /// Runs `command` (shell) in a new session; the pane stays after it exits and shows
        /// `EXIT=<status>`.
        init(tmux: String, width: Int, height: Int, command: String) {
            self.tmux = tmux
            let script = socket + ".sh"
            try? "trap : INT\n\(command)\necho EXIT=$?\nexec sleep 600\n".write(toFile: script, atomically: true, encoding: .utf8)
            run("new-session", "-d", "-x", "\(width)", "-y", "\(height)", "sh \(script)")
        }

        @discardableResult
        func run(_ args: String...) -> Run { Run.program(tmux, ["-S", socket, "-f", "/dev/null"] + args) }

        func capture() -> String { run("capture-pane", "-p").stdout }

        func keys(_ keys: String...) { Run.program(tmux, ["-S", socket, "-f", "/dev/null", "send-keys"] + keys) }

        /// Polls the screen until `condition` holds, for up to five seconds.
        func waitFor(_ what: String, _ condition: (String) -> Bool) -> String {
            let deadline = Date().addingTimeInterval(5)
            var screen = capture()
            while !condition(screen), Date() < deadline {
                usleep(30_000)
                screen = capture()
            }
            if !condition(screen) { Issue.record("timed out waiting for \(what); screen:\n\(screen)") }
            return screen
        }

        func close() {
            run("kill-server")
            try? FileManager.default.removeItem(atPath: socket)
            try? FileManager.default.removeItem(atPath: socket + ".sh")
        }
    }

    @Test func theBrowserRunsInARealTerminal() throws {
        let tmux = try #require(TmuxEndToEnd.findTmux(), "tmux is required for the end-to-end test (apt-get install tmux)")
        let command = "LANG=C.UTF-8 SWIFT_BACKTRACE=enable=no \(Run.dossier) --corpus \(Run.seeds)"
        let session = Session(tmux: tmux, width: 120, height: 40, command: command)
        defer { session.close() }

        // four panes at 120×40, once the analysis is in (the status bar's key hints replace its
        // progress): the browser shows the articles first, then the actors, then the quotes
        var screen = session.waitFor("the four panes") { $0.contains("1 Articles 5") && $0.contains("4 Quotes") && $0.contains("Tab panes") }
        for title in ["1 Articles 5", "2 Reader", "3 Actors", "4 Quotes"] { #expect(screen.contains(title)) }
        #expect(screen.contains("Iranian Officials Rebuff Trump Meeting Offer"))

        // onto an actor: their quotes fill the quote pane
        session.keys("3", "j", "j")
        screen = session.waitFor("the actor's quotes") { $0.contains("Quotes: Ali Khamenei") && $0.contains("“cultural penetration”") }
        #expect(screen.contains("“cultural penetration”"), "\(screen)")

        // Enter goes to the quotes, Enter again jumps to the quote in its article
        session.keys("Enter")
        session.keys("Enter")
        screen = session.waitFor("the quote's article in the reader") { $0.contains("fear of what he called “cultural penetration”") }
        #expect(screen.contains("fear of what he called “cultural penetration”"))

        // source filter: tick the first source, apply
        session.keys("1", "s")
        _ = session.waitFor("the source picker") { $0.contains("Sources (Space ticks") }
        session.keys("Space", "Enter")
        // the whole new frame, not its first line: a capture can land while the terminal is
        // still being written, the list's title new and the rows below it old
        screen = session.waitFor("one article left") { $0.contains("1 Articles 1 ") && $0.contains("Why Iran's Rouhani refuses") }
        #expect(screen.contains("Why Iran's Rouhani refuses"))

        // resize to 80×24: actors and quotes become tabs
        session.run("resize-window", "-x", "80", "-y", "24")
        screen = session.waitFor("the 80-column layout") { $0.contains("3 Actors   4 Quotes") }
        #expect(screen.split(separator: "\n").allSatisfy { $0.count <= 80 })

        // q quits and the terminal is restored
        session.keys("q")
        screen = session.waitFor("the exit") { $0.contains("EXIT=0") }
        #expect(session.run("display", "-p", "#{alternate_on} #{cursor_flag}").stdout == "0 1\n")
    }

    @Test func sigtermAndSighupRestoreTheTerminal() throws {
        let tmux = try #require(TmuxEndToEnd.findTmux(), "tmux is required for the end-to-end test (apt-get install tmux)")
        for (signal, code) in [("TERM", 143), ("HUP", 129), ("INT", 130)] {
            // the inner shell becomes dossier (exec); a background job signals it a second later
            // `stty -g` before and after: the terminal modes must come back exactly
            let command = """
                before=$(stty -g)
                LANG=C.UTF-8 SWIFT_BACKTRACE=enable=no sh -c '(sleep 1; kill -\(signal) $$) & exec \(Run.dossier) --corpus \(Run.seeds)'
                code=$?
                [ "$before" = "$(stty -g)" ] && echo STTY=same || echo STTY=changed
                (exit $code)
                """
            let session = Session(tmux: tmux, width: 100, height: 30, command: command)
            let screen = session.waitFor("exit after SIG\(signal)") { $0.contains("EXIT=") }
            #expect(screen.contains("EXIT=\(code)"), "SIG\(signal)")
            #expect(screen.contains("STTY=same"), "SIG\(signal)")
            #expect(session.run("display", "-p", "#{alternate_on} #{cursor_flag}").stdout == "0 1\n", "SIG\(signal)")
            session.close()
        }
    }

    @Test func aResizeStormLeavesACorrectFrame() throws {
        let tmux = try #require(TmuxEndToEnd.findTmux(), "tmux is required for the end-to-end test (apt-get install tmux)")
        let command = "LANG=C.UTF-8 SWIFT_BACKTRACE=enable=no \(Run.dossier) --corpus \(Run.seeds)"
        let session = Session(tmux: tmux, width: 120, height: 40, command: command)
        defer { session.close() }
        _ = session.waitFor("the browser") { $0.contains("1 Articles 5") }
        // 100 resizes a second for 5 seconds, from a shell loop beside the test
        let storm = """
            i=0; while [ $i -lt 500 ]; do
              \(tmux) -S \(session.socket) -f /dev/null resize-window -x $((1 + i * 37 % 200)) -y $((1 + i * 13 % 60)) 2>/dev/null &
              sleep 0.01; i=$((i + 1)); done; wait
            """
        Run.program("/bin/sh", ["-c", storm])
        session.run("resize-window", "-x", "100", "-y", "30")
        let screen = session.waitFor("the frame after the storm") { $0.contains("1 Articles 5") && $0.contains("4 Quotes") }
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows.allSatisfy { $0.count <= 100 })
        #expect(rows.first?.hasPrefix(" Dossier · seeds") == true)
        #expect(!screen.contains("EXIT="))   // still running
        session.keys("q")
        let end = session.waitFor("the exit") { $0.contains("EXIT=") }
        #expect(end.contains("EXIT=0"))
    }

    @Test func withoutATerminalTheBrowserSaysWhatToUse() {
        let run = Run.dossier("--corpus", Run.seeds)
        #expect(run.status == 2)
        #expect(run.stderr.contains("dossier list"))
        #expect(Run.dossier("browse", environment: ["TERM": "dumb"]).status == 2)
    }
}

@Suite(.serialized) struct TerminalEscapes {
    @Test func escapesInAFileNeverReachTheTerminal() throws {
        let tmux = try #require(TmuxEndToEnd.findTmux(), "tmux is required for the end-to-end test (apt-get install tmux)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("esc-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "Evil \u{1B}]0;pwned\u{07}Title\n\nBody \u{1B}[2J\u{1B}[31mred\u{07} text.\n"
            .write(to: folder.appendingPathComponent("evil.txt"), atomically: true, encoding: .utf8)
        for args in ["list", "show evil", ""] {
            let run = "\(Run.dossier) \(args) --corpus \(folder.path)"
            // the browser is stopped by SIGTERM a second after it starts
            let command = args.isEmpty ? "LANG=C.UTF-8 sh -c '(sleep 1; kill $$) & exec \(run)'" : "LANG=C.UTF-8 \(run)"
            let session = TmuxEndToEnd.Session(tmux: tmux, width: 100, height: 30, command: command)
            let screen = session.waitFor("output of '\(args)'") { $0.contains("EXIT=") || $0.contains("␛") }
            #expect(screen.contains("␛]0;pwned␇"), "\(args): \(screen)")
            #expect(session.run("display", "-p", "#{pane_title}").stdout.contains("pwned") == false, "\(args)")
            session.close()
        }
    }
}
