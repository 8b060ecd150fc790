import ArgumentParser
import DossierModel
import DossierUI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct Browse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse", abstract: "Open the terminal browser (the default).",
        discussion: "Needs a terminal; exits 2 otherwise. Press ? inside for the keys.")

    @OptionGroup var corpusOptions: CorpusOptions
    @Option(help: "Open filtered to this source.") var source: String?
    @Option(help: "Open filtered to this actor (name or alias).") var actor: String?

    func run() throws {
        if let why = TerminalSession.refusal() {
            Output.error(why)
            throw ExitCode(2)
        }
        let folder = corpusOptions.folder()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            Output.error("error: \(CorpusError.missing(folder))")
            throw ExitCode(66)
        }
        guard let terminal = TerminalSession() else {
            Output.error("error: unknown terminal type '\(ProcessInfo.processInfo.environment["TERM"] ?? "")'")
            throw ExitCode(2)
        }
        // The browser opens at once; the corpus is read and analysed on another thread and
        // arrives as events, so keys never wait for it.
        let inbox = Inbox()
        let name = URL(fileURLWithPath: folder).standardizedFileURL.lastPathComponent
        BackgroundLoad.start(folder: folder, name: name, source: source, actor: actor,
                             cacheFolder: corpusOptions.useCache ? CorpusCache.folder : nil, inbox: inbox)
        var state = AppState.loading(size: terminal.size, capabilities: terminal.capabilities, name: name)
        terminal.draw(render(state, size: state.size))
        var failure: String?
        var warnings: [LoadWarning] = []
        var idle = IdleWork<ObjectIdentifier>(), readerIdle = IdleWork<ReaderPlace?>()
        while !state.quitting && failure == nil {
            let signal = pendingSignal.load(ordering: .relaxed)
            if signal != 0 {
                terminal.restore()
                throw ExitCode(128 + signal)
            }
            var events = inbox.drain()
            if let event = terminal.nextEvent() { events.append(event) }
            if idle.turn(quiet: events.isEmpty, model: state.model) {
                let model = state.model
                Thread { model.prepareSortOrders() }.start()
            }
            // the rest of a long article's layout, so that `G` finds it made
            let unfinished = state.unfinishedReader
            if readerIdle.turn(quiet: events.isEmpty, key: unfinished), let unfinished {
                let model = state.model
                Thread { model.prepareReader(article: unfinished.article, width: unfinished.width) }.start()
            }
            guard !events.isEmpty || inbox.failure != nil else { continue }
            if let message = inbox.failure { failure = message; break }
            for event in events {
                if case .loaded(let model, _) = event { warnings = model.corpus.warnings }
                state = update(state, event)
                if case .loaded(_, true) = event, let filterError = inbox.filterError { state.status = filterError }
                for effect in state.effects {
                    if case .copy(let text) = effect { terminal.copy(text) }
                }
            }
            if !state.quitting { terminal.draw(render(state, size: state.size)) }
        }
        terminal.restore()
        // stderr was hidden while the browser ran
        for warning in warnings { Output.error("warning: \(TerminalSafe.text(warning.description, keepNewlines: false))") }
        if let failure {
            Output.error("error: \(failure)")
            throw ExitCode(66)
        }
    }
}

/// Events posted from the loading thread to the input loop.
final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [Event] = []
    private var failureText: String?
    private var filterText: String?

    /// Whether the complete model was posted: a stage made late is not shown after it.
    private var complete = false

    func post(_ event: Event) {
        lock.withLock {
            if case .loaded(_, true) = event { complete = true }
            events.append(event)
        }
    }

    /// Events of a stage of the analysis, unless the complete model is already posted.
    func postStage(_ stage: [Event]) { lock.withLock { if !complete { events += stage } } }
    func fail(_ message: String) { lock.withLock { failureText = message } }
    func filterProblem(_ message: String) { lock.withLock { filterText = message } }
    func drain() -> [Event] { lock.withLock { defer { events = [] }; return events } }
    var failure: String? { lock.withLock { failureText } }
    var filterError: String? { lock.withLock { filterText } }
}

