/// Where else: speech quotes of one speaker whose words substantially match across articles
/// share a group. Identical words join at once; near matches are only compared when they share
/// one of their rarest words, so a prolific speaker costs no more than the quotes themselves.
enum QuoteGroups {
    static let minimumWords = 4
    static let maxBucketComparisons = 200

    /// Candidates whose words are split at a time: only one chunk's word lists are alive at
    /// once.
    static let chunkSize = 8192

    /// A candidate's words as split on all cores: numbered (and the list hashed) when every word
    /// already had a number, else their hashes, to be numbered in order.
    struct Split: Sendable {
        let hashes: [UInt64]
        let known: [Int32]?
        let hash: Int
    }

    /// A list's two rarest words, rarest first; -1 where the list has fewer. Two numbers, not
    /// an array: one is worked out for each of half a million lists at 100k articles.
    struct RarestTwo: Equatable, Sendable {
        var first: Int32 = -1
        var second: Int32 = -1
    }

    /// The two rarest words (ties by spelling), in one pass: sorting every quote's words was
    /// most of the grouping's time. Words are ranks in spelling order, so a tie on frequency
    /// falls to the smaller rank.
    static func rarest(_ words: [Int32], _ frequency: [Int32]) -> RarestTwo {
        var found = RarestTwo()
        var firstKey = (Int32.max, Int32.max), secondKey = (Int32.max, Int32.max)
        for w in words {
            let key = (frequency[Int(w)], w)
            if key < firstKey {
                (secondKey, found.second) = (firstKey, found.first)
                (firstKey, found.first) = (key, w)
            } else if key < secondKey {
                (secondKey, found.second) = (key, w)
            }
        }
        return found
    }

    static func assign(_ quotes: inout [Quote]) {
        // worked out on the quotes as they are, then written: writing while another reference
        // to the array is alive would copy all of it
        for (i, group) in groups(of: quotes) { quotes[i].group = group }
    }

    /// (quote index, group id) for every quote whose words another article also carries.
    /// `chunk`: candidates split at a time (smaller in tests, so that lists meet words that
    /// earlier chunks numbered).
    static func groups(of quotes: [Quote], chunk chunkSize: Int = QuoteGroups.chunkSize) -> [(Int, Int)] {
        var parent = Array(quotes.indices)
        // roots that took in another quote: every other quote is alone and needs no group
        var joined = [Bool](repeating: false, count: quotes.count)
        func root(_ i: Int) -> Int { var i = i; while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }; return i }
        func union(_ a: Int, _ b: Int) { let ra = root(a), rb = root(b); if ra != rb { parent[rb] = ra; joined[ra] = true } }

