/// Search filter records that an earlier snapshot holds, lent to a new corpus of mostly the same
/// articles: copied from the snapshot's mapping where they are needed (the browser's table, or
/// the next snapshot) instead of being made again or read into memory all at once.
///
/// At 100k articles the records are 100 MB. Made again they took half a second of every store
/// after a file changed; read in with the stale snapshot they were held through the analysis.
/// Pages of the mapping are let go once copied. Snapshots are replaced by renaming, never
/// written in place, so the mapping keeps the bytes it was checked with.
struct LentFilters: Sendable {
    let file: MappedFile
    /// Where the records start in the file, and how many there are.
    let offset: Int
    let count: Int
    /// Per article of the new corpus, its record in the file; -1 when it has none (its file
    /// changed or is new).
    let earlierIndex: [Int32]

    /// Copies article `i`'s record into `record` (zeroed, `TextFilter.words` long); false when
    /// it has none to copy.
    func copy(_ i: Int, into record: UnsafeMutableBufferPointer<UInt64>) -> Bool {
        guard i < earlierIndex.count else { return false }
        let j = Int(earlierIndex[i])
        guard j >= 0, j < count else { return false }
        let size = TextFilter.words * 8
        let from = file.bytes.baseAddress! + offset + j * size
        UnsafeMutableRawPointer(record.baseAddress!).copyMemory(from: from, byteCount: size)
        return true
    }

    /// Lets go of the mapping's pages holding the records of articles `range` (the lent records
    /// follow the articles' order, give or take the files that changed).
    func release(_ range: Range<Int>) {
        let used = range.compactMap { $0 < earlierIndex.count && earlierIndex[$0] >= 0 ? Int(earlierIndex[$0]) : nil }
        guard let low = used.min(), let high = used.max() else { return }
        let size = TextFilter.words * 8
        file.release(UnsafeRawBufferPointer(rebasing: file.bytes[(offset + low * size)..<(offset + (high + 1) * size)]))
    }
}

extension TextFilterTable {
    /// The records of `articles`, copied from `lent` where it has them, made for the rest.
    init(articles: [Article], lent: LentFilters) {
        self.init(count: articles.count) { i, record in
            if lent.copy(i, into: record) { return }
            let a = articles[i]
            TextFilter.fill(record, from: [a.title, a.source ?? "", a.author ?? "", a.text])
        }
        lent.release(0..<articles.count)
    }
}
