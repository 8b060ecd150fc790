import DossierModel

/// Draws the whole browser into a grid of cells. Pure: the same state and size give the same
/// screen.
public func render(_ state: AppState, size: Size) -> Screen {
    var screen = Screen(size: size)
    let layout = Layout(size: size, focus: state.focus, rightTab: state.rightTab)
    let theme = Theme(capabilities: state.capabilities)
    guard size.width > 0, size.height > 0 else { return screen }
    if layout.mode == .tooSmall {
        let lines = ["Dossier: too small", "\(size.width)×\(size.height), need \(Layout.minimum.width)×\(Layout.minimum.height)", "q quits"]
        for (y, line) in lines.enumerated() where y < size.height {
            screen.put(DisplayWidth.truncate(line, to: size.width), x: 0, y: y)
        }
        return screen
    }
    renderTitleBar(state, layout, theme, &screen)
    renderTabs(state, layout, theme, &screen)
    for (pane, rect) in layout.panes {
        let focused = pane == state.focus
        screen.box(rect, title: paneTitle(state, pane), style: theme.border(focused: focused), unicode: state.capabilities.unicode)
        switch pane {
        case .articles: renderArticles(state, rect.inner, theme, &screen)
        case .reader: renderReader(state, rect.inner, theme, &screen)
        case .actors: renderActors(state, rect.inner, theme, &screen)
        case .quotes: renderQuotes(state, rect.inner, theme, &screen)
        }
    }
    renderStatusBar(state, layout, theme, &screen)
    if state.helpVisible { renderHelp(state, size, theme, &screen) }
    if state.picker != nil { renderPicker(state, size, theme, &screen) }
    return screen
}

func paneTitle(_ state: AppState, _ pane: Pane) -> String {
    let number = pane.rawValue + 1
    switch pane {
    case .articles: return "\(number) Articles \(state.articles.count)"
    case .reader: return "\(number) Reader"
    case .actors: return "\(number) Actors \(state.actors.count)"
    case .quotes:
        if let actor = state.actorFilter ?? state.quotesOfActor {
            return "\(number) Quotes: \(state.model.corpus.actors[actor].name) \(state.quotes.count)"
        }
        return "\(number) Quotes \(state.quotes.count)"
    }
}

func renderTitleBar(_ state: AppState, _ layout: Layout, _ theme: Theme, _ screen: inout Screen) {
    let bar = layout.titleBar
    screen.fill(bar, style: theme.title)
    let corpus = state.model.corpus
    let reported = state.model.reportedCount
    var text = " Dossier · \(state.model.corpusName) · \(corpus.articles.count) articles · \(state.model.sidebarActors.count) actors"
    text += " · \(corpus.quotes.count - reported) quotes + \(reported) reported"
    text += " · sort: \(state.sort.rawValue)"
    screen.put(text, x: 0, y: bar.y, style: theme.title, maxWidth: bar.width)
}

func renderTabs(_ state: AppState, _ layout: Layout, _ theme: Theme, _ screen: inout Screen) {
    guard let tabs = layout.tabs else { return }
    let panes: [Pane] = layout.mode == .single ? Pane.allCases : [.actors, .quotes]
    let shown: Pane = layout.mode == .single ? state.focus : (state.focus == .actors || state.focus == .quotes ? state.focus : state.rightTab)
    screen.fill(tabs, style: theme.dim)
    let slot = max(1, tabs.width / panes.count)
    for (i, pane) in panes.enumerated() {
        let label = DisplayWidth.pad(" \(pane.rawValue + 1) \(pane.title)", to: slot)
        screen.put(label, x: tabs.x + i * slot, y: tabs.y, style: pane == shown ? theme.selected : theme.dim, maxWidth: slot,
                   clip: tabs)
    }
}

func renderStatusBar(_ state: AppState, _ layout: Layout, _ theme: Theme, _ screen: inout Screen) {
    let bar = layout.statusBar
    screen.fill(bar, style: theme.status)
    let corpus = state.model.corpus
    let counts = "\(state.articles.count)/\(corpus.articles.count) art · \(state.actors.count)/\(state.model.sidebarActors.count) act · \(state.quotes.count) q · ? help "
    var left: String
    if let loading = state.loading, state.typingSearch == nil {
        left = " ⏳ " + loading + (state.status.map { " · " + $0 } ?? "")
    } else if let pane = state.typingSearch {
        left = " /\(state.searchDraft)▏ (\(pane.title.lowercased()); Enter keeps, Esc cancels)"
    } else if let status = state.status {
        left = " " + status
    } else if !state.filters.isEmpty {
        left = " " + state.filters.map(state.describe).joined(separator: " · ") + " (Esc removes last)"
    } else {
        left = " Tab panes · j/k move · Enter open · / search · s sources · a actor · y copy · q quit"
    }
    let countsWidth = DisplayWidth.of(counts)
    let room = bar.width - countsWidth - 1
    if room >= 10 {
        screen.put(DisplayWidth.truncate(left, to: room), x: 0, y: bar.y, style: theme.status)
        screen.put(counts, x: bar.width - countsWidth, y: bar.y, style: theme.status)
    } else {
        screen.put(DisplayWidth.truncate(left, to: bar.width), x: 0, y: bar.y, style: theme.status)
    }
}
