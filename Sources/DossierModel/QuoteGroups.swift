/// Where else: speech quotes of one speaker whose words substantially match across articles
/// share a group. Identical words join at once; near matches are only compared when they share
/// one of their rarest words, so a prolific speaker costs no more than the quotes themselves.
enum QuoteGroups {
    static let minimumWords = 4
    static let maxBucketComparisons = 200

    /// Quotes whose words are split at a time: only one chunk's hashes are alive at once.
    static let chunkSize = 8192

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
    ///
    /// Memory shapes the steps: at 100k articles grouping made the analysis's peak. A quote is
    /// first known by a hash of its words alone; only its speaker's first quote of those words
    /// keeps them, packed (`PackedWordLists`), and only after every quote has been hashed.
    static func groups(of quotes: [Quote], chunk chunkSize: Int = QuoteGroups.chunkSize) -> [(Int, Int)] {
        let all = quotes
        var sets = DisjointSets(count: quotes.count)
        var vocabulary = Vocabulary()
        var keyed = keyedLists(of: all, chunk: max(1, chunkSize), vocabulary: &vocabulary)
        // the same words of one speaker join at once; each distinct list has one representative
        keyed.sort()
        let representatives = distinctLists(keyed, sets: &sets)
        keyed = []
        // numbers in spelling order from here on (rarest words tie by spelling)
        let ranks = spellingRanks(vocabulary.spellings)
        vocabulary.spellings = []
        let (lists, frequency) = rankedLists(of: all, representatives, numbers: vocabulary.numbers, ranks: ranks,
                                             chunk: max(1, chunkSize))
        vocabulary.numbers = [:]
        for pairs in nearMatches(of: all, representatives, lists, frequency: frequency) {
            for (i, j) in pairs { sets.union(Int(i), Int(j)) }
        }
        // Groups that span at least two articles get ids.
        var firstArticle: [Int: String] = [:]
        var spansArticles = Set<Int>()
        for i in quotes.indices where sets.isJoined(i) {
            let r = sets.root(i)
            if let first = firstArticle[r] {
                if first != quotes[i].article { spansArticles.insert(r) }
            } else {
                firstArticle[r] = quotes[i].article
            }
        }
        var ids: [Int: Int] = [:]
        var out: [(Int, Int)] = []
        for i in quotes.indices where sets.isJoined(i) {
            let r = sets.root(i)
            guard spansArticles.contains(r) else { continue }
            if ids[r] == nil { ids[r] = ids.count + 1 }
            out.append((i, ids[r]!))
        }
        return out
    }

    /// Every word seen in a candidate, by the hash of its spelling: its number (in order of
    /// first sight) and its spelling.
    struct Vocabulary {
        var numbers: [UInt64: Int32] = [:]
        var spellings: [String] = []

        /// Numbers the words of `hashes` not seen before, spelled from `text` (only a quote that
        /// brings a new word is spelled out).
        mutating func add(_ hashes: [UInt64], of text: Substring) {
            var spelled: [String]?
            for (k, hash) in hashes.enumerated() where numbers[hash] == nil {
                let words = spelled ?? Words.lowercased(text, digits: true)
                spelled = words
                guard k < words.count else { return }
                numbers[hash] = Int32(spellings.count)
                spellings.append(words[k])
            }
        }
    }

    /// A candidate's words, known by its speaker and a hash of the words (lists that share it
    /// are taken for the same words, as words that share a hash are taken for one word).
    /// Sorted, the quotes of one speaker with the same words come together, in quote order.
    /// Sixteen bytes: there is one for each of 600,000 candidates at 100k articles.
    struct KeyedList: Comparable {
        let speaker: Int32
        let quote: Int32
        let hash: UInt64
        static func < (a: KeyedList, b: KeyedList) -> Bool { (a.speaker, a.hash, a.quote) < (b.speaker, b.hash, b.quote) }
        func sameWords(as other: KeyedList) -> Bool { speaker == other.speaker && hash == other.hash }
    }

