import DossierModel
import DossierUI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

// dossier-bench: generates synthetic corpora and prints how fast Dossier handles them.
//
//   dossier-bench [--sizes 1000,10000,100000] [--dir DIR]   the table
//   dossier-bench generate N DIR                               write a corpus
//   dossier-bench measure DIR                                  one JSON line of figures
//   dossier-bench reopen DIR                                   reopening from the cache, as a fresh browser
//   dossier-bench changed DIR                                  reopening after one article was added
//   dossier-bench scripts DIR                                  a search miss in Latin and Cyrillic text
//
// Build with `swift build -c release --product dossier-bench`. Each size is measured in a child
// process so that peak memory belongs to that size alone; one-core throughput comes from a
// second child with DOSSIER_THREADS=1.

let arguments = Array(CommandLine.arguments.dropFirst())

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func peakRSSBytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Int(usage.ru_maxrss) * 1024
}

/// Resident memory now (the second field of /proc/self/statm, in pages).
func currentRSSBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
}

/// Times `body` and returns seconds.
func timed(_ body: () throws -> Void) rethrows -> Double {
    let t = now()
    try body()
    return now() - t
}

func measure(folder: String, extractOnly: Bool) throws {
    let start = now()
    var figures: [String: Double] = [:]
    // the browser's first frame does not wait for the corpus
    let loadingState = AppState.loading(size: Size(width: 120, height: 40), name: "bench")
    _ = render(loadingState, size: loadingState.size)
    figures["first_frame_ms"] = (now() - start) * 1000

    var loaded: CorpusLoader.Result!
    figures["load_clean_s"] = try timed { loaded = try CorpusLoader.load(folder: folder) }
    figures["rss_articles_bytes"] = Double(currentRSSBytes())
    // as the browser does: the search filters are made for its first, unanalysed model and
    // carried through the analysis; the name candidates are kept for the snapshot only
    var partial = Corpus(articles: loaded.articles, warnings: loaded.warnings, analyze: false)
    if !extractOnly {
        // the articles are shown at once, then again with their search filters
        figures["articles_shown_s"] = figures["load_clean_s"]! + timed { _ = BrowserModel(corpus: partial, name: "bench", makeSearchFilters: false) }
        figures["search_filters_s"] = timed { partial.buildSearchFilters() }
    }
    var analysed: Corpus!
    // as the browser does: the actors' model is made on a thread of its own as soon as they
    // are resolved, while the quotes are extracted
    let analysisStart = now()
    var actorsShown: Background<Double>?
    figures["analyse_s"] = timed {
        analysed = partial.analyzed { staged in
            actorsShown = Background {
                _ = BrowserModel(corpus: staged, name: "bench")
                return now() - analysisStart
            }
        }
    }
    figures["actors_shown_s"] = figures["load_clean_s"]! + (actorsShown?.value() ?? .nan)
    partial = Corpus(articles: [], analyze: false)  // its articles and filters are the analysed corpus's now
    var corpus: Corpus = analysed
    corpus.releaseNameCandidates()
    figures["rss_analysed_bytes"] = Double(currentRSSBytes())
    figures["index_s"] = figures["load_clean_s"]! + figures["analyse_s"]!
    figures["bytes"] = Double(loaded.bytes)
    figures["articles"] = Double(corpus.articles.count)
    figures["actors"] = Double(corpus.actors.count)
    figures["quotes"] = Double(corpus.quotes.count)
    if !extractOnly {
        var model: BrowserModel!
        figures["model_s"] = timed { model = BrowserModel(corpus: corpus, name: "bench") }
        figures["rss_model_bytes"] = Double(currentRSSBytes())
        var state = AppState(model: model, size: Size(width: 120, height: 40))
        // every pane: move, page, jump to the ends; update + render per key
        var worst = 0.0, total = 0.0, count = 0.0
        let script: [Key] = [.char("j"), .char("j"), .char("k"), .pageDown, .char("G"), .char("g"), .down, .enter]
        for pane in ["1", "2", "3", "4"] {
            for key in [Key.char(Character(pane))] + script {
                let t = timed { state = update(state, .key(key)); _ = render(state, size: state.size) }
                worst = max(worst, t); total += t; count += 1
            }
        }
        figures["key_worst_ms"] = worst * 1000
        figures["key_mean_ms"] = total / count * 1000
        // incremental search in the article list: each typed character
        state = update(state, .key(.char("1")))
        state = update(state, .key(.char("/")))
        var searchWorst = 0.0
        for (k, c) in "zzqx".enumerated() {
            let t = timed { state = update(state, .key(.char(c))); _ = render(state, size: state.size) }
            figures["search_key\(k + 1)_ms"] = t * 1000
            searchWorst = max(searchWorst, t)
        }
        figures["search_ms"] = searchWorst * 1000
        state = update(state, .key(.escape))
        // a query that matches: the selection stops at the first hit
        state = update(state, .key(.char("/")))
        var hitWorst = 0.0
        for c in "vote" {
            let t = timed { state = update(state, .key(.char(c))); _ = render(state, size: state.size) }
            hitWorst = max(hitWorst, t)
        }
        figures["search_hit_ms"] = hitWorst * 1000
        state = update(state, .key(.escape))
        figures["search_scan_ms"] = slowestSearchKey(&state, unfilteredMiss) * 1000
        figures["search_accented_ms"] = slowestSearchKey(&state, accentedMiss) * 1000
        // what of the texts' files those searches, which read every text, left resident
        let (resident, size) = corpus.textPages().residentKilobytes
        (figures["text_pages_resident_kb"], figures["text_pages_kb"]) = (Double(resident), Double(size))
        // the reader's own search, in the list's first article: every key finds every match
        state = update(state, .key(.char("g")))
        state = update(state, .key(.enter))
        figures["reader_search_ms"] = slowestSearchKey(&state, "said the") * 1000
        figures["reader_accented_search_ms"] = slowestSearchKey(&state, accentedMiss) * 1000
        state = update(state, .key(.char("1")))
        // `o` twice, back to back: by source, then by title (whose order the first key began
        // making on another thread), then back to date
        (figures["sort_source_ms"], figures["sort_title_ms"]) = sortKeys(&state)
        // source filter: pick the first source, apply
        figures["filter_ms"] = timed {
            state = update(state, .key(.char("s")))
            state = update(state, .key(.char(" ")))
            state = update(state, .key(.enter))
            _ = render(state, size: state.size)
        } * 1000
        // actor filter: the most mentioned person, `a`
        state = update(state, .key(.escape))
        state = update(state, .key(.char("2")))
        state = update(state, .key(.char("g")))
        figures["actor_filter_ms"] = timed {
            state = update(state, .key(.char("a")))
            _ = render(state, size: state.size)
        } * 1000
    }
    figures["peak_rss_before_snapshot_bytes"] = Double(peakRSSBytes())
    // reopening from the cache: the snapshot is written (with the name candidates, as on a
    // first open), then read back to a full corpus; the peak counts the writing
    // (in the folder the table names, which then times a reopen in a fresh process from it)
    let given = ProcessInfo.processInfo.environment["DOSSIER_BENCH_CACHE"]
    let cacheFolder = given ?? FileManager.default.temporaryDirectory.appendingPathComponent("bench-cache-\(getpid())").path
    defer { if given == nil { try? FileManager.default.removeItem(atPath: cacheFolder) } }
    if !extractOnly {
        figures["snapshot_write_s"] = timed { CorpusCache.store(analysed, loaded: loaded, folder: folder, cacheFolder: cacheFolder) }
        analysed = nil
        FreedMemory.release()
    }
    figures["peak_rss_bytes"] = Double(peakRSSBytes())
    if !extractOnly {
        // to the browser's fully indexed state: the corpus, then its model (search filters and all)
        var reopened: Corpus?
        var reopenedModel: BrowserModel?
        let reopenStart = now()
        reopened = CorpusCache.cached(folder: folder, cacheFolder: cacheFolder, searchFilters: true).corpus
        figures["reopen_corpus_s"] = now() - reopenStart
        if let reopened { reopenedModel = BrowserModel(corpus: reopened, name: "bench") }
        figures["reopen_s"] = now() - reopenStart
        figures["reopen_ok"] = reopened?.quotes.count == corpus.quotes.count && reopenedModel != nil ? 1 : 0
    }
    let json = figures.keys.sorted().map { "\"\($0)\": \(figures[$0]!)" }.joined(separator: ", ")
    print("{\(json)}")
}

