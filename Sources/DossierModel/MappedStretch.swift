/// A stretch of a mapped snapshot that a run of reads went through, let go as a whole once
/// they are done.
///
/// Every page of a mapping that is read counts as the process's memory until it is let go.
/// Re-analysing 100k articles after one file changed reads the words of every quote lent by
/// the earlier snapshot while grouping them, then every text again while writing the new
/// snapshot: 320 MB of the old snapshot's pages came in, and grouping set the run's peak
/// (1.47 GB, of which 354 MB were those pages). The reads go in article order, and so does the
/// snapshot, so the pages between the first and last byte of a run are the run's own (and its
/// neighbours', which come back if still needed). A page let go reads the same when touched
/// again: it comes back from the file cache.
struct MappedStretch {
    private var file: MappedFile?
    private var low = Int.max, high = Int.min

    /// Takes in bytes `from..<to` of `text` (all of it by default).
    mutating func add(_ text: MappedText, from: Int = 0, to: Int? = nil) {
        let (textFile, range) = text.place(from: from, to: to)
        if let file, file !== textFile { release() }
        file = textFile
        low = min(low, range.lowerBound)
        high = max(high, range.upperBound)
    }

    /// Takes in the bytes of a quote's words when they lie in a mapping.
    mutating func add(_ part: TextPart) {
        if case .inMapping(let text, let from, let to) = part { add(text, from: Int(from), to: Int(to)) }
    }

    /// Takes in an article's text when it lies in a mapping.
    mutating func add(_ body: ArticleBody) {
        if case .mapped(let text) = body { add(text) }
    }

    /// How far past a stretch's ends its reads may have brought pages in: a read of a mapped
    /// page maps the pages around it too (Linux's fault-around, 64 KB by default). Without
    /// this margin, listing 100k articles' quotes a block of 256 at a time left the pages
    /// between blocks in: half of what the listing read.
    static let margin = 64 * 1024

    /// Lets go of every page from the start of the mapping to the end of the stretch and its
    /// margin, and starts a new one: for reads that go through a mapping in order on several
    /// cores at once, where a block's reads bring in pages around its start that the block
    /// before it had let go already.
    mutating func releaseThroughEnd() {
        if file != nil, low < high { low = 0 }
        release()
    }

    /// Lets go of the pages wholly inside the stretch and its margins, and starts a new one.
    /// Pages of the margins that another reader is using come back when next touched.
    mutating func release() {
        if let file, low < high {
            let from = max(0, low - MappedStretch.margin), to = min(file.bytes.count, high + MappedStretch.margin)
            file.release(UnsafeRawBufferPointer(rebasing: file.bytes[from..<to]))
        }
        (file, low, high) = (nil, Int.max, Int.min)
    }
}

extension MappedStretch {
    /// Lets go of the stretch that quotes' `words` lie in, those of them in a mapping.
    static func letGo<S: Sequence<TextPart>>(words: S, throughEnd: Bool = false) {
        var read = MappedStretch()
        for part in words { read.add(part) }
        if throughEnd { read.releaseThroughEnd() } else { read.release() }
    }

    /// Lets go of the stretch that articles' `texts` lie in, those of them in a mapping;
    /// `throughEnd`: with everything before it (`releaseThroughEnd`).
    static func letGo<S: Sequence<ArticleBody>>(texts: S, throughEnd: Bool = false) {
        var read = MappedStretch()
        for body in texts { read.add(body) }
        if throughEnd { read.releaseThroughEnd() } else { read.release() }
    }
}

extension ParallelMap {
    /// `transform` of each article, on all cores, a slice of articles at a time; after each
    /// slice, the pages that its texts were read from in a file are let go. A run over every
    /// text of a corpus moved to a file (`TextSpill`) would otherwise bring all of it in.
    static func map<R: Sendable>(articles: [Article], slice: Int = 4096, _ transform: @Sendable (Article) -> R) -> [R] {
        var results: [R] = []
        results.reserveCapacity(articles.count)
        for start in stride(from: 0, to: articles.count, by: max(1, slice)) {
            let range = start..<min(start + max(1, slice), articles.count)
            results += map(Array(range)) { transform(articles[$0]) }
            MappedStretch.letGo(texts: articles[range].lazy.map(\.body))
        }
        return results
    }
}

extension MappedText {
    /// The file holding bytes `from..<to` of the text, and where they lie in it.
    func place(from: Int = 0, to: Int? = nil) -> (MappedFile, Range<Int>) {
        let end = min(to ?? count, count), begin = max(0, min(from, end))
        return (file, (start + begin)..<(start + end))
    }
}

extension Corpus {
    /// The files its texts lie in (a snapshot, or the temporary file of `TextSpill`), to let go
    /// of their pages after a search that reads every text.
    public func textPages() -> MappedPages {
        var files: [MappedFile] = []
        articles.withUnsafeBufferPointer { articles in
            for i in articles.indices {
                guard case .mapped(let text) = articles[i].body, !files.contains(where: { $0 === text.file }) else { continue }
                files.append(text.file)
            }
        }
        return MappedPages(files: files)
    }

    /// Lets go of the snapshot pages that the words of `quotes` (indices, in corpus order) were
    /// read from, for a listing that reads every quote once (`MappedStretch`).
    public func letGoOfWords<S: Sequence<Int>>(ofQuotes quotes: S) {
        MappedStretch.letGo(words: quotes.lazy.map { self.quotes[$0].words })
    }
}

/// Mapped files whose pages are let go as a whole (`Corpus.textPages`). A search that no filter
/// rules out reads every text: at 100k articles it brought 291 MB of pages in, and they
/// counted as the browser's memory for as long as it ran. Let go of every chunk or so, only
/// the pages that the chunks being read now hold are in; the rest come back from the file
/// cache when next read.
public struct MappedPages: Sendable {
    let files: [MappedFile]

    public func letGo() {
        for file in files { file.release(file.bytes) }
    }
}