        // Words of each candidate quote, split on all cores a chunk at a time, and numbered:
        // each distinct word becomes a small integer, so that lists hash, sort and compare as
        // integers rather than as strings. Identical lists of one speaker join directly.
        struct SpeakerList: Hashable { let speaker: Int; let hash: Int }
        let all = quotes
        let candidates = all.indices.filter { all[$0].kind == .speech && all[$0].speaker != nil }
        // words are known by their hash until they need a spelling (new words only)
        var numbers: [UInt64: Int32] = [:]
        var spellings: [String] = []
        // The lists of one speaker and hash, as a chain through `nextSame` from the latest one:
        // a list per key held an array each, a tenth of the grouping's memory at 100k. The lists
        // on a chain are all different, so the order they are tried in does not matter.
        var latestOf: [SpeakerList: Int32] = [:]
        var nextSame: [Int32] = []
        var representatives: [Int] = []
        var lists: [[Int32]] = []
        for start in stride(from: 0, to: candidates.count, by: chunkSize) {
            let chunk = Array(candidates[start..<min(start + chunkSize, candidates.count)])
            // A list whose words were all numbered by earlier chunks is numbered and hashed here,
            // on all cores, from a read-only copy of the numbers; only lists with a new word are
            // numbered in the loop below, in order, as every list once was (so each word gets
            // the number it always got). Past the first chunks nearly every word is known: the
            // lookups done one by one were half of the grouping's time at 100k articles.
            let split = { [numbers] in
                ParallelMap.map(chunk) { i -> Split? in
                    let hashes = Words.lowercasedHashes(all[i].text, digits: true)
                    guard hashes.count >= minimumWords else { return nil }
                    var list: [Int32] = []
                    list.reserveCapacity(hashes.count)
                    for hash in hashes {
                        guard let n = numbers[hash] else { return Split(hashes: hashes, known: nil, hash: 0) }
                        list.append(n)
                    }
                    return Split(hashes: [], known: list, hash: list.hashValue)
                }
            }()
            for (i, split) in zip(chunk, split) {
                guard let split else { continue }
                var list: [Int32]
                var hash: Int
                if let known = split.known {
                    (list, hash) = (known, split.hash)
                } else {
                    list = []
                    list.reserveCapacity(split.hashes.count)
                    // spelled out only when the quote brings a word not seen before
                    var spelled: [String]?
                    for (k, wordHash) in split.hashes.enumerated() {
                        if let n = numbers[wordHash] { list.append(n); continue }
                        let words = spelled ?? Words.lowercased(all[i].text, digits: true)
                        spelled = words
                        let n = Int32(spellings.count)
                        numbers[wordHash] = n
                        spellings.append(words[k])
                        list.append(n)
                    }
                    hash = list.hashValue
                }
                let key = SpeakerList(speaker: all[i].speaker!, hash: hash)
                var same = latestOf[key] ?? -1
                while same >= 0, lists[Int(same)] != list { same = nextSame[Int(same)] }
                if same >= 0 {
                    union(representatives[Int(same)], i)
                    continue
                }
                nextSame.append(latestOf[key] ?? -1)
                latestOf[key] = Int32(representatives.count)
                representatives.append(i)
                lists.append(list)
            }
            // the words of lent quotes still in a snapshot's mapping: their pages are let go
            // once the chunk is numbered (`MappedStretch`)
            MappedStretch.letGo(words: chunk.lazy.map { all[$0].words })
        }
        latestOf = [:]
        nextSame = []
        numbers = [:]
        // numbers in spelling order from here on (rarest words tie by spelling)
        let ranks = spellingRanks(spellings)
        spellings = []
        // renumbered in place: the lists in both numberings were a tenth of the peak at 100k
        var renumbered = lists
        lists = []
        ParallelMap.update(&renumbered) { list in sortedDistinct(list.map { ranks[Int($0)] }) }
        let words = renumbered
        // Near matches: buckets by (speaker, one of the two rarest words).
        var frequency = [Int32](repeating: 0, count: ranks.count)
        for list in words { for w in list { frequency[Int(w)] += 1 } }
        let counts = frequency
        let rare = ParallelMap.map(words) { rarest($0, counts) }
        // A list's entry in each of its two buckets, sorted: each run of one speaker and word is a
        // bucket, with its lists in order. One array, where a table of arrays held an array of
        // its own for each of 1.6 million buckets at 100k articles.
        var entries: [BucketEntry] = []
        entries.reserveCapacity(rare.count * 2)
        for (r, i) in representatives.enumerated() {
            // the pair read as two numbers: an array of them here is what `RarestTwo` avoids
            let speaker = all[i].speaker!
            if rare[r].first >= 0 { entries.append(BucketEntry(speaker: speaker, word: rare[r].first, list: Int32(r))) }
            if rare[r].second >= 0 { entries.append(BucketEntry(speaker: speaker, word: rare[r].second, list: Int32(r))) }
        }
        entries.sort()
        var crowded: [Range<Int>] = []
        var first = 0
        while first < entries.count {
            var end = first + 1
            while end < entries.count, entries[end].speaker == entries[first].speaker, entries[end].word == entries[first].word { end += 1 }
            if end - first > 1 { crowded.append(first..<end) }
            first = end
        }
        // The pairs that match, bucket by bucket on all cores; then joined in one pass (the
        // groups are the same whatever the order of joining).
        let sorted = entries
        entries = []
        let reps = representatives
        let matches = ParallelMap.map(crowded) { range -> [(Int, Int)] in
            let bucket = sorted[range].map { Int($0.list) }
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

    /// A list (by its number among the representatives) in the bucket of a speaker and word.
    struct BucketEntry: Comparable {
        let speaker: Int
        let word: Int32
        let list: Int32
        static func < (a: BucketEntry, b: BucketEntry) -> Bool {
            (a.speaker, a.word, a.list) < (b.speaker, b.word, b.list)
        }
    }

    /// For each word (by its number), its place in spelling order.
    static func spellingRanks(_ spellings: [String]) -> [Int32] {
        var rank = [Int32](repeating: 0, count: spellings.count)
        for (r, n) in spellings.indices.sorted(by: { spellings[$0] < spellings[$1] }).enumerated() { rank[n] = Int32(r) }
        return rank
    }

    /// The words of a list, each once, in order.
    static func sortedDistinct<Word: Comparable>(_ list: [Word]) -> [Word] {
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
    static func sharedCount<Word: Comparable>(_ x: [Word], _ y: [Word]) -> Int {
        var i = 0, j = 0, shared = 0
        while i < x.count && j < y.count {
            if x[i] == y[j] { shared += 1; i += 1; j += 1 } else if x[i] < y[j] { i += 1 } else { j += 1 }
        }
        return shared
    }
}
