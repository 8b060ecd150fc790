import Foundation

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
    }

    public static func load(folder: String) throws -> Result {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw CorpusError.missing(folder)
        }
        guard isDirectory.boolValue else { throw CorpusError.notAFolder(folder) }

        var warnings: [LoadWarning] = []
        let entries = CorpusFiles.list(root: folder) { warnings.append(LoadWarning(file: $0, reason: $1)) }

        // metadata.csv files first: each names files relative to its own folder.
        var given: [String: GivenMetadata] = [:]
        for entry in entries where entry.kind == .metadata {
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
        let built = ParallelMap.map(articleEntries) { entry in buildArticles(entry, given: overrides) }
        var articles: [Article] = []
        for (list, notes) in built {
            articles.append(contentsOf: list)
            warnings.append(contentsOf: notes)
        }
        return Result(articles: sortedByDate(articles), warnings: warnings)
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

    static func buildArticles(_ entry: CorpusFiles.Entry, given: [String: GivenMetadata]) -> ([Article], [LoadWarning]) {
        var warnings: [LoadWarning] = []
        let data: Data
        switch CorpusFiles.read(entry.path) {
        case .success(let d): data = d
        case .failure(let error):
            return ([], [LoadWarning(file: entry.relative, reason: error.message + "; skipped")])
        }
        let text: String
        switch TextDecoding.decode(data) {
        case .skipped(let why):
            return ([], [LoadWarning(file: entry.relative, reason: why + "; skipped")])
        case .text(let decoded, let notes):
            text = decoded
            warnings += notes.map { LoadWarning(file: entry.relative, reason: $0) }
        }
        let stem = stripExtension(entry.relative)
        switch entry.kind {
        case .text, .markdown:
            let article = ArticleBuilder.build(id: stem, file: entry.relative, text: text,
                                               markdown: entry.kind == .markdown,
                                               given: given[entry.relative] ?? GivenMetadata())
            return ([article], warnings)
        case .jsonl:
            let records = JSONLRecords.parse(text) { warnings.append(LoadWarning(file: entry.relative, reason: $0)) }
            let articles = records.map { record in
                let file = "\(entry.relative)#\(record.line)"
                let meta = record.given.overridden(by: given[file] ?? GivenMetadata())
                return ArticleBuilder.build(id: "\(stem)#\(record.line)", file: file, text: record.text,
                                            markdown: false, given: meta)
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

/// Runs a transform over all cores, keeping the order of the input.
public enum ParallelMap {
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        if items.count < 2 { return items.map(transform) }
        let results = ResultSlots<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            results.set(i, transform(items[i]))
        }
        return results.values()
    }
}

/// Write-once slots filled from several threads; each index is written by one thread only.
final class ResultSlots<R>: @unchecked Sendable {
    private var storage: [R?]
    private let lock = NSLock()
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: R) { lock.lock(); storage[i] = value; lock.unlock() }
    func values() -> [R] { storage.map { $0! } }
}