func runChild(_ args: [String], threads: Int?, environment: [String: String] = [:]) -> [String: Double] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    process.arguments = args
    var env = ProcessInfo.processInfo.environment
    if let threads { env["DOSSIER_THREADS"] = String(threads) }
    env.merge(environment) { $1 }
    process.environment = env
    let pipe = Pipe()
    process.standardOutput = pipe
    try? process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let line = String(decoding: data, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? "{}"
    return (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Double]) ?? [:]
}

func table(sizes: [Int], dir: String) {
    print("| N | MB | load+clean+extract, 1 core | all cores | full index (actors shown at) | peak RSS (× corpus) | RSS after load / analysis | first frame | key worst / mean | sort: source / title | search: hit / no match / unfiltered miss / accented miss | filter: source / actor | reopen (fresh process): corpus / browser |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for n in sizes {
        let folder = dir + "/corpus-\(n)"
        if !FileManager.default.fileExists(atPath: folder + "/metadata.csv") {
            var generator = CorpusGenerator(seed: 42)
            _ = try? generator.write(count: n, to: URL(fileURLWithPath: folder))
        }
        // the snapshot the measure writes is reopened by a fresh process, as a user reopens (in
        // the measuring process, after a first open, the heap it left makes reading slower)
        let cacheHome = FileManager.default.temporaryDirectory.appendingPathComponent("bench-cache-home-\(getpid())-\(n)").path
        defer { try? FileManager.default.removeItem(atPath: cacheHome) }
        let all = runChild(["measure", folder], threads: nil, environment: ["DOSSIER_BENCH_CACHE": cacheHome + "/dossier"])
        let reopened = runChild(["reopen", folder], threads: nil, environment: ["XDG_CACHE_HOME": cacheHome])
        let one = runChild(["measure", folder, "--extract-only"], threads: 1)
        let mb = (all["bytes"] ?? 0) / 1e6
        func f(_ v: Double?, _ digits: Int = 1) -> String { v.map { String(format: "%.\(digits)f", $0) } ?? "?" }
        let oneRate = mb / ((one["index_s"] ?? .infinity))
        let allRate = mb / ((all["index_s"] ?? .infinity))
        let rss = (all["peak_rss_bytes"] ?? 0) / 1e6
        print("| \(n) | \(f(mb)) | \(f(oneRate)) MB/s | \(f(allRate)) MB/s | \(f(all["index_s"], 2)) s (\(f(all["actors_shown_s"], 2)) s) | \(f(rss, 0)) MB (\(f(rss / max(mb, 0.001), 2))×) | \(f((all["rss_articles_bytes"] ?? 0) / 1e6, 0)) / \(f((all["rss_analysed_bytes"] ?? 0) / 1e6, 0)) MB | \(f(all["first_frame_ms"])) ms | \(f(all["key_worst_ms"], 2)) / \(f(all["key_mean_ms"], 2)) ms | \(f(all["sort_source_ms"], 1)) / \(f(all["sort_title_ms"], 1)) ms | \(f(all["search_hit_ms"], 1)) / \(f(all["search_ms"], 1)) / \(f(all["search_scan_ms"], 1)) / \(f(all["search_accented_ms"], 1)) ms | \(f(all["filter_ms"], 1)) / \(f(all["actor_filter_ms"], 1)) ms | \(f(reopened["reopen_corpus_s"], 2)) / \(f(reopened["reopen_s"], 2)) s |")
    }
}

