import Foundation
import Synchronization

public enum CorpusError: Error, CustomStringConvertible, Equatable {
    case missing(String)
    case notAFolder(String)
    case empty(String)

    public var description: String {
        switch self {
        case .missing(let path): "corpus folder not found: \(path)"
        case .notAFolder(let path): "corpus is not a folder: \(path)"
        case .empty(let path): "no articles in corpus: \(path) (looked for .txt, .md and .jsonl files)"
        }
    }
}

/// Reads a corpus folder into cleaned articles with their metadata.
public enum CorpusLoader {
    public struct Result: Sendable {
        public var articles: [Article]
        public var warnings: [LoadWarning]
        /// Per corpus file, what it gave (for the cache).
        public var files: [LoadedFile] = []
        /// Stamps of the metadata.csv files: when one changes, every file is read again.
        var metadataStamps: [String: FileStamp] = [:]
        /// Ids of the articles taken over from `reusing` (their files did not change).
        var reusedIds: Set<String> = []

        /// Bytes of the files read, metadata.csv files included: the corpus size that memory and
        /// throughput are measured against.
        public var bytes: Int {
            files.reduce(0) { $0 + $1.stamp.size } + metadataStamps.values.reduce(0) { $0 + $1.size }
        }
    }

    /// `progress` hears how many bytes of the article files are done out of how many, each
    /// time another hundredth is (a feed counts as its records are cleaned, so that one big
    /// `.jsonl` file shows its progress too). `reusing`: an earlier result
    /// (from the cache); a file whose size and modification time are unchanged is not read
    /// again, its articles and warnings are taken from there; nor is one that is read again and
    /// holds the same bytes.
    /// `listing`: the folder's files as just listed (the cache lists them to judge its
    /// snapshot; a second walk of 100k files took a quarter of a second).
    public static func load(folder: String, reusing earlier: Result? = nil,
                            progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> Result {
        try load(folder: folder, reusing: earlier, listing: nil, progress: progress)
    }

    /// `spillFrom`: bytes of text from which the texts are moved to a file (`TextSpill`).
    static func load(folder: String, reusing earlier: Result?, listing: CorpusFiles.Listing?,
                     progress: (@Sendable (Int, Int) -> Void)?, spillFrom: Int = TextSpill.minimumBytes) throws -> Result {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw CorpusError.missing(folder)
        }
        guard isDirectory.boolValue else { throw CorpusError.notAFolder(folder) }

        let listed = listing ?? CorpusFiles.listing(root: folder)
        var warnings = listed.warnings
        let entries = listed.entries

        // metadata.csv files first: each names files relative to its own folder.
        var given: [String: GivenMetadata] = [:]
        var metadataStamps: [String: FileStamp] = [:]
        for entry in entries where entry.kind == .metadata {
            metadataStamps[entry.relative] = entry.stamp
            let folderPrefix = entry.relative.split(separator: "/").dropLast().joined(separator: "/")
            guard case .success(let data) = CorpusFiles.read(entry.path) else {
                warnings.append(LoadWarning(file: entry.relative, reason: "cannot read; ignored"))
                continue
            }
            let rows = MetadataCSV.parse(String(decoding: data, as: UTF8.self), file: entry.relative) {
                warnings.append(LoadWarning(file: entry.relative, reason: $0))
            }
            for (file, meta) in rows {
                given[folderPrefix.isEmpty ? file : folderPrefix + "/" + file] = meta
            }
        }

        let articleEntries = entries.filter { $0.kind != .metadata }
        let overrides = given
        // an earlier result counts only when the metadata files are the same
        let prior = earlier.flatMap { $0.metadataStamps == metadataStamps ? PriorFiles($0) : nil }
        let bytesDone = LoadProgress(total: articleEntries.reduce(0) { $0 + $1.stamp.size }, report: progress)
        // An id is the path without its extension, unless two files differ only by it (`a.txt`,
        // `a.md`): both then keep their whole paths, or each one's quotes and mentions would be
        // looked up in the other's text.
        var stems: [String: Int] = [:]
        for entry in articleEntries { stems[stripExtension(entry.relative), default: 0] += 1 }
        let shared = stems
        // a corpus read whole that is large enough to move its texts to a file stages them there
        // as they are made: room for three times the files' bytes (a bad byte decodes to three)
        let staging = prior == nil && bytesDone.total >= max(1, spillFrom)
            ? TextSpill.Staging(capacity: 3 * bytesDone.total + (1 << 20)) : nil
        // a first open reads every file: from disk, their reads are started ahead of the threads
        // that take them
        let readAhead = prior == nil ? ReadAhead(paths: articleEntries.map(\.path)) : nil
        let build = { @Sendable (entry: CorpusFiles.Entry) -> ([Article], LoadedFile, Bool) in
            let stem = stripExtension(entry.relative)
            let idBase = shared[stem, default: 0] > 1 ? entry.relative : stem
            let stamp = entry.stamp
            // the file's bytes count as done when it returns, less what a feed counted as it went
            let counted = SharedCounter()
            defer { bytesDone.add(stamp.size - counted.value) }
            if let reused = prior?.unchanged(entry.relative, stamp, idBase: idBase) { return (reused.articles, reused.file, true) }
            let read = CorpusFiles.read(entry.path, notCached: readAhead.map { $0.notCached })
            let digest = (try? read.get()).map(ContentDigest.of) ?? 0
            // a new time on the same bytes gives the same articles: taken over, with the new stamp
            if digest != 0, var reused = prior?.unchanged(entry.relative, digest: digest, idBase: idBase) {
                reused.file.stamp = stamp
                return (reused.articles, reused.file, true)
            }
            let (list, notes) = buildArticles(entry, read: consume read, given: overrides, idBase: idBase) { part in
                counted.add(part)
                bytesDone.add(part)
            }
            return (list, LoadedFile(relative: entry.relative, stamp: stamp, digest: digest, articleIds: list.map(\.id),
                                     warnings: notes), false)
        }
        // files a batch at a time, so that a batch's texts go to the staging file in one write
        let batch = staging == nil ? 1 : 32
        let built = ParallelMap.map(Array(stride(from: 0, to: articleEntries.count, by: batch))) { start in
            readAhead?.reading(start)
            var made = articleEntries[start..<min(start + batch, articleEntries.count)].map(build)
            if let staging {
                var lists = made.map(\.0)
                staging.take(&lists)
                for k in made.indices { made[k].0 = lists[k] }
            }
            return made
        }.flatMap { $0 }
        var result = Result(articles: [], warnings: [], metadataStamps: metadataStamps)
        for (list, file, reused) in built {
            result.articles.append(contentsOf: list)
            warnings.append(contentsOf: file.warnings)
            result.files.append(file)
            if reused { result.reusedIds.formUnion(file.articleIds) }
        }
        result.articles = sortedByDate(result.articles)
        TextSpill.move(&result.articles, from: staging, minimumBytes: spillFrom)
        result.warnings = warnings
        return result
    }

