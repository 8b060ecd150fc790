import DossierModel

func renderArticles(_ state: AppState, _ area: Rect, _ theme: Theme, _ screen: inout Screen) {
    let model = state.model
    let height = max(1, area.height / Layout.itemHeight(.articles))
    let query = state.searchQuery(.articles).map(TextSearch.Needle.init)
    for (row, position, item) in state.articles.visible(height: height) {
        let a = model.corpus.articles[item]
        let y = area.y + row * Layout.itemHeight(.articles)
        let selected = position == state.articles.selected
        var titleStyle = selected ? theme.selected : (item == state.readerArticle ? theme.bold : .plain)
        if let query, model.articleMatches(item, query) { titleStyle.underline = true }
        screen.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: titleStyle)
        screen.put(DisplayWidth.truncate(TerminalSafe.text(a.title, keepNewlines: false), to: area.width), x: area.x, y: y,
                   style: titleStyle, clip: area)
        let quoteCount = model.quotesByArticle[item].filter { model.corpus.quotes[$0].kind == .speech }.count
        let meta = [a.source ?? "-", a.date?.description ?? "undated", "\(quoteCount)q"].joined(separator: " · ")
        var metaStyle = selected ? theme.selected : theme.dim
        metaStyle.dim = !selected
        if y + 1 < area.y + area.height {
            screen.fill(Rect(x: area.x, y: y + 1, width: area.width, height: 1), style: metaStyle)
            screen.put(DisplayWidth.truncate("  " + TerminalSafe.text(meta, keepNewlines: false), to: area.width), x: area.x,
                       y: y + 1, style: metaStyle, clip: area)
        }
    }
    if state.articles.isEmpty { screen.put("no articles match", x: area.x, y: area.y, style: theme.dim, clip: area) }
}

func renderActors(_ state: AppState, _ area: Rect, _ theme: Theme, _ screen: inout Screen) {
    let model = state.model
    let query = state.searchQuery(.actors).map(TextSearch.Needle.init)
    for (row, position, item) in state.actors.visible(height: area.height) {
        let actor = model.corpus.actors[item]
        let y = area.y + row
        var style: Style = position == state.actors.selected ? theme.selected : .plain
        if let query, model.actorMatches(item, query) { style.underline = true }
        screen.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: style)
        let numbers = " \(actor.mentions.count)m \(actor.articles.count)a"
        let numbersWidth = DisplayWidth.of(numbers)
        let nameRoom = max(1, area.width - numbersWidth)
        var name = (actor.kind == .organization ? "◆ " : "") + TerminalSafe.text(actor.name, keepNewlines: false)
        if !state.capabilities.unicode, actor.kind == .organization { name = "# " + actor.name }
        let used = screen.put(DisplayWidth.truncate(name, to: nameRoom), x: area.x, y: y, style: style, clip: area)
        if let role = actor.roles.first, used + 3 < nameRoom {
            var roleStyle = style
            roleStyle.dim = position != state.actors.selected
            screen.put(DisplayWidth.truncate(" · " + TerminalSafe.text(role, keepNewlines: false), to: nameRoom - used),
                       x: area.x + used, y: y, style: roleStyle, clip: area)
        }
        if area.width > numbersWidth { screen.put(numbers, x: area.x + area.width - numbersWidth, y: y, style: style, clip: area) }
    }
    if state.actors.isEmpty { screen.put("no actors", x: area.x, y: area.y, style: theme.dim, clip: area) }
}

func renderQuotes(_ state: AppState, _ area: Rect, _ theme: Theme, _ screen: inout Screen) {
    let model = state.model
    let height = max(1, area.height / Layout.quoteHeight)
    let query = state.searchQuery(.quotes).map(TextSearch.Needle.init)
    for (row, position, item) in state.quotes.visible(height: height) {
        let q = model.corpus.quotes[item]
        let y = area.y + row * Layout.quoteHeight
        let selected = position == state.quotes.selected
        let article = model.articleIndex(of: q.article).map { model.corpus.articles[$0] }
        var head = model.speakerName(q)
        head += " · " + (article?.source ?? "-") + " · " + (article?.date?.description ?? "undated")
        if q.kind != .speech { head += " · " + q.kind.rawValue }
        var headStyle = q.kind == .speech ? theme.speech(speaker: q.speaker) : theme.term
        headStyle.bold = true
        if selected { headStyle.reverse = true }
        screen.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: selected ? theme.selected : .plain)
        screen.put(DisplayWidth.truncate(TerminalSafe.text(head, keepNewlines: false), to: area.width), x: area.x, y: y,
                   style: headStyle, clip: area)
        let open = q.kind == .reported ? "" : "“", close = q.kind == .reported ? "" : "”"
        var lines = DisplayWidth.wrap(TerminalSafe.text(open + q.text + close, keepNewlines: false), width: max(1, area.width - 2))
        if lines.count > 2 {
            lines = [lines[0], DisplayWidth.truncate(lines[1...].joined(separator: " "), to: max(1, area.width - 2))]
        }
        var bodyStyle: Style = selected ? theme.selected : .plain
        if let query, model.quoteMatches(item, query) { bodyStyle.underline = true }
        for (i, line) in lines.enumerated() where y + 1 + i < area.y + area.height {
            screen.fill(Rect(x: area.x, y: y + 1 + i, width: area.width, height: 1), style: selected ? theme.selected : .plain)
            screen.put("  " + line, x: area.x, y: y + 1 + i, style: bodyStyle, clip: area)
        }
        if let group = q.group, y + 3 < area.y + area.height {
            let others = (model.corpus.quotesByGroup[group] ?? []).filter { model.corpus.quotes[$0].article != q.article }
                .compactMap { model.articleIndex(of: model.corpus.quotes[$0].article).map { model.corpus.articles[$0].source ?? model.corpus.articles[$0].id } }
            screen.put(DisplayWidth.truncate("  also in: " + others.joined(separator: ", "), to: area.width), x: area.x, y: y + 3,
                       style: theme.dim, clip: area)
        }
    }
    if state.quotes.isEmpty { screen.put("no quotes", x: area.x, y: area.y, style: theme.dim, clip: area) }
}

