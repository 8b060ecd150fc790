import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A snapshot of an analysed corpus, so that reopening an unchanged corpus skips the analysis
/// and a changed file is analysed alone.
///
/// Kept in `$XDG_CACHE_HOME/dossier` (else `~/.cache/dossier`), one file per corpus folder. The
/// header holds the version of the extraction rules and every file's size and modification
/// time. When all match, the snapshot is the corpus. When some files changed, appeared or went,
/// only those are read and searched for names and quotes; the rest comes from the snapshot, and
/// the corpus-wide steps (merging names, grouping quotes) run again. New rules, changed
/// metadata.csv files or a damaged snapshot mean a full rebuild (with a warning for damage).
/// Written to a temporary file and renamed into place, so that a reader never sees half a
/// snapshot and two runs at once do no harm.
public enum CorpusCache {
    /// Bump when cleaning or extraction changes what they produce, or the snapshot's layout
    /// changes.
    public static let rulesVersion = 36
    static let magic = "DOSSIER-CACHE"

    public static var folder: String {
        let env = ProcessInfo.processInfo.environment
        if let xdg = env["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/dossier" }
        return (env["HOME"] ?? NSTemporaryDirectory()) + "/.cache/dossier"
    }

    /// What the cache holds for a corpus folder.
    public struct Lookup: Sendable {
        /// The corpus, when the snapshot is current.
        public var corpus: Corpus?
        /// A snapshot made from other versions of some files: what it lends to a new analysis.
        public var stale: Snapshot?
        /// A warning when the snapshot was damaged.
        public var warnings: [LoadWarning] = []

        /// No snapshot (the cache is off, or there is none yet).
        public init() {}

        /// Reads the corpus folder for a new analysis, taking the unchanged files from a stale
        /// snapshot.
        public func load(folder: String, progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> CorpusLoader.Result {
            try stale?.reload(folder: folder, progress: progress) ?? CorpusLoader.load(folder: folder, progress: progress)
        }

        /// The stale snapshot's corpus when `loaded` (its `load`) found every file with the bytes
        /// it had: the same articles in the same order, so that an analysis would give the
        /// snapshot's corpus again. Its warnings are those of this load.
        public func unchanged(for loaded: CorpusLoader.Result) -> Corpus? {
            guard let stale, loaded.reusedIds.count == loaded.articles.count, loaded.articles.count == stale.corpus.articles.count,
                  loaded.articles.indices.allSatisfy({ loaded.articles[$0].id == stale.corpus.articles[$0].id }),
                  var corpus = stale.analysis?.corpus(articles: stale.corpus.articles, warnings: loaded.warnings + warnings,
                                                      idIndex: stale.corpus.articleIndexById)
            else { return nil }
            corpus.lentFilters = lentFilters(for: loaded)
            return corpus
        }

        /// Search filters for `loaded` (its `load`): a stale snapshot's records for the articles
        /// it lends, made for the rest; nil without a stale snapshot read from a file.
        public func searchFilters(for loaded: CorpusLoader.Result) -> TextFilterTable? {
            lentFilters(for: loaded).map { TextFilterTable(articles: loaded.articles, range: loaded.articles.indices, lent: $0) }
        }

        /// The stale snapshot's search filter records for the articles of `loaded` that it lends.
        func lentFilters(for loaded: CorpusLoader.Result) -> LentFilters? {
            guard let stale, let records = stale.filterRecords else { return nil }
            let earlier = loaded.articles.map { a in
                loaded.reusedIds.contains(a.id) ? Int32(stale.corpus.articleIndex(of: a.id) ?? -1) : -1
            }
            return LentFilters(records: records, earlierIndex: earlier)
        }

        /// What a stale snapshot lends to the analysis of `loaded`, and the lookup's warnings.
        /// The lookup then lets go of the snapshot: its lists are not needed past here, and the
        /// analysis should not run with them in memory.
        public mutating func handOver(for loaded: CorpusLoader.Result) -> (prior: PriorAnalysis?, warnings: [LoadWarning]) {
            defer { self = Lookup() }
            return (stale.flatMap { $0.prior(for: loaded) }, warnings)
        }
        init(corpus: Corpus? = nil, stale: Snapshot? = nil, warnings: [LoadWarning] = []) {
            self.corpus = corpus
            self.stale = stale
            self.warnings = warnings
        }
    }

    /// A snapshot read back: the corpus and what each file gave.
    public struct Snapshot: Sendable {
        var corpus: Corpus
        var loaded: CorpusLoader.Result
        /// The folder as listed when the snapshot was judged, for `reload` to go on from.
        var listing: CorpusFiles.Listing?
        /// Where a stale snapshot's search filters lie in its bytes, and (read from a file) the
        /// mapping that holds them.
        var filterOffset: Int?
        var filterRecords: FilterRecords?
        /// A stale snapshot's analysis, still in its bytes (its `corpus` holds the articles alone).
        var analysis: StoredAnalysis?

        /// Reads the corpus folder again, taking unchanged files from the snapshot.
        public func reload(folder: String, progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> CorpusLoader.Result {
            try CorpusLoader.load(folder: folder, reusing: loaded, listing: listing, progress: progress)
        }

        /// What the snapshot's analysis lends to that of `loaded` (a `reload`).
        public func prior(for loaded: CorpusLoader.Result) -> PriorAnalysis? {
            analysis.map { PriorAnalysis($0, of: corpus.articles, for: loaded.articles, unchanged: loaded.reusedIds) }
        }
    }