    /// An earlier result's files by path, with their articles. The tables hold places in the
    /// earlier lists, not copies: a table of 100k articles by value copied every article (each
    /// field retained), a second and a tenth of memory on an incremental reopen of 100k.
    private struct PriorFiles: Sendable {
        let result: Result
        let fileAt: [String: Int]
        let articleAt: [String: Int]
        init(_ result: Result) {
            self.result = result
            var fileAt = [String: Int](minimumCapacity: result.files.count)
            for i in result.files.indices { fileAt[result.files[i].relative] = i }
            self.fileAt = fileAt
            var articleAt = [String: Int](minimumCapacity: result.articles.count)
            for i in result.articles.indices { articleAt[result.articles[i].id] = i }
            self.articleAt = articleAt
        }
        /// The file's articles when its stamp is unchanged and its ids are still made the same way.
        func unchanged(_ relative: String, _ stamp: FileStamp, idBase: String) -> (articles: [Article], file: LoadedFile)? {
            taken(relative, idBase: idBase) { $0.stamp == stamp }
        }

        /// The same when its bytes are unchanged (their digest and count).
        func unchanged(_ relative: String, digest: UInt64, idBase: String) -> (articles: [Article], file: LoadedFile)? {
            taken(relative, idBase: idBase) { $0.digest == digest }
        }

        private func taken(_ relative: String, idBase: String, if same: (LoadedFile) -> Bool) -> (articles: [Article], file: LoadedFile)? {
            guard let f = fileAt[relative] else { return nil }
            let file = result.files[f]
            guard same(file), file.articleIds.allSatisfy({ $0 == idBase || $0.hasPrefix(idBase + "#") }) else { return nil }
            let list = file.articleIds.compactMap { articleAt[$0].map { result.articles[$0] } }
            return list.count == file.articleIds.count ? (list, file) : nil
        }
    }