/// Times the hostile inputs of linear-time concern at two sizes each: time should double with
/// the size, not quadruple.
func hostile() throws {
    func time(_ name: String, _ text: String) throws -> Double {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        defer { try? FileManager.default.removeItem(at: folder) }
        return try timed { _ = try Corpus.load(folder: folder.path) }
    }
    let sentence = "Governor Mira Holt said that the budget “will pass this week,” she added, and the council agreed. "
    // (name, the smaller N, the text for N); each is timed at N and 2N
    let cases: [(String, Int, (Int) -> String)] = [
        ("one line of N MB", 10, { mb in "Huge\n\n" + String(repeating: sentence, count: mb * 1_000_000 / sentence.utf8.count) }),
        ("N×50k quote marks", 1, { n in "Marks\n\nHe said " + String(repeating: "” “a” ", count: n * 25_000) + "\n" }),
        ("N×1000 nested quotes", 1, { n in "Nested\n\nShe said: " + String(repeating: "“", count: n * 1000) + "deep" + String(repeating: "”", count: n * 1000) + "\n" }),
        ("N×2500-char words", 1, { n in "Word\n\n" + String(repeating: "x", count: n * 2500) + " said the analyst.\n" }),
        ("N×10k short fragments", 1, { n in "Frag\n\n" + String(repeating: "and then\n\n", count: n * 10_000) }),
        // one file of many stories: thousands of people, roles and quotes in one article
        ("N×1000 stories in one file", 2, { n in
            var generator = CorpusGenerator(seed: 7)
            return (0..<n * 1000).map { generator.article(number: $0).text }.joined(separator: "\n")
        }),
    ]
    print("| input | size 1 | size 2 | ratio (2 = linear) |")
    print("|---|---|---|---|")
    for (name, small, make) in cases {
        let a = try time("a.txt", make(small)), b = try time("b.txt", make(small * 2))
        print("| \(name.replacingOccurrences(of: "N", with: "\(small)")) | \(String(format: "%.2f", a)) s | \(String(format: "%.2f", b)) s | \(String(format: "%.2f", b / max(a, 0.0001))) |")
    }
}

