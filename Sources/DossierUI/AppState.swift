import DossierModel

public enum Pane: Int, Sendable, CaseIterable {
    case articles, reader, actors, quotes

    public var title: String {
        switch self {
        case .articles: "Articles"
        case .reader: "Reader"
        case .actors: "Actors"
        case .quotes: "Quotes"
        }
    }
}

/// A filter the user applied; `Esc` takes off the most recent.
public enum Filter: Sendable, Equatable {
    case sources(Set<String?>)
    case actor(Int)
    case search(Pane, String)
}

public enum ArticleSort: String, Sendable, CaseIterable {
    case date, source, title

    /// The order `o` goes to from this one.
    var next: ArticleSort {
        let cycle = ArticleSort.allCases
        return cycle[(cycle.firstIndex(of: self)! + 1) % cycle.count]
    }
}

/// What the terminal can show.
public struct Capabilities: Sendable, Equatable {
    public enum Colors: Sendable, Equatable { case none, eight, many }
    public var colors: Colors
    public var unicode: Bool
    public init(colors: Colors = .many, unicode: Bool = true) {
        self.colors = colors
        self.unicode = unicode
    }
}

/// The whole browser state: a value, changed only by `update`.
public struct AppState: Sendable {
    public let model: BrowserModel
    public var size: Size
    public var capabilities: Capabilities
    public var focus: Pane = .articles
    /// The right column's tab when actors and quotes share it (80 columns).
    public var rightTab: Pane = .actors

    public var articles = ListView()
    public var actors = ListView()
    public var quotes = ListView()
    /// The quote pane follows the reader's article, or the actor last moved onto.
    public var quotesOfActor: Int?

    /// Article shown in the reader, its first visible line, and the quote marked by a jump.
    public var readerArticle: Int?
    public var readerTop = 0
    public var markedQuote: Int?

    public var sort: ArticleSort = .date
    public var filters: [Filter] = []

    /// Search being typed (`/`), in which pane, and the query so far.
    public var typingSearch: Pane?
    public var searchDraft = ""
    /// The last query that matched nothing in a pane's list (`SearchMiss`).
    var searchMiss: SearchMiss?

    public var helpVisible = false
    /// The source picker: sources (indices into `model.sources`) and the ticked ones.
    public var picker: ListView?
    public var pickerTicked: Set<Int> = []

    public var status: String?
    /// Loading in the background (shown in the status bar); nil once everything is in.
    public var loading: String?
    public var effects: [Effect] = []
    public var quitting = false

    /// The state before any article is read: the browser shows at once and fills in.
    public static func loading(size: Size, capabilities: Capabilities = Capabilities(), name: String) -> AppState {
        var state = AppState(model: BrowserModel(corpus: Corpus(articles: [], analyze: false), name: name), size: size,
                             capabilities: capabilities)
        state.loading = "reading the corpus…"
        return state
    }

    /// Takes a newer model, keeping what the user was doing: focus, sort, selections, filters.
    mutating func adopt(_ newModel: BrowserModel, complete: Bool) {
        var next = AppState(model: newModel, size: size, capabilities: capabilities)
        next.focus = focus
        next.rightTab = rightTab
        next.sort = sort
        next.helpVisible = helpVisible
        next.typingSearch = typingSearch
        next.searchDraft = searchDraft
        next.status = status
        next.loading = complete ? nil : "analysing actors and quotes…"
        // Actors are carried over by id: the earlier analysis that a browser shows while changed
        // files are analysed numbers them otherwise than the new one.
        let oldModel = model
        let carried = { (a: Int) in AppState.actor(a, of: oldModel, in: newModel) }
        // the user's filters stay (an actor's while it is there); those asked for on the command
        // line are added when they can be resolved (an actor only once the analysis is in)
        var kept = filters.compactMap { filter -> Filter? in
            if case .actor(let a) = filter { return carried(a).map(Filter.actor) }
            return filter
        }
        for filter in newModel.requestedFilters where !kept.contains(filter) { kept.append(filter) }
        next.filters = kept
        next.quotesOfActor = quotesOfActor.flatMap(carried)
        if case .actor(let a)? = next.filters.last(where: { if case .actor = $0 { return true }; return false }) { next.quotesOfActor = a }
        let keepArticle = articles.selectedItem.map { model.corpus.articles[$0].id }
        let keepTop = readerTop
        next.refreshLists()
        if let id = keepArticle, let i = newModel.articleIndex(of: id) {
            next.articles.select(item: i, height: next.layout.listRows(.articles))
            next.readerArticle = i
            next.readerTop = keepTop
        } else if let first = next.articles.selectedItem {
            next.readerArticle = first
        }
        if let a = actors.selectedItem, let same = carried(a) {
            next.actors.select(item: same, height: next.layout.listRows(.actors))
        } else {
            next.actors.select(actors.selected, height: next.layout.listRows(.actors))
        }
        next.refreshQuotes()
        self = next
    }

