import DossierModel

/// The browser's one state transition: `update(state, event) -> state`.
public func update(_ state: AppState, _ event: Event) -> AppState {
    var s = state
    s.effects = []
    switch event {
    case .resize(let size):
        // keep the reader on the same words: the text rewraps, so find them again
        let topOffset = s.readerTopOffset
        s.size = size
        s.relayout()
        if let topOffset, let line = s.readerText?.line(containing: topOffset) {
            s.readerTop = line
            s.clampReader()
        }
    case .mouse(let mouse):
        s.handleMouse(mouse)
    case .progress(let text):
        s.loading = text
    case .loaded(let model, let complete):
        s.adopt(model, complete: complete)
    case .key(let key):
        if s.typingSearch != nil {
            s.handleSearchKey(key)
        } else if s.helpVisible {
            if key == .char("q") || key == .escape || key == .char("?") { s.helpVisible = false }
        } else if s.picker != nil {
            s.handlePickerKey(key)
        } else {
            s.handleKey(key)
        }
    }
    return s
}

extension AppState {
    var layout: Layout { Layout(size: size, state: self) }

    /// Keeps every list's selection in view after a size change; the reader keeps its place.
    mutating func relayout() {
        let l = layout
        articles.scroll(height: l.listRows(.articles))
        actors.scroll(height: l.listRows(.actors))
        quotes.scroll(height: l.listRows(.quotes))
        clampReader()
    }

    mutating func handleKey(_ key: Key) {
        status = nil
        switch key {
        case .char("q"):
            quitting = true
            effects.append(.quit)
        case .char("?"): helpVisible = true
        case .tab: focus(Pane(rawValue: (focus.rawValue + 1) % 4)!)
        case .backTab: focus(Pane(rawValue: (focus.rawValue + 3) % 4)!)
        case .char("1"): focus(.articles)
        case .char("2"): focus(.reader)
        case .char("3"): focus(.actors)
        case .char("4"): focus(.quotes)
        case .char("j"), .down: move(1)
        case .char("k"), .up: move(-1)
        case .char("g"), .home: moveToEnd(first: true)
        case .char("G"), .end: moveToEnd(first: false)
        case .pageDown, .char(" "): page(1)
        case .pageUp: page(-1)
        case .enter: activate()
        case .char("/"):
            typingSearch = focus
            searchDraft = ""
        case .char("n"): nextMatch(forward: true)
        case .char("N"): nextMatch(forward: false)
        case .char("]"): jumpQuote(forward: true)
        case .char("["): jumpQuote(forward: false)
        case .char("o"):
            sort = sort.next
            refreshLists()
            model.articleOrders.prepare(sort.next)
            status = "sorted by \(sort.rawValue)"
        case .char("s"): openPicker()
        case .char("a"): filterToActor()
        case .escape: popFilter()
        case .char("y"): copyCitation()
        default: break
        }
    }

    mutating func focus(_ pane: Pane) {
        focus = pane
        if pane == .actors || pane == .quotes { rightTab = pane }
        if pane == .actors { followActor() }
    }

    // MARK: movement

    mutating func move(_ delta: Int) {
        let l = layout
        switch focus {
        case .articles:
            articles.move(delta, height: l.listRows(.articles))
            showArticle(articles.selectedItem, top: 0)
        case .reader: scrollReader(delta)
        case .actors:
            actors.move(delta, height: l.listRows(.actors))
            followActor()
        case .quotes: quotes.move(delta, height: l.listRows(.quotes))
        }
    }

    mutating func moveToEnd(first: Bool) {
        let l = layout
        switch focus {
        case .articles:
            first ? articles.first(height: l.listRows(.articles)) : articles.last(height: l.listRows(.articles))
            showArticle(articles.selectedItem, top: 0)
        case .reader: readerTop = first ? 0 : Int.max; clampReader()
        case .actors:
            first ? actors.first(height: l.listRows(.actors)) : actors.last(height: l.listRows(.actors))
            followActor()
        case .quotes:
            let h = l.listRows(.quotes)
            first ? quotes.first(height: h) : quotes.last(height: h)
        }
    }

    mutating func page(_ direction: Int) {
        let l = layout
        switch focus {
        case .articles:
            direction > 0 ? articles.pageDown(height: l.listRows(.articles)) : articles.pageUp(height: l.listRows(.articles))
            showArticle(articles.selectedItem, top: 0)
        case .reader: scrollReader(direction * max(1, l.rows(.reader) - 1))
        case .actors:
            direction > 0 ? actors.pageDown(height: l.listRows(.actors)) : actors.pageUp(height: l.listRows(.actors))
            followActor()
        case .quotes:
            let h = l.listRows(.quotes)
            direction > 0 ? quotes.pageDown(height: h) : quotes.pageUp(height: h)
        }
    }

    /// Moving onto an actor shows their quotes across the corpus in the quote pane.
    mutating func followActor() {
        guard let actor = actors.selectedItem else { return }
        if quotesOfActor != actor {
            quotesOfActor = actor
            refreshQuotes()
            quotes.first(height: layout.listRows(.quotes))
        }
    }

    mutating func showArticle(_ index: Int?, top: Int) {
        guard let index else { return }
        if readerArticle != index { markedQuote = nil }
        readerArticle = index
        readerTop = top
        quotesOfActor = nil
        refreshQuotes()
    }

    var readerText: ReaderText? {
        readerArticle.map { model.readerText(article: $0, width: layout.contentWidth(.reader)) }
    }

