import Foundation

/// Every article's quotes in one array, article by article, extracted on all cores.
///
/// Articles are taken a slice at a time, and each slice's per-article lists are appended to the
/// one array and freed before the next slice. Extracting the whole corpus first and then
/// flattening held every quote twice (the lists and the array): a sixth of the analysis's
/// peak memory at 100k articles. The array is reserved once, at an estimate from the first
/// slice with a margin. Reserved space never written is address space the system does not back
/// with memory, so a generous estimate costs nothing; one too small grows the array as any
/// append would.
enum QuoteCollection {
    /// Articles per slice: enough to keep every core busy, few enough that a slice's lists
    /// are a small part of the whole.
    static let slice = 4096

    /// The quotes of articles `0..<count`, `extract` giving one article's; `preparing` hears
    /// each slice of articles before its quotes are extracted, `extracted` once they are
    /// collected.
    static func collect(count: Int, slice: Int = QuoteCollection.slice, _ extract: @Sendable (Int) -> [Quote],
                        preparing: (Range<Int>) -> Void = { _ in }, extracted: (Range<Int>) -> Void = { _ in }) -> [Quote] {
        var quotes: [Quote] = []
        var done = 0
        while done < count {
            let range = done..<min(done + max(1, slice), count)
            preparing(range)
            var lists = ParallelMap.map(Array(range), extract)
            if done == 0 {
                let found = lists.reduce(0) { $0 + $1.count }
                quotes.reserveCapacity(estimate(found: found, in: range.count, of: count))
            }
            for i in lists.indices {
                quotes += lists[i]
                lists[i] = []  // freed as it is copied
            }
            extracted(range)
            done = range.upperBound
        }
        return quotes
    }

    /// Quotes expected in `total` articles when the first `articles` held `found`: in
    /// proportion, plus a half for slices richer in quotes than the first. Never more than a
    /// quarter of the machine's memory: a freak first slice must not ask for an impossible block.
    static func estimate(found: Int, in articles: Int, of total: Int,
                         memory: UInt64 = ProcessInfo.processInfo.physicalMemory) -> Int {
        guard articles > 0, articles < total else { return found }
        let proportional = Double(found) / Double(articles) * Double(total) * 1.5
        let ceiling = Double(memory / 4) / Double(MemoryLayout<Quote>.stride)
        return max(found, Int(min(proportional, ceiling)))
    }
}