enum BackgroundLoad {
    /// Reads and analyses the corpus in `folder` on a thread of its own, posting each stage to
    /// `inbox`; `cacheFolder`: where snapshots are kept (nil: the cache is off).
    static func start(folder: String, name: String, source: String?, actor: String?, cacheFolder: String?, inbox: Inbox) {
        let thread = Thread {
            do {
                // a current snapshot gives the whole analysis at once
                var lookup = cacheFolder.map { CorpusCache.cached(folder: folder, cacheFolder: $0, searchFilters: true) }
                    ?? CorpusCache.Lookup()
                if let corpus = lookup.corpus, !corpus.articles.isEmpty {
                    ProcessLifetime.keep(corpus)
                    inbox.post(.loaded(withFilters(BrowserModel(corpus: corpus, name: name), source: source, actor: actor, inbox: inbox), complete: true))
                    return
                }
                // a stale snapshot still gives the files that did not change
                let progress: @Sendable (Int, Int) -> Void = { done, total in
                    inbox.post(.progress("reading \(done * 100 / max(1, total))% of \(BackgroundLoad.size(total))"))
                }
                let loaded = try lookup.load(folder: folder, progress: progress)
                if loaded.articles.isEmpty { inbox.fail(CorpusError.empty(folder).description); return }
                // files touched but not changed: the snapshot's analysis stands, stored with their new times
                if var same = lookup.unchanged(for: loaded) {
                    same.buildSearchFilters(given: lookup.searchFilters(for: loaded))
                    var shown = same
                    shown.releaseNameCandidates()
                    ProcessLifetime.keep(shown)
                    inbox.post(.loaded(withFilters(BrowserModel(corpus: shown, name: name), source: source, actor: actor, inbox: inbox), complete: true))
                    if let cacheFolder { CorpusCache.store(same, loaded: loaded, folder: folder, cacheFolder: cacheFolder) }
                    return
                }
                var partial = Corpus(articles: loaded.articles, warnings: loaded.warnings, analyze: false)
                // the articles at once, their search reading every one while the search filters
                // are made (0.7 s at 100k; those of unchanged articles taken from the snapshot);
                // then with them, and the analysed corpus and its snapshot carry them on
                let unfiltered = BrowserModel(corpus: partial, name: name, makeSearchFilters: false)
                inbox.post(.loaded(withFilters(unfiltered, source: source, actor: nil, inbox: inbox), complete: false))
                partial.buildSearchFilters(given: lookup.searchFilters(for: loaded))
                inbox.post(.loaded(withFilters(BrowserModel(corpus: partial, name: name), source: source, actor: nil, inbox: inbox),
                                   complete: false))
                // After a change, the unchanged articles' names and quotes come from the stale
                // snapshot, where they stay until the analysis reads them: shown meanwhile, the
                // earlier analysis doubled the memory of merging every name again (2.9 times
                // the corpus at 100k, against 1.9 for a first open).
                let (prior, warnings) = lookup.handOver(for: loaded)
                inbox.post(.progress(prior == nil ? "analysing actors and quotes in \(partial.articles.count) articles…"
                                                  : "analysing the changes to \(partial.articles.count) articles…"))
                // the actors as soon as they are resolved, their model made on a thread of its own
                // while the quotes are extracted (and never shown after the complete one)
                let articleCount = partial.articles.count
                var full = partial.analyzed(reusing: prior) { staged in
                    Thread {
                        let model = withFilters(BrowserModel(corpus: staged, name: name), source: source, actor: nil, inbox: inbox)
                        inbox.postStage([.loaded(model, complete: false), .progress("analysing quotes in \(articleCount) articles…")])
                    }.start()
                }
                full.warnings += warnings
                // the browser has no use for the name candidates; the snapshot below does
                var shown = full
                shown.releaseNameCandidates()
                ProcessLifetime.keep(shown)
                let fullModel = BrowserModel(corpus: shown, name: name)
                inbox.post(.loaded(withFilters(fullModel, source: source, actor: actor, inbox: inbox), complete: true))
                if let cacheFolder { CorpusCache.store(full, loaded: loaded, folder: folder, cacheFolder: cacheFolder) }
                full = shown  // the name candidates go too, and with them the memory they held
                FreedMemory.release()
            } catch {
                inbox.fail("\(error)")
            }
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// A corpus size as the status bar gives it: `317 MB`, `20 KB`.
    static func size(_ bytes: Int) -> String {
        bytes >= 1_000_000 ? "\(bytes / 1_000_000) MB" : "\(max(1, bytes / 1000)) KB"
    }

    /// `--source` and `--actor`, resolved against the corpus as it arrives.
    static func withFilters(_ model: BrowserModel, source: String?, actor: String?, inbox: Inbox) -> BrowserModel {
        var filters: [Filter] = []
        if let source {
            if let match = model.sources.first(where: { Corpus.sourceMatches($0.name, source) }) {
                filters.append(.sources([match.name]))
            } else {
                inbox.filterProblem("no source matches '\(source)'")
            }
        }
        if let actor {
            if let index = model.corpus.actorIndex(matching: actor) { filters.append(.actor(index)) } else {
                inbox.filterProblem("no actor matches '\(actor)'")
            }
        }
        model.requestedFilters = filters
        return model
    }
}
