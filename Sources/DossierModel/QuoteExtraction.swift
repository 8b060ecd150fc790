/// Quotes of one article: spans, kind, speaker, cue and via; then reported speech.
enum QuoteExtraction {
    /// The article's text is split into scalars and tokens once, here.
    static func extract(article: Article, actors: [Actor], mentions: [ResolvedMention]) -> [Quote] {
        let scalars = Array(article.text.unicodeScalars)
        let tokens = Tokenizer.tokenize(scalars)
        let spans = QuoteSpans.find(in: article, scalars: scalars)
        let ctx = ArticleContext(article: article, scalars: scalars, tokens: tokens, actors: actors, mentions: mentions, spans: spans)
        let slicer = ScalarSlicer(text: article.text, scalars: scalars)
        var sieves = SpeakerSieves(ctx: ctx)
        var quotes: [Quote] = []
        for (n, span) in spans.enumerated() {
            let text = slicer.slice(span.start, span.end)
            let mark = ctx.tokenIndex(atOrAfter: span.open)
            let before = Array(tokens[max(0, mark - 4)..<min(mark, tokens.count)])
            let cueBefore = before.contains { $0.isWord && (SpeechVerbs.strong.contains($0.lower) || $0.lower == "that") }
            let after = sieves.afterClosingMark(span)
            // `“…,” said one official`: a speech verb just after the mark makes it speech, named
            // speaker or not
            var verbJustAfter = false
            if span.closed {
                var k = ctx.tokenIndex(atOrAfter: span.close + 1), words = 0
                while k < tokens.count, words < 3, !ctx.inQuote[k] {
                    if tokens[k].isWord {
                        if !tokens[k].isCapitalized, SpeechVerbs.strong.contains(tokens[k].lower) { verbJustAfter = true; break }
                        words += 1
                    } else if tokens[k].text != "," && tokens[k].text != "”" && tokens[k].text != "\"" {
                        break
                    }
                    k += 1
                }
            }
            let kind = QuoteKind.classify(text: text, tokensBefore: before, cueVerbBefore: cueBefore || after != nil || verbJustAfter)

            var speaker: Int?
            var cue: String?
            if let (s, c) = after ?? sieves.beforeOpeningMark(span) {
                speaker = s
                cue = c
            }
            let according = sieves.accordingTo(span)
            var via: String?
            if let according {
                if according.isPerson {
                    if speaker == nil { speaker = according.actor; cue = "according to " + according.text }
                } else if speaker == nil, kind == .speech, ctx.actors[according.actor].kind == .organization,
                          sieves.continuation(span) == nil {
                    speaker = according.actor
                    cue = "according to " + according.text
                } else {
                    via = according.text
                }
            }
            if speaker == nil, kind == .speech, let s = sieves.continuation(span) { speaker = s }
            if speaker == nil, kind == .speech, let s = sieves.onlyPersonInParagraph(span) { speaker = s }
            if let speaker, kind == .speech {
                let position = cue == nil ? mark : max(mark, ctx.tokenIndex(atOrAfter: span.close))
                sieves.attributed.append((position, speaker, ctx.paragraph[min(mark, tokens.count - 1)]))
            }
            quotes.append(Quote(number: n + 1, article: article.id, text: text, start: span.start,
                                end: span.end, kind: kind, speaker: speaker,
                                speakerName: speaker.map { actors[$0].name }, cue: cue, via: via, group: nil))
        }
        quotes += ReportedSpeech.find(ctx: ctx, sieves: sieves, slicer: slicer, firstNumber: spans.count + 1)
        return quotes
    }
}

/// Clear reported speech without marks: `X said that …`, `X stated that …`,
/// `Jane Roe … revealed on July 18, 2018 that …`.
enum ReportedSpeech {
    static let verbs: Set<String> = WordList.set("""
    said says stated states revealed reveals announced announces explained explains noted notes added adds
    argued argues claimed claims warned warns insisted insists told tells declared declares suggested
    suggests emphasized emphasised stressed stresses acknowledged admitted confirmed denied maintained
    """)

    static func find(ctx: ArticleContext, sieves: SpeakerSieves, slicer: ScalarSlicer, firstNumber: Int) -> [Quote] {
        let tokens = ctx.tokens
        var out: [Quote] = []
        var number = firstNumber
        for (s, first) in ctx.sentenceStarts.enumerated() {
            let end = s + 1 < ctx.sentenceStarts.count ? ctx.sentenceStarts[s + 1] : tokens.count
            guard !(first..<end).contains(where: { ctx.inQuote[$0] || ["“", "”", "\""].contains(tokens[$0].text) }) else { continue }
            guard let v = (first..<end).first(where: { tokens[$0].isWord && verbs.contains(tokens[$0].lower) }),
                  let that = (v + 1..<min(end, v + 10)).first(where: { tokens[$0].lower == "that" }),
                  that + 2 < end else { continue }
            let speaker = sieves.subject(ofVerb: v, sentenceStart: first)?.0
            guard speaker != nil || (first..<v).contains(where: { tokens[$0].isWord && ["official", "officials", "source", "sources", "spokesman", "spokeswoman", "ministry"].contains(tokens[$0].lower) }) else { continue }
            var last = end - 1
            while last > that, tokens[last].kind == .punctuation { last -= 1 }
            let start = tokens[that + 1].start, stop = tokens[last].end
            out.append(Quote(number: number, article: ctx.article.id,
                             text: slicer.slice(start, stop), start: start, end: stop, kind: .reported,
                             speaker: speaker, speakerName: speaker.map { ctx.actors[$0].name },
                             cue: ctx.text(v, that + 1), via: nil, group: nil))
            number += 1
        }
        return out
    }
}

/// Where else: speech quotes of one speaker whose words substantially match across articles
/// share a group. Identical words join at once; near matches are only compared when they share
/// one of their rarest words, so a prolific speaker costs no more than the quotes themselves.
enum QuoteGroups {
    static let minimumWords = 4
    static let maxBucketComparisons = 200

    /// The two rarest words (ties by spelling), in one pass: sorting every quote's words was
    /// most of the grouping's time.
    static func rarest(_ words: Set<String>, _ frequency: [String: Int]) -> [String] {
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

        // Words of each candidate quote (split on all cores); identical word lists of one
        // speaker join directly.
        struct SpeakerWords: Hashable { let speaker: Int; let words: [String] }
        struct SpeakerWord: Hashable { let speaker: Int; let word: String }
        let all = quotes
        let candidates = all.indices.filter { all[$0].kind == .speech && all[$0].speaker != nil }
        let lists = ParallelMap.map(candidates) { i in Words.lowercased(all[i].text, digits: true) }
        var firstOf: [SpeakerWords: Int] = [:]
        var representatives: [Int] = []
        var representativeWords: [[String]] = []
        for (i, list) in zip(candidates, lists) where list.count >= minimumWords {
            let key = SpeakerWords(speaker: all[i].speaker!, words: list)
            if let first = firstOf[key] { union(first, i); continue }
            firstOf[key] = i
            representatives.append(i)
            representativeWords.append(list)
        }
        let sets = ParallelMap.map(representativeWords) { Set($0) }
        // Near matches: buckets by (speaker, one of the two rarest words).
        var frequency: [String: Int] = [:]
        for set in sets { for w in set { frequency[w, default: 0] += 1 } }
        let counts = frequency
        let rare = ParallelMap.map(sets) { rarest($0, counts) }
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
                    let (x, y) = sets[r].count <= sets[t].count ? (sets[r], sets[t]) : (sets[t], sets[r])
                    let shared = x.reduce(0) { $0 + (y.contains($1) ? 1 : 0) }
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
}
