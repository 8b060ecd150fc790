import CNCursesW
import DossierUI
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The signal that asked us to stop, set by the handler and read by the input loop.
let pendingSignal = Atomic<Int32>(0)

/// The ncurses backend: it only sets the terminal up, copies each `Screen` to it (changed cells
/// only), turns input into `Event`s, and puts the terminal back.
final class TerminalSession {
    private(set) var capabilities = Capabilities()
    private var last: Screen?
    private var pairs: [Int16: Int16] = [:]   // colour → pair number
    private var screenPointer: OpaquePointer?

    /// Why the browser cannot start here, or nil when it can.
    static func refusal() -> String? {
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        if isatty(0) != 1 || isatty(1) != 1 || term.isEmpty || term == "dumb" {
            return "the browser needs a terminal (TERM unset, dumb, or not a tty); use `dossier list`, `dossier show ID` or `dossier export`"
        }
        return nil
    }

    /// Installs the signal handlers (before ncurses, which only adds its own where the default is
    /// set), then starts curses. Returns nil when the terminal type is unknown.
    init?() {
        _ = pendingSignal.load(ordering: .relaxed) // initialise outside the handler
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            signal(sig) { number in pendingSignal.store(number, ordering: .relaxed) }
        }
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        guard let screen = newterm(nil, dossier_stdout(), dossier_stdin()) else { return nil }
        screenPointer = screen
        set_term(screen)
        cbreak()
        noecho()
        nonl()
        keypad(dossier_stdscr(), true)
        set_escdelay(25)
        wtimeout(dossier_stdscr(), 50)
        curs_set(0)
        mousemask(dossier_mouse_mask, nil)
        mouseinterval(0)
        var colors = Capabilities.Colors.none
        if has_colors(), ProcessInfo.processInfo.environment["NO_COLOR"].map({ $0.isEmpty }) ?? true {
            start_color()
            use_default_colors()
            colors = dossier_colors() >= 256 ? .many : .eight
        }
        capabilities = Capabilities(colors: colors, unicode: codeset.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8")
    }

    var size: Size { Size(width: Int(dossier_cols()), height: Int(dossier_lines())) }

    func restore() {
        endwin()
        if let screenPointer { delscreen(screenPointer) }
        screenPointer = nil
    }

    // MARK: output

    func draw(_ screen: Screen) {
        let win = dossier_stdscr()
        if last?.size != screen.size { werase(win); last = nil }
        for y in 0..<screen.size.height {
            for x in 0..<screen.size.width {
                let cell = screen[x, y]
                if let last, last[x, y] == cell { continue }
                if cell.width == 0 { continue } // the right half of a wide character
                var chars = cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
                if chars.isEmpty { chars = [wchar_t(32)] }
                chars.append(0)
                _ = dossier_put_cell(win, Int32(y), Int32(x), chars, attributes(cell.style), pair(cell.style))
            }
        }
        wrefresh(win)
        last = screen
    }

    /// OSC 52: hand text to the terminal's clipboard.
    func copy(_ text: String) {
        let sequence = Citation.osc52(text)
        FileHandle.standardOutput.write(Data(sequence.utf8))
    }

    private func attributes(_ style: Style) -> attr_t {
        var a = dossier_A_NORMAL
        if style.bold { a |= dossier_A_BOLD }
        if style.reverse { a |= dossier_A_REVERSE }
        if style.underline { a |= dossier_A_UNDERLINE }
        if style.dim { a |= dossier_A_DIM }
        return a
    }

    private func pair(_ style: Style) -> Int16 {
        guard capabilities.colors != .none, let color = style.foreground else { return 0 }
        let number = Int16(color.rawValue)
        if let p = pairs[number] { return p }
        let curses: Int16
        switch color {
        case .gray: curses = capabilities.colors == .many ? 244 : 7
        default: curses = number
        }
        init_pair(number, curses, -1)
        pairs[number] = number
        return number
    }

    // MARK: input

    /// The next event, nil on a timeout (so that signals are noticed).
    func nextEvent() -> Event? {
        var ch: wint_t = 0
        let rc = wget_wch(dossier_stdscr(), &ch)
        if rc == ERR { return nil }
        if rc == dossier_KEY_CODE_YES {
            switch Int32(ch) {
            case KEY_UP: return .key(.up)
            case KEY_DOWN: return .key(.down)
            case KEY_LEFT: return .key(.left)
            case KEY_RIGHT: return .key(.right)
            case KEY_HOME: return .key(.home)
            case KEY_END: return .key(.end)
            case KEY_NPAGE: return .key(.pageDown)
            case KEY_PPAGE: return .key(.pageUp)
            case KEY_BTAB: return .key(.backTab)
            case KEY_BACKSPACE: return .key(.backspace)
            case KEY_ENTER: return .key(.enter)
            case KEY_RESIZE: return .resize(size)
            case KEY_MOUSE:
                var event = MEVENT()
                guard getmouse(&event) == OK else { return nil }
                let action: Mouse.Action
                if dossier_mouse_is_wheel_up(event.bstate) != 0 { action = .wheelUp }
                else if dossier_mouse_is_wheel_down(event.bstate) != 0 { action = .wheelDown }
                else if dossier_mouse_is_click(event.bstate) != 0 { action = .click }
                else { return nil }
                return .mouse(Mouse(x: Int(event.x), y: Int(event.y), action: action))
            default: return nil
            }
        }
        switch ch {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        default:
            guard let scalar = Unicode.Scalar(UInt32(ch)), !TerminalSafe.isControl(scalar) else { return nil }
            return .key(.char(Character(scalar)))
        }
    }
}
