/// Where a snapshot's search filter records lie: the snapshot's mapping, the records' offset in
/// it, and how many there are (one per article of the snapshot).
struct FilterRecords: Sendable {
    let file: MappedFile
    let offset: Int
    let count: Int
}

/// Search filter records that an earlier snapshot holds, lent to a new corpus of mostly the same
/// articles: copied from the snapshot's mapping where they are needed (the browser's table, or
/// the next snapshot) instead of being made again or read into memory all at once.
///
/// At 100k articles the records are 100 MB. Made again they took half a second of every store
/// after a file changed; read in with the stale snapshot they were held through the analysis.
/// Pages of the mapping are let go once copied. Snapshots are replaced by renaming, never
/// written in place, so the mapping keeps the bytes it was checked with.
struct LentFilters: Sendable {
    let records: FilterRecords
    /// Per article of the new corpus, its record among `records`; -1 when it has none (its
    /// file changed or is new).
    let earlierIndex: [Int32]

    /// Copies article `i`'s record into `record` (`TextFilter.words` long); false when it has
    /// none to copy.
    func copy(_ i: Int, into record: UnsafeMutableBufferPointer<UInt64>) -> Bool {
        guard i < earlierIndex.count else { return false }
        let j = Int(earlierIndex[i])
        guard j >= 0, j < records.count else { return false }
        let size = TextFilter.words * 8
        let from = records.file.bytes.baseAddress! + records.offset + j * size
        UnsafeMutableRawPointer(record.baseAddress!).copyMemory(from: from, byteCount: size)
        return true
    }

    /// Lets go of the mapping's pages holding the records of articles `range` (the lent records
    /// follow the articles' order, give or take the files that changed).
    func release(_ range: Range<Int>) {
        let used = range.compactMap { $0 < earlierIndex.count && earlierIndex[$0] >= 0 ? Int(earlierIndex[$0]) : nil }
        guard let low = used.min(), let high = used.max() else { return }
        let size = TextFilter.words * 8, bytes = records.file.bytes
        records.file.release(UnsafeRawBufferPointer(rebasing: bytes[(records.offset + low * size)..<(records.offset + (high + 1) * size)]))
    }
}

extension TextFilterTable {
    /// The records of `articles[range]`, copied from `lent` where it has them and made for the
    /// rest; the mapping's pages are let go once copied.
    init(articles: [Article], range: Range<Int>, lent: LentFilters) {
        self.init(count: range.count) { k, record in
            if lent.copy(range.lowerBound + k, into: record) { return }
            TextFilter.fill(record, article: articles[range.lowerBound + k])
        }
        lent.release(range)
    }
}
