import DossierModel
import Foundation

/// The articles in each sort order, worked out once per model. Sorting on every list rebuild
/// (each filter change, each `o`) took 96 ms by source and 650 ms by title at 100k articles:
/// each comparison copied two articles, and by title lowercased both titles.
final class ArticleOrders: @unchecked Sendable {
    /// An order: the articles in it, and each article's place in it.
    struct Order: Sendable {
        let articles: [Int]
        let place: [Int32]

        init(_ articles: [Int]) {
            var place = [Int32](repeating: 0, count: articles.count)
            for (k, i) in articles.enumerated() { place[i] = Int32(k) }
            self.articles = articles
            self.place = place
        }

        /// `subset` (article indices) in this order: the few by their places, many by a pass
        /// over the whole order.
        func arrange(_ subset: [Int]) -> [Int] {
            if subset.count * 16 < articles.count { return subset.sorted { place[$0] < place[$1] } }
            var member = [Bool](repeating: false, count: articles.count)
            for i in subset { member[i] = true }
            return articles.filter { member[$0] }
        }
    }

    private let corpus: Corpus
    /// Per article, its source's index in `sources` (the browser model's).
    private let articleSource: [Int]
    private let sources: [String?]
    /// Guards `made` and `making`; an order is made outside it, so that asking for one order
    /// never waits for another being made.
    private let condition = NSCondition()
    private var made: [ArticleSort: Order] = [:]
    private var making: Set<ArticleSort> = []
    /// Orders a thread has been started for (at most one thread each).
    private var started: Set<ArticleSort> = []

    init(corpus: Corpus, articleSource: [Int], sources: [String?]) {
        self.corpus = corpus
        self.articleSource = articleSource
        self.sources = sources
    }

    /// Makes the order of `sort` on a thread of its own, so that it is ready when asked for
    /// (`o` readies the next order in its cycle: the title order takes 50–80 ms at 100k).
    func prepare(_ sort: ArticleSort) {
        condition.lock()
        let start = made[sort] == nil && !making.contains(sort) && started.insert(sort).inserted
        condition.unlock()
        if start { Thread { _ = self.order(sort) }.start() }
    }

    /// The order of `sort`, made on first use (the date order is the corpus's own); waits for
    /// the same order being made on another thread.
    func order(_ sort: ArticleSort) -> Order {
        condition.lock()
        while made[sort] == nil, making.contains(sort) { condition.wait() }
        if let known = made[sort] {
            condition.unlock()
            return known
        }
        making.insert(sort)
        condition.unlock()
        let order: Order
        switch sort {
        case .date: order = Order(Array(corpus.articles.indices))
        case .source: order = Order(ArticleOrders.bySource(articleSource, sources: sources))
        case .title: order = Order(ArticleOrders.byTitle(corpus.articles))
        }
        condition.lock()
        made[sort] = order
        making.remove(sort)
        condition.broadcast()
        condition.unlock()
        return order
    }

    /// By source name (articles without one last), then corpus order: the few sources are
    /// ranked by name, and the articles counted into their places.
    static func bySource(_ articleSource: [Int], sources: [String?]) -> [Int] {
        let byName = sources.indices.sorted { a, b in
            switch (sources[a], sources[b]) {
            case let (x?, y?): return x < y
            case (nil, _): return false
            case (_, nil): return true
            }
        }
        var rank = [Int](repeating: 0, count: sources.count)
        for (k, s) in byName.enumerated() { rank[s] = k }
        return countingSort(articleSource.map { rank[$0] }, buckets: sources.count)
    }

    /// By lowercased title (its UTF-8 bytes), then corpus order. The titles are lowercased
    /// into one buffer (ASCII ones byte by byte); the sort compares their first 32 bytes as
    /// four numbers, and only titles that agree on those are compared whole. Comparing
    /// lowercased strings made the first title sort 230 ms at 100k.
    static func byTitle(_ articles: [Article]) -> [Int] {
        // lowercased a block of titles at a time on all cores, then laid end to end
        let block = 4096
        let parts = ParallelMap.map(Array(stride(from: 0, to: articles.count, by: block))) { start in
            var bytes: [UInt8] = [], ends: [Int] = []
            for i in start..<min(start + block, articles.count) {
                var title = articles[i].title
                let ascii = title.withUTF8 { utf8 in
                    guard utf8.allSatisfy({ $0 < 0x80 }) else { return false }
                    for b in utf8 { bytes.append(b >= 65 && b <= 90 ? b + 32 : b) }
                    return true
                }
                if !ascii { bytes.append(contentsOf: title.lowercased().utf8) }
                ends.append(bytes.count)
            }
            return (bytes, ends)
        }
        var bytes: [UInt8] = []
        var starts = [0]
        starts.reserveCapacity(articles.count + 1)
        for (part, ends) in parts {
            let base = bytes.count
            bytes.append(contentsOf: part)
            starts.append(contentsOf: ends.map { base + $0 })
        }
        return bytes.withUnsafeBufferPointer { flat in
            let key = { (i: Int) in UnsafeBufferPointer(rebasing: flat[starts[i]..<starts[i + 1]]) }
            var entries = articles.indices.map { i in TitleEntry(head: key(i), index: i) }
            entries.sort()
            // runs that agree on 32 bytes, where a title is longer than that: compared whole
            var first = 0
            while first < entries.count {
                var end = first + 1
                while end < entries.count, entries[end].samePrefix(entries[first]) { end += 1 }
                if end - first > 1, entries[first..<end].contains(where: { key($0.index).count > 32 }) {
                    entries[first..<end].sort { a, b in
                        let (x, y) = (key(a.index), key(b.index))
                        let common = memcmp(x.baseAddress! + 32, y.baseAddress! + 32, max(0, min(x.count, y.count) - 32))
                        if common != 0 { return common < 0 }
                        return x.count != y.count ? x.count < y.count : a.index < b.index
                    }
                }
                first = end
            }
            return entries.map(\.index)
        }
    }

    /// A title's first 32 bytes as four big-endian numbers (shorter titles padded with zeros,
    /// so that a prefix sorts first), and its article.
    struct TitleEntry: Comparable {
        let words: (UInt64, UInt64, UInt64, UInt64), index: Int
        init(head bytes: UnsafeBufferPointer<UInt8>, index: Int) {
            func word(_ from: Int) -> UInt64 {
                var w: UInt64 = 0
                for k in from..<(from + 8) { w = w << 8 | UInt64(k < bytes.count ? bytes[k] : 0) }
                return w
            }
            (words, self.index) = ((word(0), word(8), word(16), word(24)), index)
        }
        func samePrefix(_ other: TitleEntry) -> Bool { words == other.words }
        static func == (a: TitleEntry, b: TitleEntry) -> Bool { a.words == b.words && a.index == b.index }
        static func < (a: TitleEntry, b: TitleEntry) -> Bool {
            if a.words != b.words { return a.words < b.words }
            return a.index < b.index
        }
    }

    /// Indices ordered by their bucket, stably.
    static func countingSort(_ bucketOf: [Int], buckets: Int) -> [Int] {
        var start = [Int](repeating: 0, count: buckets + 1)
        for b in bucketOf { start[b + 1] += 1 }
        for k in 0..<buckets { start[k + 1] += start[k] }
        var out = [Int](repeating: 0, count: bucketOf.count)
        for (i, b) in bucketOf.enumerated() {
            out[start[b]] = i
            start[b] += 1
        }
        return out
    }
}