    /// The index in `new` of actor `a` of `old`, found by id; nil when `new` has no such actor.
    static func actor(_ a: Int, of old: BrowserModel, in new: BrowserModel) -> Int? {
        let before = old.corpus.actors, after = new.corpus.actors
        guard before.indices.contains(a) else { return nil }
        // the same numbering, as from the actors' stage of an analysis to the whole of it
        if after.indices.contains(a), after[a].id == before[a].id { return a }
        return after.firstIndex { $0.id == before[a].id }
    }

    public init(model: BrowserModel, size: Size, capabilities: Capabilities = Capabilities()) {
        self.model = model
        self.size = size
        self.capabilities = capabilities
        refreshLists()
        if let first = articles.selectedItem { readerArticle = first }
        refreshQuotes()
    }

    // MARK: filters

    public var sourceFilter: Set<String?>? {
        for case .sources(let s) in filters.reversed() { return s }
        return nil
    }

    public var actorFilter: Int? {
        for case .actor(let a) in filters.reversed() { return a }
        return nil
    }

    public func searchQuery(_ pane: Pane) -> String? {
        if typingSearch == pane, !searchDraft.isEmpty { return searchDraft }
        for case .search(let p, let q) in filters.reversed() where p == pane { return q }
        return nil
    }

    /// Indices (into `model.sources`) of the sources the filter keeps; nil when there is none.
    var chosenSources: SourceChoice? {
        guard let names = sourceFilter else { return nil }
        return SourceChoice(model.sources.indices.filter { names.contains(model.sources[$0].name) }, of: model.sources.count)
    }

    /// The articles that pass the source and actor filters, in corpus order; nil when no filter
    /// is on. Built from the model's per-source and per-actor lists, so that a filter costs
    /// what it keeps, not the size of the corpus.
    func passingArticles() -> [Int]? {
        let chosen = chosenSources
        if let actor = actorFilter {
            let own = model.articlesByActor[actor]
            guard let chosen else { return Array(own) }
            return own.filter { chosen.contains(model.articleSource[$0]) }
        }
        guard let chosen else { return nil }
        return chosen.members.flatMap { model.articlesBySource[$0] }.sorted()
    }

    /// Whether one article passes the filters (`chosen`: `chosenSources`, worked out once).
    func articlePasses(_ i: Int, chosen: SourceChoice?) -> Bool {
        if let chosen, !chosen.contains(model.articleSource[i]) { return false }
        if let actor = actorFilter {
            // the actor's articles are sorted: a binary search
            let own = model.articlesByActor[actor]
            var low = 0, high = own.count
            while low < high {
                let mid = (low + high) / 2
                if own[mid] < i { low = mid + 1 } else { high = mid }
            }
            return low < own.count && own[low] == i
        }
        return true
    }

    /// Rebuilds the article and actor lists after a filter or sort change.
    public mutating func refreshLists() {
        searchMiss = nil  // the lists it was a miss in are made again
        let layout = Layout(size: size, state: self)
        let list: [Int]
        let passing = passingArticles()
        if sort == .date {
            list = passing ?? Array(model.corpus.articles.indices)  // the corpus is in date order already
        } else {
            let order = model.articleOrders.order(sort)
            list = passing.map(order.arrange) ?? order.articles
        }
        articles.setItems(list, height: layout.listRows(.articles))

        var actorList = model.sidebarActors
        if let actor = actorFilter {
            actorList = actorList.filter { $0 == actor }
        } else if let chosen = chosenSources {
            actorList = actorList.filter { a in model.actorSources[a].contains { chosen.contains($0) } }
        }
        actors.setItems(actorList, height: layout.listRows(.actors))
        refreshQuotes()
    }

    /// The quote list: the chosen actor's quotes across the corpus, or the reader article's.
    public mutating func refreshQuotes() {
        let layout = Layout(size: size, state: self)
        var list: [Int]
        if let actor = actorFilter ?? quotesOfActor {
            list = Array(model.quotesByActor[actor])
        } else if let article = readerArticle {
            list = Array(model.quotesByArticle[article])
        } else {
            list = []
        }
        // each quote's article tested alone: this runs on every move in the article list
        let chosen = chosenSources
        list = list.filter { q in
            let article = Int(model.quoteArticle[q])
            return article >= 0 && articlePasses(article, chosen: chosen)
        }
        quotes.setItems(list, height: layout.listRows(.quotes))
    }
}

/// The sources a filter keeps, by their index in `BrowserModel.sources`: a flag per source, so
/// that the test run for each of 100k actors and articles is an array read, not a hash.
struct SourceChoice {
    let members: [Int]
    private let flags: [Bool]

    init(_ members: [Int], of count: Int) {
        self.members = members
        var flags = [Bool](repeating: false, count: count)
        for m in members where m >= 0 && m < count { flags[m] = true }
        self.flags = flags
    }

    func contains(_ source: Int) -> Bool { source >= 0 && source < flags.count && flags[source] }
}