/// Reopening as a fresh `dossier` browser does: the snapshot in the cache folder ($XDG_CACHE_HOME/
/// dossier) read back with the search filters, then the browser's model. When the snapshot is
/// missing or stale it is made, and nothing is timed: run again. (Checking first would read the
/// snapshot once untimed, and the timed read would then reuse the memory the first one freed.)
/// A query whose bytes, pairs and triples are in nearly every article but which none holds:
/// no search filter rules an article out, so typing it reads the text of the whole list.
let unfilteredMiss = "said the said"
/// A miss from its third key on, with a letter outside ASCII: the search compares scalar by
/// scalar around each "sa" (its longest plain run), so this reads the whole text for a common pair.
let accentedMiss = "saïd the said"

/// `o` three times (source, title, date order); the first two keys' update + render, in ms.
func sortKeys(_ state: inout AppState) -> (Double, Double) {
    var times: [Double] = []
    for _ in 0..<3 { times.append(timed { state = update(state, .key(.char("o"))); _ = render(state, size: state.size) } * 1000) }
    return (times[0], times[1])
}

/// Types `/query` into the article list and leaves the search; the slowest key's update + render.
func slowestSearchKey(_ state: inout AppState, _ query: String) -> Double {
    state = update(state, .key(.char("/")))
    var worst = 0.0
    for c in query {
        worst = max(worst, timed { state = update(state, .key(.char(c))); _ = render(state, size: state.size) })
    }
    state = update(state, .key(.escape))
    return worst
}

func reopen(folder: String) throws {
    let start = now()
    guard let corpus = CorpusCache.cached(folder: folder, searchFilters: true).corpus else {
        _ = try CorpusCache.load(folder: folder)
        print("{\"made_snapshot\": 1}")
        exit(0)
    }
    let read = now()
    let model = BrowserModel(corpus: corpus, name: "bench")
    let done = now()
    let peak = peakRSSBytes()
    // the first search after reopening reads every article's filter record for the first time
    var state = AppState(model: model, size: Size(width: 120, height: 40))
    let firstSearch = slowestSearchKey(&state, "zzqx")
    state = update(state, .key(.char("1")))
    // and one that no filter rules out reads every article's text from the snapshot's mapping
    let scan = slowestSearchKey(&state, unfilteredMiss)
    let accented = slowestSearchKey(&state, accentedMiss)
    let (bySource, byTitle) = sortKeys(&state)
    // the same misses in the actor pane (every actor), and in the quotes of the most mentioned
    // one (Enter on an actor lists its quotes): neither has a filter to rule items out
    state = update(state, .key(.char("3")))
    let actorScan = slowestSearchKey(&state, unfilteredMiss)
    state = update(state, .key(.char("g")))
    state = update(state, .key(.enter))
    let quoteCount = state.quotes.count
    let quoteScan = slowestSearchKey(&state, unfilteredMiss)
    let quoteAccented = slowestSearchKey(&state, accentedMiss)
    print("{\"actor_scan_search_ms\": \(actorScan * 1000), \"quote_scan_search_ms\": \(quoteScan * 1000), \"quotes_searched\": \(quoteCount), "
        + "\"quote_accented_search_ms\": \(quoteAccented * 1000), "
        + "\"reopen_corpus_s\": \(read - start), \"reopen_model_s\": \(done - read), \"reopen_s\": \(done - start), "
        + "\"peak_rss_bytes\": \(peak), \"first_search_ms\": \(firstSearch * 1000), \"scan_search_ms\": \(scan * 1000), "
        + "\"accented_search_ms\": \(accented * 1000), \"sort_source_ms\": \(bySource), \"sort_title_ms\": \(byTitle), "
        + "\"articles\": \(model.corpus.articles.count)}")
    exit(0)  // freeing a corpus of this size takes a while and is no part of reopening
}

