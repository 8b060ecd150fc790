import DossierModel

extension AppState {
    /// Items of a pane that match a query.
    func matches(_ pane: Pane, _ query: String) -> [Int] {
        let q = query.lowercased()
        switch pane {
        case .articles: return articles.items.enumerated().filter { model.articleSearchText[$0.element].contains(q) }.map(\.offset)
        case .actors: return actors.items.enumerated().filter { model.actorSearchText[$0.element].contains(q) }.map(\.offset)
        case .quotes: return quotes.items.enumerated().filter { model.quoteSearchText[$0.element].contains(q) }.map(\.offset)
        case .reader:
            guard let article = readerArticle else { return [] }
            return TextSearch.matches(in: model.corpus.articles[article].text, query: query).map(\.lowerBound)
        }
    }

    mutating func handleSearchKey(_ key: Key) {
        guard let pane = typingSearch else { return }
        switch key {
        case .enter:
            typingSearch = nil
            filters.removeAll { if case .search(pane, _) = $0 { return true }; return false }
            if !searchDraft.isEmpty {
                filters.append(.search(pane, searchDraft))
                let count = matches(pane, searchDraft).count
                status = "/\(searchDraft): \(count) match\(count == 1 ? "" : "es")"
            }
            searchDraft = ""
            return
        case .escape:
            typingSearch = nil
            searchDraft = ""
            return
        case .backspace:
            if !searchDraft.isEmpty { searchDraft.removeLast() }
        case .char(let c):
            searchDraft.append(c)
        default:
            return
        }
        if !searchDraft.isEmpty { goToMatch(pane, searchDraft, forward: true, includeCurrent: true) }
    }

    /// `n` / `N`: the next or previous match of the focused pane's search.
    mutating func nextMatch(forward: Bool) {
        guard let query = searchQuery(focus) else { status = "no search in this pane (/ to search)"; return }
        goToMatch(focus, query, forward: forward, includeCurrent: false)
    }

    mutating func goToMatch(_ pane: Pane, _ query: String, forward: Bool, includeCurrent: Bool) {
        let found = matches(pane, query)
        guard !found.isEmpty else { status = "/\(query): no match"; return }
        let l = layout
        if pane == .reader {
            guard let text = readerText else { return }
            let topOffset = text.lines[min(readerTop, max(0, text.lines.count - 1))...].first { $0.kind == .body }?.start ?? 0
            let currentLine = readerTop
            let lineOf = { (offset: Int) in text.line(containing: offset) ?? 0 }
            let target: Int?
            if forward {
                target = found.first { includeCurrent ? $0 >= topOffset : lineOf($0) > currentLine + l.rows(.reader) / 3 } ?? found.first
            } else {
                target = found.last { lineOf($0) < currentLine + l.rows(.reader) / 3 } ?? found.last
            }
            if let target { scrollReader(toOffset: target) }
            return
        }
        let current = pane == .articles ? articles.selected : pane == .actors ? actors.selected : quotes.selected
        let target: Int
        if forward {
            target = found.first { includeCurrent ? $0 >= current : $0 > current } ?? found[0]
        } else {
            target = found.last { $0 < current } ?? found[found.count - 1]
        }
        switch pane {
        case .articles:
            articles.select(target, height: l.listRows(.articles))
            showArticle(articles.selectedItem, top: 0)
        case .actors:
            actors.select(target, height: l.listRows(.actors))
            followActor()
        case .quotes: quotes.select(target, height: l.listRows(.quotes))
        case .reader: break
        }
    }
}
