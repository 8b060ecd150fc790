#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every article's filter record in one buffer, in article order: a search reads the records
/// one after the other, which memory serves far faster than one small allocation per article.
///
/// Made once per corpus and kept in the snapshot: at 100k articles every byte of the corpus
/// passes through `TextFilter.fill`, and making the table took 0.5–0.6 s of each reopening.
/// A table read back from a snapshot stays in the snapshot's mapping (`FilterWords`).
public struct TextFilterTable: Sendable {
    /// The records, `TextFilter.words` words each.
    let storage: FilterWords
    public let count: Int

    /// The records of `articles`: what the browser searches in each (title, source, author and
    /// text), filled on all cores.
    /// The pages of texts read from a file (`TextSpill`, a snapshot) are let go a chunk at a
    /// time: filling reads the whole corpus.
    public init<C: Collection<Article> & Sendable>(articles: C) where C.Index == Int {
        let first = articles.startIndex
        self.init(count: articles.count, fill: { i, record in TextFilter.fill(record, article: articles[first + i]) },
                  filled: { range in MappedStretch.letGo(texts: articles[(first + range.lowerBound)..<(first + range.upperBound)].lazy.map(\.body)) })
        // the pages that one chunk's reads brought in around a chunk already let go
        MappedStretch.letGo(texts: articles.lazy.map(\.body))
    }

    /// `texts(i)`: the searchable texts of article `i`; records are filled on all cores.
    init(count: Int, texts: @escaping @Sendable (Int) -> [String]) {
        self.init(count: count) { i, record in TextFilter.fill(record, from: texts(i)) }
    }

    /// Tables of at least this many bytes are kept in a temporary file once made
    /// (`FilterWords.spilled`).
    static let spillBytes = 8 << 20

    /// `fill(i, record)` sets article `i`'s bits in its zeroed record; on all cores. A table of
    /// `spillingFrom` bytes or more is then kept in a temporary file.
    /// `filled`: hears each range of records once they are filled.
    init(count: Int, spillingFrom spillBytes: Int = TextFilterTable.spillBytes,
         fill: @escaping @Sendable (Int, UnsafeMutableBufferPointer<UInt64>) -> Void,
         filled: @escaping @Sendable (Range<Int>) -> Void = { _ in }) {
        self.count = count
        let size = TextFilter.words
        let buffer = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: count * size)
        buffer.initialize(repeating: 0)
        let shared = SharedWords(buffer: buffer)
        let chunks = Array(stride(from: 0, to: count, by: 256))
        _ = ParallelMap.map(chunks) { start in
            for i in start..<min(start + 256, count) {
                fill(i, UnsafeMutableBufferPointer(rebasing: shared.buffer[(i * size)..<((i + 1) * size)]))
            }
            filled(start..<min(start + 256, count))
        }
        if buffer.count * 8 >= spillBytes, let spilled = FilterWords.spilled(UnsafeBufferPointer(buffer)) {
            buffer.deallocate()
            storage = spilled
        } else {
            storage = FilterWords(owning: buffer)
        }
    }

    /// A table read back: `words` holds `count` records.
    init?(count: Int, words: FilterWords) {
        guard words.words.count == count * TextFilter.words else { return nil }
        self.count = count
        self.storage = words
    }

    /// All records' words, in order (a copy).
    var words: [UInt64] { Array(storage.words) }

    /// Lets go of the pages of the records of articles `range` when they are mapped: they read
    /// the same when touched again.
    public func releasePages(_ range: Range<Int>) {
        storage.release((range.lowerBound * TextFilter.words)..<(range.upperBound * TextFilter.words))
    }

    /// The words of the records of articles `range`, for as long as `body` runs.
    func withRecords<R>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt64>) throws -> R) rethrows -> R {
        let size = TextFilter.words
        return try body(UnsafeBufferPointer(rebasing: storage.words[(range.lowerBound * size)..<(range.upperBound * size)]))
    }

    /// Whether article `article`'s searchable texts may hold the query (false: they certainly
    /// do not).
    public func mayContain(_ article: Int, _ needle: TextSearch.Needle) -> Bool {
        let size = TextFilter.words
        return TextFilter.mayContain(UnsafeBufferPointer(rebasing: storage.words[(article * size)..<((article + 1) * size)]), needle)
    }
}

/// The words of a filter table, and what keeps them alive: memory of the table's own, or a
/// mapping that holds them in place (the snapshot's, or a temporary file of their own).
///
/// Read in place, a reopened table costs no copy: at 100k articles copying its 100 MB into new
/// memory was a tenth of a reopening, mostly the kernel clearing fresh pages. Its pages come in
/// from the file cache when a search first reads them. Snapshots are replaced by renaming,
/// never written in place, so the mapped bytes stay those that were checked.
final class FilterWords: @unchecked Sendable {
    let words: UnsafeBufferPointer<UInt64>
    /// The file holding the words; nil when the words are this object's own memory.
    private let mapping: MappedFile?

    init(owning buffer: UnsafeMutableBufferPointer<UInt64>) {
        words = UnsafeBufferPointer(buffer)
        mapping = nil
    }

    /// `count` words at `offset` of `file`; nil when they are not there or not aligned to a
    /// word (the writer aligns them).
    init?(file: MappedFile, offset: Int, count: Int) {
        let bytes = file.bytes
        guard let base = bytes.baseAddress, offset >= 0, count >= 0, count <= (bytes.count - offset) / 8,
              Int(bitPattern: base + offset) % MemoryLayout<UInt64>.alignment == 0 else { return nil }
        words = UnsafeBufferPointer(start: (base + offset).bindMemory(to: UInt64.self, capacity: count), count: count)
        mapping = file
    }

    /// Whether the words lie in a mapped file (a snapshot, or their own temporary file).
    var isMapped: Bool { mapping != nil }

    /// `words` written to a temporary file (deleted as soon as it is made) and mapped from it;
    /// nil when no such file can be written. The browser makes a corpus's table before the
    /// analysis and keeps it through it: in memory, its 106 MB at 100k articles were a tenth of
    /// the analysis's peak, though nothing reads them until a search, and then a few words a
    /// record. Mapped, only the pages a search reads count as the process's memory.
    static func spilled(_ words: UnsafeBufferPointer<UInt64>) -> FilterWords? {
        let bytes = UnsafeRawBufferPointer(words)
        guard let spill = SpillFile.written(by: { fwrite(bytes.baseAddress, 1, bytes.count, $0) == bytes.count }),
              let file = MappedFile(descriptor: spill.descriptor) else { return nil }
        return FilterWords(file: file, offset: 0, count: words.count)
    }

    /// Lets go of the mapped pages holding words `range` (nothing for words in memory).
    func release(_ range: Range<Int>) {
        guard let mapping else { return }
        mapping.release(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(words)[(range.lowerBound * 8)..<(range.upperBound * 8)]))
    }

    deinit {
        if mapping == nil { UnsafeMutableBufferPointer(mutating: words).deallocate() }
    }
}

/// The table's buffer while the records are filled; each thread writes its own articles' words.
private struct SharedWords: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<UInt64>
}