    /// The hashes of a candidate quote's words; nil when it has too few to be compared.
    static func wordHashes(_ quote: Quote) -> [UInt64]? {
        let hashes = Words.lowercasedHashes(quote.text, digits: true)
        return hashes.count >= minimumWords ? hashes : nil
    }

    /// A hash of a sequence of words' hashes, each word mixed in before the next. Comparing
    /// the words themselves would read each quote's text again: the quotes said again lie all
    /// over the corpus, and reading them brought most of a large corpus's text file back into
    /// memory.
    static func sequenceHash(_ hashes: [UInt64]) -> UInt64 {
        var h: UInt64 = 0x9E3779B97F4A7C15
        for w in hashes {
            h = (h ^ w) &* 0xBF58476D1CE4E5B9
            h ^= h >> 31
        }
        return h
    }

    /// Every candidate (a speech quote with a speaker) with enough words, split on all cores a
    /// chunk at a time. The words of a quote that brings one not seen before are numbered in
    /// the loop, in order.
    static func keyedLists(of all: [Quote], chunk chunkSize: Int, vocabulary: inout Vocabulary) -> [KeyedList] {
        var keyed: [KeyedList] = []
        // reserved at the count of candidates: grown by doubling, it was half as large again
        keyed.reserveCapacity(all.reduce(0) { $0 + ($1.kind == .speech && $1.speaker != nil ? 1 : 0) })
        var next = 0
        while next < all.count {
            // the next `chunkSize` candidates
            var chunk: [Int] = []
            while next < all.count, chunk.count < chunkSize {
                if all[next].kind == .speech, all[next].speaker != nil { chunk.append(next) }
                next += 1
            }
            // from a read-only copy of the numbers: past the first chunks nearly every word has
            // one, and only the hashes of a quote with a new word are kept for the loop
            let split = { [numbers = vocabulary.numbers] in
                ParallelMap.map(chunk) { i -> (hash: UInt64, unnumbered: [UInt64])? in
                    guard let hashes = wordHashes(all[i]) else { return nil }
                    return (sequenceHash(hashes), hashes.contains { numbers[$0] == nil } ? hashes : [])
                }
            }()
            for (i, split) in zip(chunk, split) {
                guard let split else { continue }
                if !split.unnumbered.isEmpty { vocabulary.add(split.unnumbered, of: all[i].text) }
                keyed.append(KeyedList(speaker: Int32(truncatingIfNeeded: all[i].speaker!), quote: Int32(i), hash: split.hash))
            }
            // the words of quotes in a mapping (a snapshot's, or a large corpus's texts): their
            // pages are let go once the chunk is read, with those before it that its first
            // reads brought back (`MappedStretch`)
            MappedStretch.letGo(words: chunk.lazy.map { all[$0].words }, throughEnd: true)
        }
        return keyed
    }

    /// The first quote of each distinct list of a speaker's words, in quote order; the others
    /// with the same words are joined to it (`keyed` is sorted).
    static func distinctLists(_ keyed: [KeyedList], sets: inout DisjointSets) -> [Int32] {
        var representatives: [Int32] = []
        var first = 0
        for k in keyed.indices {
            if k > 0, keyed[k].sameWords(as: keyed[first]) {
                sets.union(Int(keyed[first].quote), Int(keyed[k].quote))
            } else {
                first = k
                representatives.append(keyed[k].quote)
            }
        }
        representatives.sort()
        return representatives
    }