/// Reopening after one article was added, as the browser does: the articles shown, then the
/// actors, then the whole analysis, then its snapshot stored. The corpus and its snapshot (in a
/// cache folder of the bench's own) are put back as they were afterwards, so that every run
/// measures the same.
func changed(folder: String) throws {
    let cacheFolder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-bench-changed").path
    let saved = cacheFolder + ".saved"
    let added = folder + "/zz-dossier-bench-added.txt"
    try? FileManager.default.removeItem(atPath: added)
    if try !CorpusCache.load(folder: folder, cacheFolder: cacheFolder).fromCache {
        print("{\"made_snapshot\": 1}")
        exit(0)
    }
    try? FileManager.default.removeItem(atPath: saved)
    try FileManager.default.copyItem(atPath: cacheFolder, toPath: saved)
    defer {
        try? FileManager.default.removeItem(atPath: added)
        try? FileManager.default.removeItem(atPath: cacheFolder)
        try? FileManager.default.moveItem(atPath: saved, toPath: cacheFolder)
    }
    try "Bench Minister Speaks\n\nBench Minister Lena Berg said: “Nothing here changes the rest.” She added: “Only this file.”\n"
        .write(toFile: added, atomically: true, encoding: .utf8)
    var figures: [String: Double] = [:]
    let start = now()
    var lookup = CorpusCache.cached(folder: folder, cacheFolder: cacheFolder, searchFilters: true)
    let loaded = try lookup.load(folder: folder)
    var partial = Corpus(articles: loaded.articles, warnings: loaded.warnings, analyze: false)
    figures["articles_shown_s"] = now() - start + timed { _ = BrowserModel(corpus: partial, name: "bench", makeSearchFilters: false) }
    partial.buildSearchFilters(given: lookup.searchFilters(for: loaded))
    _ = BrowserModel(corpus: partial, name: "bench")
    figures["searchable_s"] = now() - start
    let (prior, _) = lookup.handOver(for: loaded)
    let full = partial.analyzed(reusing: prior) { staged in
        _ = BrowserModel(corpus: staged, name: "bench")
        figures["actors_shown_s"] = now() - start
    }
    _ = BrowserModel(corpus: full, name: "bench")
    figures["complete_shown_s"] = now() - start
    figures["quotes"] = Double(full.quotes.count)
    CorpusCache.store(full, loaded: loaded, folder: folder, cacheFolder: cacheFolder)
    figures["stored_s"] = now() - start
    figures["peak_rss_bytes"] = Double(peakRSSBytes())
    print("{" + figures.keys.sorted().map { "\"\($0)\": \(figures[$0]!)" }.joined(separator: ", ") + "}")
}

// as the dossier program does
HeapGrowth.configure()

switch arguments.first {
case "hostile":
    try hostile()
case "generate":
    guard arguments.count == 3, let n = Int(arguments[1]) else { print("usage: dossier-bench generate N DIR"); exit(64) }
    var generator = CorpusGenerator(seed: 42)
    let bytes = try generator.write(count: n, to: URL(fileURLWithPath: arguments[2]))
    print("wrote \(n) articles, \(bytes) bytes, to \(arguments[2])")
case "reopen":
    guard arguments.count == 2 else { print("usage: dossier-bench reopen DIR"); exit(64) }
    try reopen(folder: arguments[1])
case "changed":
    guard arguments.count == 2 else { print("usage: dossier-bench changed DIR"); exit(64) }
    try changed(folder: arguments[1])
case "scripts":
    guard arguments.count == 2 else { print("usage: dossier-bench scripts DIR"); exit(64) }
    scriptSearch(folder: arguments[1])
case "measure":
    guard arguments.count >= 2 else { print("usage: dossier-bench measure DIR [--extract-only]"); exit(64) }
    try measure(folder: arguments[1], extractOnly: arguments.contains("--extract-only"))
default:
    var sizes = [1000, 10000, 100000]
    var dir = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-bench").path
    var i = 0
    while i < arguments.count {
        if arguments[i] == "--sizes", i + 1 < arguments.count { sizes = arguments[i + 1].split(separator: ",").compactMap { Int($0) }; i += 1 }
        if arguments[i] == "--dir", i + 1 < arguments.count { dir = arguments[i + 1]; i += 1 }
        i += 1
    }
    table(sizes: sizes, dir: dir)
}
