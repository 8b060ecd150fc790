/// The help overlay and the source picker, drawn over the panes in a centred box.
let helpLines: [(String, String)] = [
    ("Tab / Shift-Tab", "next / previous pane"),
    ("1 2 3 4", "articles, reader, actors, quotes"),
    ("j k ↓ ↑", "move; in the reader, scroll"),
    ("g G Home End", "first / last"),
    ("PgUp PgDn Space", "page"),
    ("Enter", "open article; actor: its quotes; quote: jump to it"),
    ("] [", "next / previous quote in the reader"),
    ("/", "search the focused pane (Enter keeps, Esc cancels)"),
    ("n N", "next / previous match"),
    ("s", "pick sources (Space ticks, Enter applies)"),
    ("a", "filter everything to the selected actor"),
    ("Esc", "remove the most recent filter"),
    ("o", "sort articles: date, source, title"),
    ("y", "copy the selected quote as a citation"),
    ("?", "this help"),
    ("q", "quit (closes help or picker first)"),
]

func overlayRect(_ size: Size, width: Int, height: Int) -> Rect {
    let w = min(size.width - 2, width), h = min(size.height - 2, height)
    return Rect(x: max(0, (size.width - w) / 2), y: max(0, (size.height - h) / 2), width: w, height: h)
}

func renderHelp(_ state: AppState, _ size: Size, _ theme: Theme, _ screen: inout Screen) {
    let rect = overlayRect(size, width: 76, height: helpLines.count + 2)
    guard rect.width > 4, rect.height > 2 else { return }
    screen.fill(rect)
    screen.box(rect, title: "Keys (? or q closes)", style: theme.border(focused: true), unicode: state.capabilities.unicode)
    let inner = rect.inner
    for (i, (key, what)) in helpLines.enumerated() where i < inner.height {
        let used = screen.put(DisplayWidth.pad(key, to: 17), x: inner.x, y: inner.y + i, style: theme.bold, clip: inner)
        screen.put(what, x: inner.x + used, y: inner.y + i, clip: inner)
    }
}

func renderPicker(_ state: AppState, _ size: Size, _ theme: Theme, _ screen: inout Screen) {
    guard let picker = state.picker else { return }
    let sources = state.model.sources
    let rect = overlayRect(size, width: 50, height: min(sources.count, size.height - 6) + 2)
    guard rect.width > 4, rect.height > 2 else { return }
    screen.fill(rect)
    screen.box(rect, title: "Sources (Space ticks, Enter applies)", style: theme.border(focused: true), unicode: state.capabilities.unicode)
    let inner = rect.inner
    for (row, position, item) in picker.visible(height: inner.height) {
        let source = sources[item]
        let tick = state.pickerTicked.contains(item) ? "[x] " : "[ ] "
        let label = tick + TerminalSafe.text(source.name ?? "(unknown)", keepNewlines: false)
        let count = " \(source.count)"
        let style: Style = position == picker.selected ? theme.selected : .plain
        screen.fill(Rect(x: inner.x, y: inner.y + row, width: inner.width, height: 1), style: style)
        screen.put(DisplayWidth.truncate(label, to: inner.width - DisplayWidth.of(count)), x: inner.x, y: inner.y + row, style: style, clip: inner)
        screen.put(count, x: inner.x + inner.width - DisplayWidth.of(count), y: inner.y + row, style: style, clip: inner)
    }
}
