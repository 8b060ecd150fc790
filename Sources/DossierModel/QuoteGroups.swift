/// Where else: speech quotes of one speaker whose words substantially match across articles
/// share a group. Identical words join at once; near matches are only compared when they share
/// one of their rarest words, so a prolific speaker costs no more than the quotes themselves.
enum QuoteGroups {
    static let minimumWords = 4
    static let maxBucketComparisons = 200

    /// Candidates whose words are split at a time: only one chunk's word lists are alive at
    /// once.
    static let chunkSize = 8192

    /// The two rarest words (ties by spelling), in one pass: sorting every quote's words was
    /// most of the grouping's time.
    static func rarest(_ words: [String], _ frequency: [String: Int]) -> [String] {
        var best: [(Int, String)] = []
        for w in words {
            let key = (frequency[w]!, w)
            if best.count < 2 { best.append(key); best.sort { $0 < $1 }; continue }
            if key < best[1] { best[1] = key; if best[1] < best[0] { best.swapAt(0, 1) } }
        }
        return best.map(\.1)
    }

    static func assign(_ quotes: inout [Quote]) {
        // worked out on the quotes as they are, then written: writing while another reference
        // to the array is alive would copy all of it
        for (i, group) in groups(of: quotes) { quotes[i].group = group }
    }

    /// (quote index, group id) for every quote whose words another article also carries.
    static func groups(of quotes: [Quote]) -> [(Int, Int)] {
        var parent = Array(quotes.indices)
        // roots that took in another quote: every other quote is alone and needs no group
        var joined = [Bool](repeating: false, count: quotes.count)
        func root(_ i: Int) -> Int { var i = i; while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }; return i }
        func union(_ a: Int, _ b: Int) { let ra = root(a), rb = root(b); if ra != rb { parent[rb] = ra; joined[ra] = true } }

        // Words of each candidate quote, split on all cores a chunk at a time; identical word
        // lists of one speaker join directly. A representative of each distinct list keeps
        // its distinct words, sorted: a third of the memory of a Set of them, and the whole
        // corpus's lists are never held at once (at 100k articles that was most of the peak).
        struct SpeakerList: Hashable { let speaker: Int; let hash: Int }
        struct SpeakerWord: Hashable { let speaker: Int; let word: String }
        let all = quotes
        let candidates = all.indices.filter { all[$0].kind == .speech && all[$0].speaker != nil }
        var firstOf: [SpeakerList: [Int]] = [:]
        var representatives: [Int] = []
        var distinctWords: [[String]] = []
        for start in stride(from: 0, to: candidates.count, by: chunkSize) {
            let chunk = Array(candidates[start..<min(start + chunkSize, candidates.count)])
            let split = ParallelMap.map(chunk) { i -> (list: [String], distinct: [String])? in
                let list = Words.lowercased(all[i].text, digits: true)
                guard list.count >= minimumWords else { return nil }
                return (list, sortedDistinct(list))
            }
            for (i, entry) in zip(chunk, split) {
                guard let entry else { continue }
                let key = SpeakerList(speaker: all[i].speaker!, hash: entry.list.hashValue)
                // equal hashes are checked word by word (the earlier list is split again)
                if let same = firstOf[key]?.first(where: { Words.lowercased(all[representatives[$0]].text, digits: true) == entry.list }) {
                    union(representatives[same], i)
                    continue
                }
                firstOf[key, default: []].append(representatives.count)
                representatives.append(i)
                distinctWords.append(entry.distinct)
            }
        }
        firstOf = [:]
        let words = distinctWords
        distinctWords = []
        // Near matches: buckets by (speaker, one of the two rarest words).
        var frequency: [String: Int] = [:]
        for list in words { for w in list { frequency[w, default: 0] += 1 } }
        let counts = frequency
        let rare = ParallelMap.map(words) { rarest($0, counts) }
        var buckets: [SpeakerWord: [Int]] = [:]
        for (r, i) in representatives.enumerated() {
            for w in rare[r] { buckets[SpeakerWord(speaker: all[i].speaker!, word: w), default: []].append(r) }
        }
        // The pairs that match, bucket by bucket on all cores; then joined in one pass (the
        // groups are the same whatever the order of joining).
        let crowded = buckets.values.filter { $0.count > 1 }
        let reps = representatives
        let matches = ParallelMap.map(crowded) { bucket -> [(Int, Int)] in
            var found: [(Int, Int)] = []
            for (a, r) in bucket.enumerated() {
                let i = reps[r]
                for t in bucket[(a + 1)...].prefix(maxBucketComparisons) {
                    let j = reps[t]
                    guard all[i].article != all[j].article else { continue }
                    let (x, y) = words[r].count <= words[t].count ? (words[r], words[t]) : (words[t], words[r])
                    let shared = sharedCount(x, y)
                    if Double(shared) >= 0.6 * Double(x.count) { found.append((i, j)) }
                }
            }
            return found
        }
        for list in matches { for (i, j) in list { union(i, j) } }
        // Groups that span at least two articles get ids.
        var firstArticle: [Int: String] = [:]
        var spansArticles = Set<Int>()
        for i in quotes.indices where joined[root(i)] {
            let r = root(i)
            if let first = firstArticle[r] {
                if first != quotes[i].article { spansArticles.insert(r) }
            } else {
                firstArticle[r] = quotes[i].article
            }
        }
        var ids: [Int: Int] = [:]
        var out: [(Int, Int)] = []
        for i in quotes.indices where joined[root(i)] {
            let r = root(i)
            guard spansArticles.contains(r) else { continue }
            if ids[r] == nil { ids[r] = ids.count + 1 }
            out.append((i, ids[r]!))
        }
        return out
    }

    /// The words of a list, each once, in order.
    static func sortedDistinct(_ list: [String]) -> [String] {
        var sorted = list.sorted()
        var kept = 0
        for k in sorted.indices where kept == 0 || sorted[kept - 1] != sorted[k] {
            sorted.swapAt(kept, k)
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
        return sorted
    }

    /// How many words two sorted lists of distinct words have in common.
    static func sharedCount(_ x: [String], _ y: [String]) -> Int {
        var i = 0, j = 0, shared = 0
        while i < x.count && j < y.count {
            if x[i] == y[j] { shared += 1; i += 1; j += 1 } else if x[i] < y[j] { i += 1 } else { j += 1 }
        }
        return shared
    }
}
