import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A snapshot of an analysed corpus, so that reopening an unchanged corpus skips the analysis.
///
/// Kept in `$XDG_CACHE_HOME/dossier` (else `~/.cache/dossier`), one file per corpus folder. The
/// header holds a fingerprint of every file (path, size, modification time) and the version of
/// the extraction rules; any difference means a rebuild. Written to a temporary file and renamed
/// into place, so that a reader never sees half a snapshot and two runs at once do no harm; a
/// snapshot that does not read back is rebuilt with a warning.
public enum CorpusCache {
    /// Bump when cleaning or extraction changes what they produce.
    public static let rulesVersion = 3
    static let magic = "DOSSIER-CACHE"

    public static var folder: String {
        let env = ProcessInfo.processInfo.environment
        if let xdg = env["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/dossier" }
        return (env["HOME"] ?? NSTemporaryDirectory()) + "/.cache/dossier"
    }

    /// The corpus, from the snapshot when it is current, else analysed (and the snapshot
    /// written). `fromCache` tells which.
    public static func load(folder corpusFolder: String, cacheFolder: String = CorpusCache.folder,
                            progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> (corpus: Corpus, fromCache: Bool) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: corpusFolder, isDirectory: &isDirectory) else { throw CorpusError.missing(corpusFolder) }
        guard isDirectory.boolValue else { throw CorpusError.notAFolder(corpusFolder) }
        let lookup = cached(folder: corpusFolder, cacheFolder: cacheFolder)
        if let corpus = lookup.corpus { return (corpus, true) }
        let loaded = try CorpusLoader.load(folder: corpusFolder, progress: progress)
        var corpus = Corpus(articles: loaded.articles, warnings: loaded.warnings)
        store(corpus, folder: corpusFolder, fingerprint: lookup.fingerprint, cacheFolder: cacheFolder)
        corpus.warnings += lookup.warnings
        return (corpus, false)
    }

    /// The snapshot's corpus when it is current; the fingerprint to store a new one under; a
    /// warning when the snapshot was damaged.
    public static func cached(folder corpusFolder: String, cacheFolder: String = CorpusCache.folder)
        -> (corpus: Corpus?, fingerprint: String, warnings: [LoadWarning]) {
        let root = URL(fileURLWithPath: corpusFolder).standardizedFileURL.path
        let fingerprint = self.fingerprint(root)
        let path = snapshotPath(root, in: cacheFolder)
        // mapped, not copied: the snapshot can be larger than the corpus
        guard FileManager.default.fileExists(atPath: path),
              let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else { return (nil, fingerprint, []) }
        do {
            return (try decode(data, fingerprint: fingerprint), fingerprint, [])
        } catch {
            return (nil, fingerprint, [LoadWarning(file: path, reason: "cache unreadable; rebuilt")])
        }
    }

    /// Writes the snapshot of an analysed corpus (write, then rename).
    public static func store(_ corpus: Corpus, folder corpusFolder: String, fingerprint: String,
                             cacheFolder: String = CorpusCache.folder) {
        let root = URL(fileURLWithPath: corpusFolder).standardizedFileURL.path
        write(encode(corpus, fingerprint: fingerprint), to: snapshotPath(root, in: cacheFolder))
    }

    static func snapshotPath(_ root: String, in cacheFolder: String) -> String {
        // FNV-1a of the folder's path names its snapshot
        var hash: UInt64 = 0xcbf29ce484222325
        for b in root.utf8 { hash = (hash ^ UInt64(b)) &* 0x100000001b3 }
        return cacheFolder + "/" + String(hash, radix: 16) + ".snapshot"
    }

    /// Rules version and every corpus file's path, size and modification time (nanoseconds).
    static func fingerprint(_ root: String) -> String {
        var parts = ["v\(rulesVersion)"]
        for entry in CorpusFiles.list(root: root, warn: { _, _ in }) {
            var st = stat()
            guard stat(entry.path, &st) == 0 else { continue }
            parts.append("\(entry.relative)|\(st.st_size)|\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)")
        }
        return parts.joined(separator: "\n")
    }

    static func write(_ data: Data, to path: String) {
        let dir = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let temporary = path + ".\(getpid()).\(UUID().uuidString.prefix(8)).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: data) else { return }
        if rename(temporary, path) != 0 { unlink(temporary) }
    }

    // MARK: encoding

    static func encode(_ c: Corpus, fingerprint: String) -> Data {
        var w = BinaryWriter()
        w.string(magic)
        w.string(fingerprint)
        w.int(c.warnings.count)
        for x in c.warnings { w.string(x.file); w.string(x.reason) }
        w.int(c.articles.count)
        for a in c.articles {
            w.string(a.id); w.string(a.file); w.string(a.title)
            w.optional(a.source); w.optional(a.author); w.optional(a.date?.description); w.optional(a.url); w.optional(a.credit)
            w.strings(a.removedLines)
            // the text once; paragraphs as ranges of it
            w.string(a.text)
            w.int(a.paragraphs.count)
            for p in a.paragraphs {
                w.int(p.start); w.int(p.end); w.int(p.sourceStart); w.int(p.sourceEnd); w.int(p.slice.utf8.count)
            }
        }
        // actors' mentions are rebuilt from the per-article lists
        w.int(c.actors.count)
        for a in c.actors {
            w.string(a.id); w.string(a.name); w.string(a.kind.rawValue); w.strings(a.aliases); w.strings(a.roles)
            w.strings(a.articles); w.optional(a.gender?.rawValue)
        }
        for list in c.mentions {
            w.int(list.count)
            for m in list { w.int(m.start); w.int(m.end); w.int(m.actor); w.int(m.token) }
        }
        w.int(c.quotes.count)
        for q in c.quotes {
            w.string(q.id); w.string(q.article); w.string(q.text); w.int(q.start); w.int(q.end); w.string(q.kind.rawValue)
            w.optional(q.speaker); w.optional(q.speakerName); w.optional(q.cue); w.optional(q.via); w.optional(q.group)
        }
        return w.data
    }

    /// The corpus in a snapshot, nil when it was made from other files or rules; throws when
    /// the snapshot is damaged.
    static func decode(_ data: Data, fingerprint: String) throws -> Corpus? {
        try data.withUnsafeBytes { try decode(bytes: $0, fingerprint: fingerprint) }
    }

    static func decode(bytes: UnsafeRawBufferPointer, fingerprint: String) throws -> Corpus? {
        var r = BinaryReader(bytes)
        guard try r.string() == magic else { throw BinaryReader.Corrupt() }
        guard try r.string() == fingerprint else { return nil }
        let warnings = try (0..<r.count()).map { _ in LoadWarning(file: try r.string(), reason: try r.string()) }
        var articles: [Article] = []
        for _ in 0..<(try r.count()) {
            let id = try r.string(), file = try r.string(), title = try r.string()
            let source = try r.optionalString(), author = try r.optionalString(), date = try r.optionalString()
            let url = try r.optionalString(), credit = try r.optionalString()
            let removed = try r.strings()
            let text = try r.string()
            let ranges = try (0..<r.count()).map { _ in
                (start: try r.int(), end: try r.int(), sourceStart: try r.int(), sourceEnd: try r.int(), utf8: try r.int())
            }
            guard ranges.reduce(0, { $0 + $1.utf8 }) + 2 * max(0, ranges.count - 1) == text.utf8.count else { throw BinaryReader.Corrupt() }
            articles.append(Article(restoring: id, file: file, title: title, source: source, author: author,
                                    date: date.flatMap(PartialDate.init(parsing:)), url: url, credit: credit, text: text,
                                    ranges: ranges, removedLines: removed))
        }
        var actors: [Actor] = []
        for _ in 0..<(try r.count()) {
            let id = try r.string(), name = try r.string()
            guard let kind = Actor.Kind(rawValue: try r.string()) else { throw BinaryReader.Corrupt() }
            let aliases = try r.strings(), roles = try r.strings(), inArticles = try r.strings()
            let gender = try r.optionalString().flatMap(Actor.Gender.init(rawValue:))
            actors.append(Actor(id: id, name: name, kind: kind, aliases: aliases, roles: roles, mentions: [],
                                articles: inArticles, gender: gender))
        }
        var mentions: [[ResolvedMention]] = []
        for _ in articles {
            mentions.append(try (0..<r.count()).map { _ in
                ResolvedMention(start: try r.int(), end: try r.int(), actor: try r.int(), token: try r.int())
            })
        }
        var quotes: [Quote] = []
        for _ in 0..<(try r.count()) {
            let id = try r.string(), article = try r.string(), text = try r.string(), start = try r.int(), end = try r.int()
            guard let kind = Quote.Kind(rawValue: try r.string()) else { throw BinaryReader.Corrupt() }
            let speaker = try r.optionalInt()
            guard speaker.map({ $0 >= 0 && $0 < actors.count }) ?? true else { throw BinaryReader.Corrupt() }
            quotes.append(Quote(id: id, article: article, text: text, start: start, end: end, kind: kind, speaker: speaker,
                                speakerName: try r.optionalString(), cue: try r.optionalString(), via: try r.optionalString(),
                                group: try r.optionalInt()))
        }
        guard r.atEnd, mentions.allSatisfy({ $0.allSatisfy { $0.actor >= 0 && $0.actor < actors.count } }) else {
            throw BinaryReader.Corrupt()
        }
        ActorIndex.collectMentions(&actors, from: mentions, articles: articles)
        return Corpus(articles: articles, warnings: warnings, actors: actors, mentions: mentions, quotes: quotes)
    }
}