func renderReader(_ state: AppState, _ area: Rect, _ theme: Theme, _ screen: inout Screen) {
    let model = state.model
    guard let index = state.readerArticle else {
        screen.put("no article", x: area.x, y: area.y, style: theme.dim, clip: area)
        return
    }
    let text = model.readerText(article: index, width: area.width)
    // only the lines through the bottom of the pane are laid out
    let top = min(state.readerTop, max(0, text.count(showing: state.readerTop, rows: area.height) - 1))
    // Only what is on screen is highlighted: find the visible offsets first.
    let visible = text.lines(top..<(top + area.height))
    let low = visible.first { $0.kind == .body }?.start ?? 0
    let high = visible.last { $0.kind == .body }?.end ?? 0
    // Highlights by cleaned-text offset: quotes in their speaker's colour, the marked quote,
    // the selected actor's mentions in bold, search matches in reverse.
    var spans: [(Range<Int>, (inout Style) -> Void)] = []
    for q in model.quotesByArticle[index] {
        // fields read in place: a copy of each quote (its strings retained and released) was
        // most of a frame in an article with a hundred thousand quotes
        let (kind, start, end) = (model.corpus.quotes[q].kind, model.corpus.quotes[q].start, model.corpus.quotes[q].end)
        guard kind != .reported, end > low, start < high else { continue }
        let quote = model.corpus.quotes[q]
        let base: Style = quote.kind == .speech ? theme.speech(speaker: quote.speaker) : theme.term
        let marked = q == state.markedQuote
        spans.append((quote.start..<quote.end, { style in
            style.foreground = base.foreground ?? style.foreground
            style.underline = style.underline || base.underline || marked
            style.dim = style.dim || base.dim
            if marked { style.reverse = true }
        }))
    }
    let focusActor = state.actorFilter ?? state.quotesOfActor ?? (state.focus == .actors ? state.actors.selectedItem : nil)
    if let actor = focusActor {
        for m in model.corpus.mentions[index] where m.actor == actor && m.end > low && m.start < high {
            spans.append((m.start..<m.end, { $0.bold = true; $0.underline = true }))
        }
    }
    if let query = state.searchQuery(.reader) {
        for line in visible where line.kind == .body {
            for r in TextSearch.matches(in: line.text, query: query, limit: 200) {
                spans.append(((line.start + r.lowerBound)..<(line.start + r.upperBound), { $0.reverse = true }))
            }
        }
    }
    for (row, line) in visible.enumerated() {
        let y = area.y + row
        switch line.kind {
        case .title: screen.put(line.text, x: area.x, y: y, style: theme.bold, clip: area)
        case .meta: screen.put(line.text, x: area.x, y: y, style: theme.dim, clip: area)
        case .rule:
            screen.put(String(repeating: state.capabilities.unicode ? "─" : "-", count: area.width), x: area.x, y: y,
                       style: theme.dim, clip: area)
        case .blank: break
        case .body:
            var x = area.x
            var offset = line.start
            for s in line.text.unicodeScalars {
                var style = Style.plain
                for (range, apply) in spans where range.contains(offset) { apply(&style) }
                x += screen.put(String(s), x: x, y: y, style: style, clip: area)
                offset += 1
            }
        }
    }
    // A scroll position when the article is longer than the pane: how far into the text the
    // pane's last line is, as `less` gives it (the line count is known only once all is laid out).
    let shown = top + visible.count
    let atEnd = text.count(atLeast: shown + 1) == shown
    if top > 0 || !atEnd, area.width > 8 {
        let percent = atEnd ? 100 : min(99, (visible.last { $0.kind == .body }?.end ?? 0) * 100 / max(1, text.textLength))
        let label = " \(percent)% "
        screen.put(label, x: area.x + area.width - DisplayWidth.of(label), y: area.y + area.height, style: theme.dim)
    }
}
