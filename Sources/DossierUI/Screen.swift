/// A colour of the small palette the browser uses. The backend maps it to what the terminal
/// has (256, 8 or no colours).
public enum Color: UInt8, Sendable, Hashable, CaseIterable {
    case red = 1, green, yellow, blue, magenta, cyan, white, gray
}

public struct Style: Sendable, Hashable {
    public var foreground: Color?
    public var background: Color?
    public var bold = false
    public var reverse = false
    public var dim = false
    public var underline = false

    public init(foreground: Color? = nil, background: Color? = nil, bold: Bool = false, reverse: Bool = false,
                dim: Bool = false, underline: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.dim = dim
        self.underline = underline
    }

    public static let plain = Style()
}

/// One terminal cell: a character (a base scalar and any zero-width scalars after it), its
/// width, and its style. The cell after a wide character holds an empty continuation (width 0).
public struct Cell: Sendable, Hashable {
    public var text: String
    public var width: UInt8
    public var style: Style

    public static let blank = Cell(text: " ", width: 1, style: .plain)
}

public struct Size: Sendable, Hashable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }
}

public struct Rect: Sendable, Hashable {
    public var x: Int, y: Int, width: Int, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }
    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < x + width && py >= y && py < y + height }
    /// The area inside a one-cell border.
    public var inner: Rect { Rect(x: x + 1, y: y + 1, width: width - 2, height: height - 2) }
}

/// A grid of cells that `render` draws into and a backend copies to a terminal. Every write is
/// clipped to the grid (and to an optional clip rectangle): nothing draws outside its pane.
public struct Screen: Sendable, Equatable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: size.width * size.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * size.width + x]
    }

    /// Writes `text` at (x, y), at most `maxWidth` cells and never past `clip`; returns the
    /// cells used. Control characters are drawn as visible symbols; a wide character that does
    /// not fit is replaced by a space.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil, clip: Rect? = nil) -> Int {
        let area = clip ?? Rect(x: 0, y: 0, width: size.width, height: size.height)
        guard y >= area.y, y < area.y + area.height, y >= 0, y < size.height else { return 0 }
        let right = min(area.x + area.width, size.width, maxWidth.map { x + $0 } ?? Int.max)
        var col = x
        var lastCell: Int?
        for raw in text.unicodeScalars {
            let s = TerminalSafe.isControl(raw) ? TerminalSafe.visible(raw) : raw
            let w = DisplayWidth.of(s)
            if w == 0 {
                // zero-width: joins the previous character's cell
                if let last = lastCell { cells[last].text.unicodeScalars.append(s) }
                continue
            }
            if col + w > right {
                if w == 2, col < right, col >= max(area.x, 0) { set(col, y, Cell(text: " ", width: 1, style: style)) }
                break
            }
            if col >= max(area.x, 0) {
                set(col, y, Cell(text: String(s), width: UInt8(w), style: style))
                lastCell = y * size.width + col
                if w == 2 { set(col + 1, y, Cell(text: "", width: 0, style: style)) }
            }
            col += w
        }
        return col - x
    }

    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, x < size.width, y >= 0, y < size.height else { return }
        let i = y * size.width + x
        // overwriting half of a wide character blanks its other half
        if cells[i].width == 2, x + 1 < size.width { cells[i + 1] = Cell(text: " ", width: 1, style: cells[i].style) }
        if cells[i].width == 0, x > 0, cells[i - 1].width == 2 { cells[i - 1] = Cell(text: " ", width: 1, style: cells[i - 1].style) }
        cells[i] = cell
    }

    /// Fills a rectangle with spaces in a style.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        for yy in max(0, rect.y)..<min(size.height, rect.y + rect.height) {
            for xx in max(0, rect.x)..<min(size.width, rect.x + rect.width) { set(xx, yy, Cell(text: " ", width: 1, style: style)) }
        }
    }

    /// Applies a style change to every cell of a row range.
    public mutating func restyle(y: Int, from x0: Int, to x1: Int, _ change: (inout Style) -> Void) {
        guard y >= 0, y < size.height else { return }
        for xx in max(0, x0)..<min(size.width, x1) { change(&cells[y * size.width + xx].style) }
    }

    /// A border with a title; `unicode` false draws it in ASCII.
    public mutating func box(_ rect: Rect, title: String, style: Style, unicode: Bool) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let (h, v, tl, tr, bl, br) = unicode ? ("─", "│", "┌", "┐", "└", "┘") : ("-", "|", "+", "+", "+", "+")
        let clip = rect
        put(tl + String(repeating: h, count: rect.width - 2) + tr, x: rect.x, y: rect.y, style: style, clip: clip)
        put(bl + String(repeating: h, count: rect.width - 2) + br, x: rect.x, y: rect.y + rect.height - 1, style: style, clip: clip)
        for yy in (rect.y + 1)..<(rect.y + rect.height - 1) {
            put(v, x: rect.x, y: yy, style: style, clip: clip)
            put(v, x: rect.x + rect.width - 1, y: yy, style: style, clip: clip)
        }
        if !title.isEmpty, rect.width > 4 {
            put(" " + DisplayWidth.truncate(title, to: rect.width - 6) + " ", x: rect.x + 2, y: rect.y, style: style, clip: clip)
        }
    }

    /// The characters of one row (a wide character once), trailing spaces trimmed: what a
    /// terminal capture shows.
    public func row(_ y: Int) -> String {
        var out = ""
        for x in 0..<size.width { out += self[x, y].text }
        while out.hasSuffix(" ") { out.removeLast() }
        return out
    }

    public var text: String { (0..<size.height).map(row).joined(separator: "\n") }
}