    /// The corpus, from the snapshot when it is current, else analysed (files unchanged since
    /// the snapshot are not read again) and the snapshot written. `fromCache` is true when
    /// nothing had changed, or no file's bytes had (the snapshot is then written with the new
    /// times, and nothing is analysed).
    public static func load(folder corpusFolder: String, cacheFolder: String = CorpusCache.folder,
                            progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> (corpus: Corpus, fromCache: Bool) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: corpusFolder, isDirectory: &isDirectory) else { throw CorpusError.missing(corpusFolder) }
        guard isDirectory.boolValue else { throw CorpusError.notAFolder(corpusFolder) }
        var lookup = cached(folder: corpusFolder, cacheFolder: cacheFolder)
        if let corpus = lookup.corpus { return (corpus, true) }
        let loaded = try lookup.load(folder: corpusFolder, progress: progress)
        // files touched but not changed: the snapshot's analysis stands, stored with their new times
        if var same = lookup.unchanged(for: loaded) {
            store(same, loaded: loaded, folder: corpusFolder, cacheFolder: cacheFolder)
            same.releaseNameCandidates()
            return (same, true)
        }
        // the snapshot's search filters of unchanged articles go to the next one as they are
        let lent = lookup.lentFilters(for: loaded)
        let (prior, warnings) = lookup.handOver(for: loaded)
        var corpus = Corpus(articles: loaded.articles, warnings: loaded.warnings, prior: prior)
        corpus.lentFilters = lent
        store(corpus, loaded: loaded, folder: corpusFolder, cacheFolder: cacheFolder)
        corpus.releaseNameCandidates()
        FreedMemory.release()
        corpus.warnings += warnings
        return (corpus, false)
    }

    /// The snapshot of a corpus folder: current, stale or none. `searchFilters`: whether a current
    /// snapshot's corpus comes with its articles' search filters (the browser's); a command that
    /// does not search is spared reading them.
    public static func cached(folder corpusFolder: String, cacheFolder: String = CorpusCache.folder,
                              searchFilters: Bool = false) -> Lookup {
        let root = URL(fileURLWithPath: corpusFolder).standardizedFileURL.path
        let path = snapshotPath(root, in: cacheFolder)
        // mapped, not copied: the snapshot can be larger than the corpus
        guard let file = MappedFile(path: path) else { return Lookup() }
        do {
            // The folder is listed (a stat of every file) from the start, on a thread of its
            // own, while the snapshot's header and checksum are read; the listing is kept for a
            // reload.
            let listing = Background { CorpusFiles.listing(root: root) }
            let listed = Mutex<CorpusFiles.Listing?>(nil)
            let judge: @Sendable (CorpusLoader.Result) -> Bool = { header in
                let listing = listing.value()
                listed.withLock { $0 = listing }
                return isCurrent(header, listing: listing)
            }
            guard let decoded = try decode(file, isCurrent: judge, searchFilters: searchFilters) else { return Lookup() }
            if decoded.current { return Lookup(corpus: decoded.snapshot.corpus) }
            var snapshot = decoded.snapshot
            snapshot.listing = listed.withLock { $0 }
            return Lookup(stale: snapshot)
        } catch {
            return Lookup(warnings: [LoadWarning(file: path, reason: "cache unreadable; rebuilt")])
        }
    }

    /// Writes the snapshot of an analysed corpus (write, then rename); `loaded` is what its
    /// articles were loaded from.
    public static func store(_ corpus: Corpus, loaded: CorpusLoader.Result, folder corpusFolder: String,
                             cacheFolder: String = CorpusCache.folder) {
        let root = URL(fileURLWithPath: corpusFolder).standardizedFileURL.path
        let path = snapshotPath(root, in: cacheFolder)
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        // streamed to a temporary file, then renamed into place
        let temporary = path + ".\(getpid()).\(UUID().uuidString.prefix(8)).tmp"
        guard let spill = BinarySpill(path: temporary) else { return }
        // what the analysis and browsing freed goes back first: the writing's own buffers
        // then take pages given back, not new ones (60 MB at 100k articles)
        FreedMemory.release()
        var w = BinaryWriter(spillingTo: spill)
        encode(corpus, loaded: loaded, into: &w)
        guard w.finish() else { unlink(temporary); return }
        if rename(temporary, path) != 0 { unlink(temporary) }
    }

    static func snapshotPath(_ root: String, in cacheFolder: String) -> String {
        // FNV-1a of the folder's path names its snapshot
        cacheFolder + "/" + String(FNV1a.hash(root.utf8), radix: 16) + ".snapshot"
    }

    /// Whether the folder holds exactly the files of the snapshot, each with the same size and
    /// modification time. The snapshot lists its files in the order a listing gives them, so
    /// the two are compared in step, without a table of 100k paths.
    static func isCurrent(_ loaded: CorpusLoader.Result, listing: CorpusFiles.Listing) -> Bool {
        var metadata: [String: FileStamp] = [:]
        var k = 0
        for entry in listing.entries {
            if entry.kind == .metadata { metadata[entry.relative] = entry.stamp; continue }
            guard k < loaded.files.count, loaded.files[k].relative == entry.relative,
                  loaded.files[k].stamp == entry.stamp else { return false }
            k += 1
        }
        return k == loaded.files.count && metadata == loaded.metadataStamps
    }
}