    /// The reader's article and width when it is long (a quarter of a million characters and
    /// more: `G` would wait a millisecond or more for the rest) and not laid out to its end: the
    /// rest can be made ahead while the keys are quiet (`BrowserModel.prepareReader`).
    public var unfinishedReader: ReaderPlace? {
        guard let article = readerArticle, let text = readerText, text.textLength >= 1 << 18, !text.isComplete else { return nil }
        return ReaderPlace(model: ObjectIdentifier(model), article: article, width: layout.contentWidth(.reader))
    }

    /// The cleaned-text offset of the first body line on screen.
    var readerTopOffset: Int? {
        guard let text = readerText, readerTop > 0, readerTop < text.count(showing: readerTop, rows: 1) else { return nil }
        return text.firstBodyStart(from: readerTop)
    }

    mutating func scrollReader(_ delta: Int) {
        readerTop += delta
        clampReader()
    }

    mutating func clampReader() {
        // the lines through the bottom of the pane: all of them only when that is past the end
        let rows = layout.rows(.reader)
        let count = readerText?.count(showing: readerTop, rows: rows) ?? 0
        readerTop = max(0, min(readerTop, max(0, count - rows)))
    }

    /// Puts a cleaned-text offset of the reader's article a third of the way down the pane.
    mutating func scrollReader(toOffset offset: Int) {
        guard let text = readerText, let line = text.line(containing: offset) else { return }
        readerTop = line - layout.rows(.reader) / 3
        clampReader()
    }

    // MARK: Enter, ], [

    mutating func activate() {
        switch focus {
        case .articles:
            showArticle(articles.selectedItem, top: 0)
            focus = .reader
        case .reader:
            jumpQuote(forward: true)
        case .actors:
            followActor()
            focus(.quotes)
        case .quotes:
            guard let q = quotes.selectedItem else { return }
            openQuote(q)
        }
    }

    /// Opens a quote's article in the reader, scrolled to the quote, which is marked.
    public mutating func openQuote(_ q: Int) {
        let quote = model.corpus.quotes[q]
        guard let article = model.articleIndex(of: quote.article) else { return }
        let keepActor = quotesOfActor
        if readerArticle != article { readerArticle = article; readerTop = 0 }
        markedQuote = q
        quotesOfActor = keepActor
        articles.select(item: article, height: layout.listRows(.articles))
        scrollReader(toOffset: quote.start)
        focus = .reader
    }

    /// `]` / `[`: the next or previous quote of the reader's article after the top line.
    mutating func jumpQuote(forward: Bool) {
        guard let article = readerArticle, let text = readerText else { return }
        let list = model.quotesByArticle[article].filter { model.corpus.quotes[$0].kind != .reported }
        guard !list.isEmpty else { status = "no quotes in this article"; return }
        let current = markedQuote.flatMap { list.firstIndex(of: $0) }
        var target: Int
        if let current {
            target = forward ? current + 1 : current - 1
        } else {
            let topOffset = text.firstBodyStart(from: readerTop) ?? 0
            target = forward ? (list.firstIndex { model.corpus.quotes[$0].start >= topOffset } ?? list.count)
                             : (list.lastIndex { model.corpus.quotes[$0].start < topOffset } ?? -1)
        }
        guard list.indices.contains(target) else { status = forward ? "last quote" : "first quote"; return }
        markedQuote = list[target]
        scrollReader(toOffset: model.corpus.quotes[list[target]].start)
    }

    // MARK: mouse

    mutating func handleMouse(_ mouse: Mouse) {
        let l = layout
        if let tabs = l.tabs, tabs.contains(x: mouse.x, y: mouse.y), mouse.action == .click {
            let panes: [Pane] = l.mode == .single ? Pane.allCases : [.actors, .quotes]
            let slot = (mouse.x - tabs.x) * panes.count / max(1, tabs.width)
            if panes.indices.contains(slot) { focus(panes[slot]) }
            return
        }
        guard let pane = l.pane(atX: mouse.x, y: mouse.y), let rect = l.panes[pane] else { return }
        switch mouse.action {
        case .wheelUp, .wheelDown:
            let delta = mouse.action == .wheelDown ? 3 : -3
            switch pane {
            case .articles: articles.scrollBy(delta, height: l.listRows(.articles))
            case .reader: scrollReader(delta)
            case .actors: actors.scrollBy(delta, height: l.listRows(.actors))
            case .quotes: quotes.scrollBy(delta > 0 ? 1 : -1, height: l.listRows(.quotes))
            }
        case .click:
            focus(pane)
            let row = mouse.y - rect.y - 1
            guard row >= 0 else { return }
            switch pane {
            case .articles:
                if let hit = articles.visible(height: l.listRows(.articles)).first(where: { $0.row == row / Layout.itemHeight(.articles) }) {
                    articles.select(hit.position, height: l.listRows(.articles))
                    showArticle(hit.item, top: 0)
                }
            case .actors:
                if let hit = actors.visible(height: l.listRows(.actors)).first(where: { $0.row == row }) {
                    actors.select(hit.position, height: l.listRows(.actors))
                    followActor()
                }
            case .quotes:
                let h = l.listRows(.quotes)
                if let hit = quotes.visible(height: h).first(where: { $0.row == row / Layout.quoteHeight }) {
                    quotes.select(hit.position, height: h)
                }
            case .reader: break
            }
        }
    }
}
