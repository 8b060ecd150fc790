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
/// so that the stretch a run of articles read holds their pages and few others. The loader
/// stages them in a first file as it reads (`Staging`): then no text stays in memory past its
/// own file's turn.
enum TextSpill {
    /// Corpora whose texts are fewer bytes keep them in memory.
    static let minimumBytes = 8 << 20

    /// Moves each text of `articles` held in memory or in the `staged` file into one temporary
    /// file, in article order, and points its article at it; returns how many moved. None move
    /// when they are fewer than `minimumBytes` bytes (unless some are staged), or no file can be
    /// made; an article whose bytes cannot be written (a full disk) keeps them where they were.
    @discardableResult
    static func move(_ articles: inout [Article], from staged: Staging? = nil, minimumBytes: Int = TextSpill.minimumBytes,
                     slice: Int = 1024) -> Int {
        let stagedFile = staged?.mapping
        // the bytes of article i, where they are now: held, or in the staging file
        @Sendable func movable(_ body: ArticleBody) -> Int? {
            switch body {
            case .held(let text): return text.utf8.count
            case .mapped(let text): return text.file === stagedFile ? text.count : nil
            }
        }
        var places = [Int](repeating: -1, count: articles.count)
        var total = 0
        for i in articles.indices {
            if let count = movable(articles[i].body) { places[i] = total; total += count }
        }
        guard total > 0, total >= minimumBytes || stagedFile != nil, let file = SpillFile.sized(total),
              let mapping = MappedFile(descriptor: file.descriptor) else { return 0 }
        let offsets = places
        let written = write(articles, at: offsets, into: file, staged: stagedFile, slice: max(1, slice))
        let moved = SharedCounter()
        // each text is freed as its article is pointed at the file, on all cores
        ParallelMap.update(&articles) { i, article in
            guard offsets[i] >= 0, written[i / max(1, slice)], let count = movable(article.body) else { return article }
            moved.add(1)
            return article.rebound(to: .mapped(MappedText(file: mapping, start: offsets[i], count: count)))
        }
        // the texts' memory goes back to the system, not kept for later allocations
        FreedMemory.release()
        return moved.value
    }

    /// Writes the texts of `articles` that are held or `staged` at their `offsets` in `file`, a
    /// slice of articles at a time, on all cores; whether each slice's were written. A slice's
    /// texts lie together in the file and go in one write: a write per text took a second at
    /// 100k articles, each one zeroing the rest of its page and waiting for the file's lock.
    /// (Copying into a shared writable mapping instead was slower still: 0.7 s against 0.6 s.)
    private static func write(_ articles: [Article], at offsets: [Int], into file: SpillFile, staged: MappedFile?,
                              slice: Int) -> [Bool] {
        ParallelMap.map(Array(stride(from: 0, to: articles.count, by: slice))) { start -> Bool in
            var bytes: [UInt8] = []
            var first: Int?
            for i in start..<min(start + slice, articles.count) where offsets[i] >= 0 {
                switch articles[i].body {
                case .held(var text): text.withUTF8 { bytes.append(contentsOf: $0) }
                case .mapped(let text): text.withBytes { bytes.append(contentsOf: $0) }
                }
                first = first ?? offsets[i]
            }
            // the staged pages this slice read, scattered over the staging file
            staged.map { $0.release($0.bytes) }
            guard let first else { return false }
            return bytes.withUnsafeBytes { file.write($0, at: first) }
        }
    }

    /// A first temporary file that the loader writes texts to as it makes them, in the order
    /// files finish, so that no text stays in memory past its file's turn; `move` then writes
    /// them again in article order (which is only known once every file is read). Held until
    /// the end of loading, the texts' memory could not go back to the system: 140 of its 291
    /// MB at 100k articles stayed, in holes between the articles' other values.
    final class Staging: @unchecked Sendable {
        let file: SpillFile
        let mapping: MappedFile
        private let capacity: Int
        private let used = SharedCounter()

        /// Room for `capacity` bytes of text; nil when no such file can be made.
        init?(capacity: Int) {
            guard capacity > 0, let file = SpillFile.sized(capacity), let mapping = MappedFile(descriptor: file.descriptor) else {
                return nil
            }
            (self.file, self.mapping, self.capacity) = (file, mapping, capacity)
        }

        /// Writes the held texts of `lists` and points their articles at them, a few megabytes
        /// a write (a feed's thousands of articles are not copied into one buffer beside their
        /// texts); those that do not fit or cannot be written stay held.
        func take(_ lists: inout [[Article]], bytesPerWrite: Int = 4 << 20) {
            var bytes: [UInt8] = []
            var waiting: [(list: Int, article: Int, count: Int)] = []
            func flush() {
                defer { bytes.removeAll(keepingCapacity: true); waiting.removeAll(keepingCapacity: true) }
                guard !bytes.isEmpty else { return }
                let start = used.next(bytes.count)
                guard start + bytes.count <= capacity, bytes.withUnsafeBytes({ file.write($0, at: start) }) else { return }
                var at = start
                for w in waiting {
                    lists[w.list][w.article] = lists[w.list][w.article].rebound(
                        to: .mapped(MappedText(file: mapping, start: at, count: w.count)))
                    at += w.count
                }
            }
            for l in lists.indices {
                for a in lists[l].indices {
                    guard case .held(var text) = lists[l][a].body else { continue }
                    text.withUTF8 { bytes.append(contentsOf: $0) }
                    waiting.append((l, a, text.utf8.count))
                    if bytes.count >= bytesPerWrite { flush() }
                }
            }
            flush()
        }
    }
}
