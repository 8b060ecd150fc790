import DossierModel

extension AppState {
    // MARK: source picker

    mutating func openPicker() {
        var list = ListView(items: Array(model.sources.indices))
        list.first(height: max(1, min(model.sources.count, size.height - 6)))
        picker = list
        pickerTicked = Set(model.sources.indices.filter { sourceFilter?.contains(model.sources[$0].name) ?? false })
    }

    mutating func handlePickerKey(_ key: Key) {
        guard var list = picker else { return }
        let height = max(1, min(model.sources.count, size.height - 6))
        switch key {
        case .char("j"), .down: list.move(1, height: height)
        case .char("k"), .up: list.move(-1, height: height)
        case .char("g"), .home: list.first(height: height)
        case .char("G"), .end: list.last(height: height)
        case .char(" "):
            if let i = list.selectedItem {
                if pickerTicked.contains(i) { pickerTicked.remove(i) } else { pickerTicked.insert(i) }
            }
        case .enter:
            // Enter with nothing ticked takes the highlighted source alone.
            var chosen = pickerTicked
            if chosen.isEmpty, let i = list.selectedItem { chosen = [i] }
            filters.removeAll { if case .sources = $0 { return true }; return false }
            filters.append(.sources(Set(chosen.map { model.sources[$0].name })))
            picker = nil
            refreshLists()
            showArticle(articles.selectedItem, top: 0)
            status = "sources: " + chosen.sorted().map { model.sources[$0].name ?? "(unknown)" }.joined(separator: ", ")
            return
        case .escape, .char("q"), .char("s"):
            picker = nil
            return
        default: break
        }
        picker = list
    }

    // MARK: actor filter, Esc, citation

    /// `a` on an actor or a quote: everything narrows to that actor.
    mutating func filterToActor() {
        let actor: Int?
        switch focus {
        case .actors: actor = actors.selectedItem
        case .quotes: actor = quotes.selectedItem.flatMap { model.corpus.quotes[$0].speaker }
        default: actor = nil
        }
        guard let actor else { status = "a: select an actor or a quote first"; return }
        filters.removeAll { if case .actor = $0 { return true }; return false }
        filters.append(.actor(actor))
        quotesOfActor = actor
        refreshLists()
        if let first = articles.selectedItem, readerArticle.map({ !articles.items.contains($0) }) ?? true {
            readerArticle = first
            readerTop = 0
        }
        status = "actor: " + model.corpus.actors[actor].name
    }

    /// `Esc`: takes off the most recent filter.
    mutating func popFilter() {
        guard let last = filters.popLast() else { markedQuote = nil; return }
        if case .actor = last { quotesOfActor = nil }
        refreshLists()
        status = "removed " + describe(last)
    }

    func describe(_ filter: Filter) -> String {
        switch filter {
        case .sources(let s): return "sources: " + s.map { $0 ?? "(unknown)" }.sorted().joined(separator: ", ")
        case .actor(let a): return "actor: " + model.corpus.actors[a].name
        case .search(let p, let q): return "\(p.title.lowercased()) /\(q)"
        }
    }

    /// `y`: the selected quote as a citation, to the clipboard (OSC 52) and the status bar.
    mutating func copyCitation() {
        let q = focus == .quotes ? quotes.selectedItem : (focus == .reader ? markedQuote : nil) ?? quotes.selectedItem
        guard let q else { status = "y: no quote selected"; return }
        let text = Citation.text(for: model.corpus.quotes[q], in: model)
        effects.append(.copy(text))
        status = "copied: " + text
    }
}

/// “…” — speaker, source, date, URL.
public enum Citation {
    public static func text(for quote: Quote, in model: BrowserModel) -> String {
        let article = model.articleIndex(of: quote.article).map { model.corpus.articles[$0] }
        var parts = [model.speakerName(quote)]
        if let s = article?.source { parts.append(s) }
        if let d = article?.date { parts.append(d.description) }
        if let u = article?.url { parts.append(u) }
        let words = squeezed(quote.text)
        return "“\(words)” — " + parts.joined(separator: ", ")
    }

    private static func squeezed(_ s: Substring) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The OSC 52 sequence that puts `text` on the terminal's clipboard.
    public static func osc52(_ text: String) -> String {
        "\u{1B}]52;c;" + base64(Array(text.utf8)) + "\u{07}"
    }

    static func base64(_ bytes: [UInt8]) -> String {
        let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var out = ""
        var i = 0
        while i < bytes.count {
            let b0 = Int(bytes[i]), b1 = i + 1 < bytes.count ? Int(bytes[i + 1]) : 0, b2 = i + 2 < bytes.count ? Int(bytes[i + 2]) : 0
            out.append(table[b0 >> 2])
            out.append(table[((b0 & 3) << 4) | (b1 >> 4)])
            out.append(i + 1 < bytes.count ? table[((b1 & 15) << 2) | (b2 >> 6)] : "=")
            out.append(i + 2 < bytes.count ? table[b2 & 63] : "=")
            i += 3
        }
        return out
    }
}

extension AppState {
    /// The state with filters already applied (`--source`, `--actor` on the command line).
    public func applying(filters new: [Filter]) -> AppState {
        var s = self
        for filter in new {
            s.filters.append(filter)
            if case .actor(let a) = filter { s.quotesOfActor = a }
        }
        s.refreshLists()
        if let first = s.articles.selectedItem { s.readerArticle = first; s.readerTop = 0 }
        s.refreshQuotes()
        return s
    }
}
