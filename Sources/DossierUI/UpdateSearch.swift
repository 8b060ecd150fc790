import DossierModel

extension AppState {
    /// Whether the item at a list position of a pane matches; `search`: the article list's
    /// search for the needle (articles only).
    func itemMatches(_ pane: Pane, position: Int, _ needle: TextSearch.Needle, search: ArticleSearch?) -> Bool {
        switch pane {
        case .articles: return search.map { $0.matches(articles.items[position]) } ?? model.articleMatches(articles.items[position], needle)
        case .actors: return model.actorMatches(actors.items[position], needle)
        case .quotes: return model.quoteMatches(quotes.items[position], needle)
        case .reader: return false
        }
    }

    /// The next matching list position from `start` (wrapping). Typing a query stops at the
    /// first hit instead of matching the whole list; a query that few items hold is looked for
    /// on all cores, chunk by chunk in list order, so the hit is the one a loop would find.
    func findMatch(_ pane: Pane, _ query: String, from start: Int, forward: Bool) -> Int? {
        let count = pane == .articles ? articles.count : pane == .actors ? actors.count : quotes.count
        guard count > 0 else { return nil }
        let needle = TextSearch.Needle(query)
        let search = pane == .articles ? model.articleSearch(needle) : nil
        let position = { @Sendable (step: Int) in forward ? (start + step) % count : ((start - step) % count + count) % count }
        let model = model
        let step = ParallelMap.firstIndex(in: 0..<count, chunk: AppState.searchChunk, where: { step in
            itemMatches(pane, position: position(step), needle, search: search)
        }, chunkDone: {
            // the texts' and filters' pages read so far
            if pane != .actors { model.letGoOfSearchedPages() }
        })
        return step.map(position)
    }

    /// List items a search thread takes at a time: small enough that a hit near the start is
    /// found as soon as by a single loop, large enough that handing out chunks costs nothing.
    static let searchChunk = 1024

    /// Offsets of matches in the reader's article.
    func readerMatches(_ query: String) -> [Int] {
        guard let article = readerArticle else { return [] }
        return TextSearch.matches(in: model.corpus.articles[article].text, query: query).map(\.lowerBound)
    }

    mutating func handleSearchKey(_ key: Key) {
        guard let pane = typingSearch else { return }
        switch key {
        case .enter:
            typingSearch = nil
            filters.removeAll { if case .search(pane, _) = $0 { return true }; return false }
            if !searchDraft.isEmpty {
                filters.append(.search(pane, searchDraft))
                status = "/\(searchDraft): n next, N previous, Esc clears"
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
        let l = layout
        if pane == .reader {
            let found = readerMatches(query)
            guard !found.isEmpty, let text = readerText else { status = "/\(query): no match"; return }
            let topOffset = text.firstBodyStart(from: readerTop) ?? 0
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
        let start = includeCurrent ? current : (forward ? current + 1 : current - 1)
        let listed = pane == .articles ? articles.count : pane == .actors ? actors.count : quotes.count
        if let miss = searchMiss, miss.rulesOut(query, in: pane, listed: listed) { status = "/\(query): no match"; return }
        guard let target = findMatch(pane, query, from: start, forward: forward) else {
            searchMiss = SearchMiss(pane: pane, query: query, listed: listed)
            status = "/\(query): no match"
            return
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

/// A query that matched nothing in a pane's list as it stood. A longer query holding it cannot
/// match either, so typing on after a miss does not read the corpus again: at 100k articles
/// each key of a query that no search filter rules out read 236 MB of text.
///
/// "Holding" is judged on the folded queries (`Needle.implies`), the form the search compares,
/// so it holds for any letters: `MINISTÈRE` after a miss on `istè` is ruled out too.
struct SearchMiss: Sendable, Equatable {
    let pane: Pane
    let needle: TextSearch.Needle
    /// How many items the list held: a list filtered since then is searched again.
    let listed: Int

    init(pane: Pane, query: String, listed: Int) {
        self.pane = pane
        needle = TextSearch.Needle(query)
        self.listed = listed
    }

    func rulesOut(_ query: String, in pane: Pane, listed: Int) -> Bool {
        guard pane == self.pane, listed == self.listed, !needle.isEmpty else { return false }
        return TextSearch.Needle(query).implies(needle)
    }
}