    /// Date order, undated last; ties by file.
    public static func sortedByDate(_ articles: [Article]) -> [Article] {
        articles.sorted { a, b in
            switch (a.date, b.date) {
            case let (x?, y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.file < b.file
            }
        }
    }

    /// `idBase`: the article's id (a JSONL record's gets `#line` after it).
    /// `read`: the file's bytes, or why they could not be read.
    /// The file's bytes, its text and (for a feed) its records are each let go once the next
    /// is made: one 317 MB feed held all of them at once, 1.4 GB at its peak.
    /// `progress`: hears, as a feed's lines are parsed and its records cleaned (each half of
    /// its bytes), how many more of its bytes are done; it may be called from several threads.
    static func buildArticles(_ entry: CorpusFiles.Entry, read: consuming Swift.Result<Data, CorpusFiles.ReadError>,
                              given: [String: GivenMetadata], idBase: String,
                              progress: @escaping @Sendable (Int) -> Void = { _ in }) -> ([Article], [LoadWarning]) {
        var warnings: [LoadWarning] = []
        let data: Data
        switch consume read {
        case .success(let d): data = d
        case .failure(let error):
            return ([], [LoadWarning(file: entry.relative, reason: error.message + "; skipped")])
        }
        let text: String
        switch TextDecoding.decode(consume data) {
        case .skipped(let why):
            return ([], [LoadWarning(file: entry.relative, reason: why + "; skipped")])
        case .text(let decoded, let notes):
            text = decoded
            warnings += notes.map { LoadWarning(file: entry.relative, reason: $0) }
        }
        switch entry.kind {
        case .text, .markdown:
            let article = ArticleBuilder.build(id: idBase, file: entry.relative, text: text,
                                               markdown: entry.kind == .markdown,
                                               given: given[entry.relative] ?? GivenMetadata())
            return ([article], warnings)
        case .jsonl:
            let half = entry.stamp.size / 2
            var records = JSONLRecords.parse(consume text, parsed: { done, lines in progress(half / max(1, lines) * done) }) {
                warnings.append(LoadWarning(file: entry.relative, reason: $0))
            }
            // cleaned on all cores, as the files of a folder are, a slice at a time, each slice's
            // texts let go once its articles are made
            var articles: [Article] = []
            articles.reserveCapacity(records.count)
            for start in stride(from: 0, to: records.count, by: 4096) {
                let range = start..<min(start + 4096, records.count)
                articles += ParallelMap.map(Array(records[range])) { record in
                    let file = "\(entry.relative)#\(record.line)"
                    let meta = record.given.overridden(by: given[file] ?? GivenMetadata())
                    return ArticleBuilder.build(id: "\(idBase)#\(record.line)", file: file, text: record.text,
                                                markdown: false, given: meta)
                }
                for i in range { records[i].text = "" }
                // the other half of the file's bytes in proportion to the records cleaned, the
                // last few left to the caller
                progress(half / max(1, records.count) * range.count)
            }
            return (articles, warnings)
        case .metadata:
            return ([], [])
        }
    }

    static func stripExtension(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return path }
        return String(path[..<dot])
    }
}

/// Cleans one text and settles its metadata: what was given wins over what is inferred.
public enum ArticleBuilder {
    public static func build(id: String, file: String, text: String, markdown: Bool, given: GivenMetadata) -> Article {
        let cleaned = ArticleCleaner.clean(text, markdown: markdown, findTitle: given.title == nil)
        let author = given.author ?? MetadataInference.author(cleaned)
        let title = given.title.map(Whitespace.normalize) ?? cleaned.title ?? fallbackTitle(file)
        return Article(id: id, file: file, title: title,
                       source: given.source ?? MetadataInference.source(cleaned, author: author),
                       author: author, date: given.date ?? MetadataInference.date(cleaned),
                       url: given.url, credit: cleaned.credit, paragraphs: cleaned.paragraphs,
                       removedLines: cleaned.removedLines)
    }

    static func fallbackTitle(_ file: String) -> String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        return CorpusLoader.stripExtension(name).replacingOccurrences(of: "_", with: " ")
    }
}

/// Runs a transform over all cores (or `$DOSSIER_THREADS` of them), keeping the input order.
/// Workers take the next item from a shared counter, so uneven items balance out.
public enum ParallelMap {
    public static let threads: Int = {
        if let text = ProcessInfo.processInfo.environment["DOSSIER_THREADS"], let n = Int(text), n >= 1 { return n }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }()

    public static func map<T: Sendable, R: Sendable>(_ items: [T], progress: (@Sendable (Int) -> Void)? = nil,
                                                     _ transform: @Sendable (T) -> R) -> [R] {
        if items.count < 2 || threads == 1 {
            return items.enumerated().map { i, item in
                if i % 256 == 255 { progress?(i + 1) }
                return transform(item)
            }
        }
        let slots = ResultSlots<R>(count: items.count)
        forEachIndex(items.count) { i in
            slots.set(i, transform(items[i]))
            if i % 256 == 255 { progress?(i + 1) }
        }
        return slots.takeValues()
    }

    /// Each item replaced by its transform, on all cores. Each old value is freed as its new
    /// one is made, where `map` holds every old and new value at once until it returns.
    public static func update<T: Sendable>(_ items: inout [T], _ transform: @Sendable (T) -> T) {
        update(&items) { _, item in transform(item) }
    }

