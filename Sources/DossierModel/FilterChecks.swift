/// The bit tests of a query on `TextFilter` records that are worth making, rarest first.
///
/// A record rules an article out when one of the query's bytes, pairs or triples is missing
/// from it. For a query of common words (`said the said`) every one of those is in nearly every
/// article: the ~40 tests a record then cost 14 ms of a 100 ms search at 100k articles, and
/// ruled nothing out. So the tests are tried on a sample of the records first; those that pass
/// in nearly every article are dropped, and the rest are made rarest first, so that a rare
/// query (`zzqx`) is usually ruled out by the first test. Dropping a test only lets more
/// articles through to be read: whatever is ruled out still certainly lacks the query.
public struct FilterChecks: Sendable {
    /// A word of a record and the bits that must all be set in it.
    struct Test: Sendable, Equatable {
        let word: Int
        let bits: UInt64

        /// Whether `record` has all of the bits.
        @inline(__always)
        func passes(_ record: UnsafeBufferPointer<UInt64>) -> Bool { record[word] & bits == bits }
    }

    let tests: [Test]

    /// Records sampled to judge the tests, spread evenly over the table.
    static let sampleSize = 1024
    /// A test that passes in more of the sample than this is not made: reading its word costs
    /// more than the text reads it saves.
    static let keptPassRate = 0.9
    /// Records on each side of a run of samples whose pages are let go with it: 64 KB and more,
    /// what a read may have brought in around it.
    static let pageMargin = 64

    /// The tests worth making for `needle` on the records of `table`.
    public init(_ needle: TextSearch.Needle, table: TextFilterTable) {
        let all = FilterChecks.tests(needle)
        guard !all.isEmpty, table.count > 0 else { tests = all; return }
        let step = max(1, table.count / FilterChecks.sampleSize)
        let sampled = stride(from: 0, to: table.count, by: step)
        var passes = [Int](repeating: 0, count: all.count)
        var samples = 0
        // The pages of a mapped table are let go every 64 samples: each sample read brings in
        // the 64 KB around it (fault-around), and the whole sample, one record in a hundred,
        // had 64 MB of the table's pages in at 100k articles for the rest of the first search.
        var groupStart = 0
        for article in sampled {
            table.withRecords(article..<(article + 1)) { record in
                for (k, test) in all.enumerated() where test.passes(record) { passes[k] += 1 }
            }
            samples += 1
            if samples % 64 == 0 || article + step >= table.count {
                table.releasePages(max(0, groupStart - FilterChecks.pageMargin)..<min(table.count, article + FilterChecks.pageMargin))
                groupStart = article + step
            }
        }
        let limit = Double(samples) * FilterChecks.keptPassRate
        tests = all.indices.filter { Double(passes[$0]) <= limit }.sorted { passes[$0] < passes[$1] }.map { all[$0] }
    }

    /// Every test of `needle`, one per record word (a word's bits merged): its bytes, pairs and
    /// triples within each run of plain bytes.
    static func tests(_ needle: TextSearch.Needle) -> [Test] {
        var bitsOfWord: [Int: UInt64] = [:]
        var order: [Int] = []
        let require = { (base: Int, bit: Int) in
            let word = base + bit >> 6
            if bitsOfWord[word] == nil { order.append(word) }
            bitsOfWord[word, default: 0] |= 1 << UInt64(bit & 63)
        }
        let n = needle.bytes
        var runStart = 0
        for i in 0..<n.count {
            guard TextSearch.Needle.isPlain(n[i]) else { runStart = i + 1; continue }
            require(0, Int(n[i]))
            if i >= runStart + 1 { require(TextFilter.pairsAt, TextFilter.pair(n[i - 1], n[i])) }
            if i >= runStart + 2 { require(TextFilter.triplesAt, TextFilter.triple(n[i - 2], n[i - 1], n[i])) }
        }
        return order.map { Test(word: $0, bits: bitsOfWord[$0]!) }
    }

    /// False only when `record` certainly lacks the query.
    @inline(__always)
    func mayContain(_ record: UnsafeBufferPointer<UInt64>) -> Bool {
        for test in tests where !test.passes(record) { return false }
        return true
    }
}

extension TextFilterTable {
    /// Whether article `article`'s searchable texts may hold the query of `checks`.
    public func mayContain(_ article: Int, _ checks: FilterChecks) -> Bool {
        guard !checks.tests.isEmpty, let base = storage.words.baseAddress else { return true }
        return checks.mayContain(UnsafeBufferPointer(start: base + article * TextFilter.words, count: TextFilter.words))
    }
}