    /// Each representative's words as the sorted ranks of its distinct words, packed, and in
    /// how many of the lists each word is. Split again a chunk at a time on all cores.
    static func rankedLists(of all: [Quote], _ representatives: [Int32], numbers: [UInt64: Int32], ranks: [Int32],
                            chunk chunkSize: Int) -> (PackedWordLists, [Int32]) {
        let textBytes = representatives.reduce(0) { $0 + all[Int($1)].words.utf8Count }
        var lists = PackedWordLists(reservingBytes: PackedWordLists.bound(textBytes: textBytes), lists: representatives.count)
        var frequency = [Int32](repeating: 0, count: ranks.count)
        for start in stride(from: 0, to: representatives.count, by: chunkSize) {
            let chunk = Array(representatives[start..<min(start + chunkSize, representatives.count)])
            let ranked = ParallelMap.map(chunk) { i -> [Int32] in
                let hashes = wordHashes(all[Int(i)]) ?? []
                return sortedDistinct(hashes.compactMap { numbers[$0].map { ranks[Int($0)] } })
            }
            for list in ranked {
                for w in list { frequency[Int(w)] += 1 }
                lists.append(list)
            }
            MappedStretch.letGo(words: chunk.lazy.map { all[Int($0)].words }, throughEnd: true)
        }
        // and through the last quote's words: a read may bring in more than the pages around
        // it (a large page of the file's cache is mapped whole), past the last chunk's end
        MappedStretch.letGo(words: all.lazy.map(\.words), throughEnd: true)
        return (lists, frequency)
    }

    /// Pairs of representatives (as quote indices) whose words nearly match: of one speaker,
    /// in different articles, sharing one of their two rarest words and most of the shorter
    /// list's words. Speaker by speaker on all cores: a speaker's lists fall in buckets by
    /// their two rarest words, and each is compared with the next few in its buckets.
    static func nearMatches(of all: [Quote], _ representatives: [Int32], _ lists: PackedWordLists,
                            frequency: [Int32]) -> [[(Int32, Int32)]] {
        var rarest = [RarestTwo](repeating: RarestTwo(), count: lists.count)
        ParallelMap.update(&rarest) { r, _ in QuoteGroups.rarest(lists.list(r), frequency) }
        let rare = rarest
        func speaker(_ r: Int32) -> Int { all[Int(representatives[Int(r)])].speaker! }
        // the representatives (by place) speaker by speaker, in order within each
        let bySpeaker = (0..<Int32(representatives.count)).sorted { (speaker($0), $0) < (speaker($1), $1) }
        var speakers: [Range<Int>] = []
        var first = 0
        while first < bySpeaker.count {
            var end = first + 1
            while end < bySpeaker.count, speaker(bySpeaker[end]) == speaker(bySpeaker[first]) { end += 1 }
            if end - first > 1 { speakers.append(first..<end) }
            first = end
        }
        return ParallelMap.map(speakers) { range -> [(Int32, Int32)] in
            // (word, list): each run of one word is a bucket, its lists in order
            var entries: [(word: Int32, list: Int32)] = []
            for r in bySpeaker[range] {
                if rare[Int(r)].first >= 0 { entries.append((rare[Int(r)].first, r)) }
                if rare[Int(r)].second >= 0 { entries.append((rare[Int(r)].second, r)) }
            }
            entries.sort { ($0.word, $0.list) < ($1.word, $1.list) }
            var unpacked: [Int32: [Int32]] = [:]
            func words(_ r: Int32) -> [Int32] {
                if let known = unpacked[r] { return known }
                let list = lists.list(Int(r))
                unpacked[r] = list
                return list
            }
            var found: [(Int32, Int32)] = []
            var start = 0
            while start < entries.count {
                var end = start + 1
                while end < entries.count, entries[end].word == entries[start].word { end += 1 }
                let bucket = entries[start..<end].map(\.list)
                start = end
                for (a, r) in bucket.enumerated() {
                    let i = representatives[Int(r)]
                    for t in bucket[(a + 1)...].prefix(maxBucketComparisons) {
                        let j = representatives[Int(t)]
                        guard all[Int(i)].article != all[Int(j)].article else { continue }
                        let (x, y) = (words(r), words(t))
                        if Double(sharedCount(x, y)) >= 0.6 * Double(min(x.count, y.count)) { found.append((i, j)) }
                    }
                }
            }
            return found
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
