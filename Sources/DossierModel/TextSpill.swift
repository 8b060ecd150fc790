/// The cleaned texts of a large corpus, moved out of memory into a temporary file once loaded,
/// and read in place from there as a reopened corpus reads its texts from the snapshot
/// (`MappedText`).
///
/// A first open of 100k articles held their 291 MB of text in memory from loading to the end
/// of the analysis, under everything the analysis made: the largest part of its peak. Mapped,
/// a text's pages count as the process's memory only while something reads them. The readers
/// that go through every text (search filters, names, quotes, the snapshot) read them from
/// their bytes, without making strings, and let their pages go as they pass
/// (`MappedStretch`). The texts are written in article order, the order those readers go in,
/// so that the stretch a run of articles read holds their pages and few others.
enum TextSpill {
    /// Corpora whose texts are fewer bytes keep them in memory.
    static let minimumBytes = 8 << 20

    /// Moves each text of `articles` held in memory into one temporary file, and points its
    /// article at it; returns how many moved. None move when they are fewer than `minimumBytes`
    /// bytes, or no file can be made; an article whose bytes cannot be written (a full disk)
    /// keeps its text in memory.
    @discardableResult
    static func move(_ articles: inout [Article], minimumBytes: Int = TextSpill.minimumBytes, slice: Int = 1024) -> Int {
        var places = [Int](repeating: -1, count: articles.count)
        var total = 0
        for i in articles.indices {
            if case .held(let text) = articles[i].body { places[i] = total; total += text.utf8.count }
        }
        guard total > 0, total >= minimumBytes, let file = SpillFile.sized(total),
              let mapping = MappedFile(descriptor: file.descriptor) else { return 0 }
        let offsets = places
        let written = write(articles, at: offsets, into: file, slice: max(1, slice))
        let moved = SharedCounter()
        // each text is freed as its article is pointed at the file, on all cores
        ParallelMap.update(&articles) { i, article in
            guard offsets[i] >= 0, written[i / max(1, slice)], case .held(let text) = article.body else { return article }
            moved.add(1)
            return article.rebound(to: .mapped(MappedText(file: mapping, start: offsets[i], count: text.utf8.count)))
        }
        // the texts' memory goes back to the system, not kept for later allocations
        FreedMemory.release()
        return moved.value
    }

    /// Writes the held texts of `articles` at their `offsets` in `file`, a slice of articles
    /// at a time, on all cores; whether each slice's were written. A slice's texts lie together
    /// in the file and go in one write: a write per text took a second at 100k articles, each
    /// one zeroing the rest of its page and waiting for the file's lock. (Copying into a shared
    /// writable mapping instead was slower still: 0.7 s against 0.6 s.)
    private static func write(_ articles: [Article], at offsets: [Int], into file: SpillFile, slice: Int) -> [Bool] {
        ParallelMap.map(Array(stride(from: 0, to: articles.count, by: slice))) { start -> Bool in
            var bytes: [UInt8] = []
            var first: Int?
            for i in start..<min(start + slice, articles.count) {
                guard offsets[i] >= 0, case .held(var text) = articles[i].body else { continue }
                first = first ?? offsets[i]
                text.withUTF8 { bytes.append(contentsOf: $0) }
            }
            guard let first else { return false }
            return bytes.withUnsafeBytes { file.write($0, at: first) }
        }
    }
}

extension Article {
    /// The same article, its text held by `body` (which must hold the same bytes).
    func rebound(to body: ArticleBody) -> Article {
        Article(restoring: id, file: file, title: title, source: source, author: author, date: date, url: url,
                credit: credit, body: body,
                ranges: paragraphs.map { ($0.start, $0.end, $0.sourceStart, $0.sourceEnd, $0.part.utf8Count) },
                removedLines: removedLines)
    }
}