    /// The same, `transform` hearing each item's index too.
    public static func update<T: Sendable>(_ items: inout [T], _ transform: @Sendable (Int, T) -> T) {
        items.withUnsafeMutableBufferPointer { buffer in
            let slots = SharedSlots(base: buffer.baseAddress)
            forEachIndex(buffer.count) { i in slots.base![i] = transform(i, slots.base![i]) }  // each index is one thread's alone
        }
    }

    /// The first of `range`, in order, for which `test` holds, tested in chunks on all cores.
    /// Chunks are handed out in order and none is started past a hit already found, so the
    /// answer is the one a loop would give, and the work past it is a chunk per core at most.
    /// `chunkDone`: called by the thread that tested a chunk, after it.
    public static func firstIndex(in range: Range<Int>, chunk: Int, where test: @Sendable (Int) -> Bool,
                                  chunkDone: @Sendable () -> Void = {}) -> Int? {
        let chunk = max(1, chunk)
        let chunks = (range.count + chunk - 1) / chunk
        guard chunks >= 2, threads > 1 else {
            var from = range.lowerBound
            while from < range.upperBound {
                let to = min(range.upperBound, from + chunk)
                defer { chunkDone() }
                if let hit = (from..<to).first(where: test) { return hit }
                from = to
            }
            return nil
        }
        let counter = SharedCounter(), found = SharedMinimum()
        DispatchQueue.concurrentPerform(iterations: min(threads, chunks)) { _ in
            while true {
                let c = counter.next()
                let from = range.lowerBound + c * chunk
                guard c < chunks, from < found.value else { break }
                for i in from..<min(range.upperBound, from + chunk) {
                    if i >= found.value { break }
                    if test(i) { found.lower(to: i); break }
                }
                chunkDone()
            }
        }
        return found.value == Int.max ? nil : found.value
    }

    /// `body` for each of `0..<count`, once, on all cores.
    private static func forEachIndex(_ count: Int, _ body: @Sendable (Int) -> Void) {
        guard count >= 2, threads > 1 else {
            for i in 0..<count { body(i) }
            return
        }
        let counter = SharedCounter()
        DispatchQueue.concurrentPerform(iterations: min(threads, count)) { _ in
            while true {
                let i = counter.next()
                guard i < count else { break }
                body(i)
            }
        }
    }
}

/// A count several threads add to; `next` hands out 0, 1, 2, ….
final class SharedCounter: @unchecked Sendable {
    private let count = Atomic<Int>(0)
    func next() -> Int { count.add(1, ordering: .relaxed).oldValue }
    /// Hands out `n` at once: the count before.
    func next(_ n: Int) -> Int { count.add(n, ordering: .relaxed).oldValue }
    var value: Int { count.load(ordering: .relaxed) }
    func add(_ n: Int) { count.add(n, ordering: .relaxed) }
}

/// Bytes done out of a total, added from several threads; `report` hears the count each time
/// it passes another hundredth of the total (and at the end), not on every file.
final class LoadProgress: @unchecked Sendable {
    private let done = Atomic<Int>(0)
    let total: Int
    private let report: (@Sendable (Int, Int) -> Void)?

    init(total: Int, report: (@Sendable (Int, Int) -> Void)?) {
        self.total = total
        self.report = report
    }

    func add(_ bytes: Int) {
        guard let report, bytes > 0 else { return }
        let now = done.add(bytes, ordering: .relaxed).newValue
        let step = max(1, total / 100)
        if now / step != (now - bytes) / step || now >= total { report(min(now, total), total) }
    }
}

/// The least value several threads have offered (`Int.max` until one does).
final class SharedMinimum: @unchecked Sendable {
    private let least = Atomic<Int>(Int.max)
    var value: Int { least.load(ordering: .relaxed) }
    func lower(to v: Int) { least.min(v, ordering: .relaxed) }
}

/// Write-once slots filled from several threads; each index is written by exactly one thread,
/// and all are read after the writers have finished.
final class ResultSlots<R>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<R?>
    private let count: Int
    init(count: Int) {
        self.count = count
        storage = UnsafeMutablePointer<R?>.allocate(capacity: count)
        storage.initialize(repeating: nil, count: count)
    }
    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }
    func set(_ i: Int, _ value: R) { storage[i] = value }
    /// The values, moved out: the slots are left empty. A copy retained every reference a value
    /// holds (an article's dozen strings), and the slots' release then let each go again.
    func takeValues() -> [R] {
        [R](unsafeUninitializedCapacity: count) { buffer, initialized in
            for i in 0..<count { (buffer.baseAddress! + i).initialize(to: (storage + i).move()!) }
            initialized = count
            storage.initialize(repeating: nil, count: count)
        }
    }
}
