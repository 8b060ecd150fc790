/// Terminal cell widths, computed here rather than by the C library's `wcwidth`, so layout
/// does not depend on the locale and is the same in tests and in the terminal.
public enum DisplayWidth {
    /// Cells a scalar takes: 0 for combining marks, zero-width and format characters, 2 for
    /// East Asian wide and emoji, 1 otherwise. Control characters count 1: they are always
    /// drawn as a visible replacement (see `TerminalSafe`).
    @inline(__always)
    public static func of(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x300 { return 1 }
        if isZeroWidth(v, s) { return 0 }
        return isWide(v) ? 2 : 1
    }

    static func isZeroWidth(_ v: UInt32, _ s: Unicode.Scalar) -> Bool {
        switch v {
        case 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0x2066...0x206F, 0xFEFF, 0xFE00...0xFE0F,
             0xE0100...0xE01EF, 0x1160...0x11FF, 0xE0000...0xE007F:
            return true
        default:
            switch s.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: return true
            default: return false
            }
        }
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
             0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA,
             0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757,
             0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
             0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18AFF, 0x1B000...0x1B2FF,
             0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F64F,
             0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Cells a string takes.
    public static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        for s in text.unicodeScalars { total += of(s) }
        return total
    }

    /// The longest prefix that fits `width` cells, with `…` in the last cell when cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        var out = String.UnicodeScalarView()
        var used = 0
        for s in text.unicodeScalars {
            let w = of(s)
            if used + w > width - 1 { break }
            out.append(s)
            used += w
        }
        return String(out) + "…"
    }

    /// Pads with spaces to exactly `width` cells (truncating first when longer).
    public static func pad(_ text: String, to width: Int) -> String {
        let cut = truncate(text, to: width)
        return cut + String(repeating: " ", count: max(0, width - of(cut)))
    }

    /// Greedy word wrap to `width` cells; a word longer than a line is broken.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var w = of(word)
            var word = Substring(word)
            if lineWidth > 0, lineWidth + 1 + w <= width {
                line += " " + word
                lineWidth += 1 + w
                continue
            }
            if lineWidth > 0 { lines.append(line); line = ""; lineWidth = 0 }
            while w > width {
                var head = String.UnicodeScalarView()
                var used = 0
                var rest = word.unicodeScalars[...]
                while let s = rest.first, used + of(s) <= width || used == 0 {
                    head.append(s); used += of(s); rest = rest.dropFirst()
                }
                lines.append(String(head))
                word = Substring(String(String.UnicodeScalarView(rest)))
                w = of(word)
            }
            line = String(word)
            lineWidth = w
        }
        if lineWidth > 0 || lines.isEmpty { lines.append(line) }
        return lines
    }
}

/// Nothing from a file reaches the terminal as a control sequence: C0 and C1 controls (and
/// DEL) become visible symbols (`␛` for ESC).
public enum TerminalSafe {
    @inline(__always)
    public static func isControl(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x20 || (v >= 0x7F && v < 0xA0)
    }

    public static func visible(_ s: Unicode.Scalar) -> Unicode.Scalar {
        let v = s.value
        if v < 0x20 { return Unicode.Scalar(0x2400 + v)! }   // ␀ … ␟ (ESC is ␛)
        if v == 0x7F { return "\u{2421}" }                     // ␡
        return "\u{FFFD}"                                      // C1 controls
    }

    /// Keeps newlines and (when asked) tabs; every other control becomes visible.
    public static func text(_ text: String, keepNewlines: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if isControl(s), !(keepNewlines && s == "\n") {
                out.append(s == "\t" ? " " : visible(s))
            } else {
                out.append(s)
            }
        }
        return String(out)
    }
}
