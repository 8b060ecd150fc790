/// Attribution of one quote, by ordered sieves, most precise first. Each returns a speaker
/// (an actor index) and the cue as written, or nothing; nothing at the end means no speaker.
struct SpeakerSieves {
    let ctx: ArticleContext
    /// Quotes attributed so far in this article: (token position of the cue, speaker, paragraph).
    var attributed: [(position: Int, speaker: Int, paragraph: Int)] = []

    static let pronouns: [String: Actor.Gender?] = ["he": .male, "she": .female]
    /// How far (in tokens) attribution looks back: enough for any real sentence or paragraph,
    /// and a bound on the work a pathological text can cause.
    static let lookBack = 400

    /// A speech verb in lowercase (`States` in `United States` is no verb).
    func isSpeechVerb(_ t: Token) -> Bool { t.isWord && !t.isCapitalized && SpeechVerbs.strong.contains(t.lower) }

    /// The next word index from `i`, past adverbs.
    func skipAdverbs(_ i: Int) -> Int {
        var k = i
        while k < ctx.tokens.count, ctx.tokens[k].isWord, SpeechVerbs.adverbs.contains(ctx.tokens[k].lower) { k += 1 }
        return k
    }

    // MARK: sieve 1: a cue right after the closing mark

    /// `“…,” Roe added`, `“…,” he said`, `“…,” said Jane Roe, the director …`,
    /// `“…,” Tomas Brenner, a member of …, said Tuesday`, `“…,” the spokesman said`.
    func afterClosingMark(_ span: QuoteSpans.Span) -> (Int, String)? {
        guard span.closed else { return nil }
        var t = ctx.tokenIndex(atOrAfter: span.close + 1)
        let tokens = ctx.tokens
        while t < tokens.count, tokens[t].kind == .punctuation, [",", "”", "\"", "’"].contains(tokens[t].mark) { t += 1 }
        guard t < tokens.count, ctx.paragraph[t] == ctx.paragraph[max(0, t - 1)] || tokens[t].start < span.close + 3,
              !ctx.inQuote[t] else { return nil }
        // `“….” He noted that “…”`: after a quoted sentence, a capitalised pronoun starts the
        // next sentence and its cue belongs to what follows.
        if span.end > 0, ctx.scalars[span.end - 1] == ".", tokens[t].isCapitalized,
           SpeakerSieves.pronouns[tokens[t].lower] != nil || CommonWords.functionWords.contains(tokens[t].lower) {
            return nil
        }
        let limit = regionEnd(from: t)
        // `” von der Leyen told reporters`: lowercase particles before the name
        var p = t
        while p + 1 < limit, p - t < 2, tokens[p].isWord, Titles.particles.contains(tokens[p].lower) { p += 1 }
        if p > t, ctx.mentionAt[p] != nil { t = p }
        if let m = ctx.mentionAt[t] {
            // a speech verb somewhere after the name, past an appositive
            let after = ctx.mentionEnd(t)
            // `“…,” IMD scientist Jane Roe said`: an organisation naming the speaker's post
            if ctx.actors[m.actor].kind == .organization, let (person, start) = titledName(from: after, limit: limit),
               ctx.actors[person].kind == .person, let cue = verbCue(from: t, nameEnd: ctx.mentionEnd(start), limit: limit) {
                return (person, cue)
            }
            return verbCue(from: t, nameEnd: after, limit: limit).map { (m.actor, $0) }
        }
        let w = tokens[t]
        if w.isWord, let gender = SpeakerSieves.pronouns[w.lower], isSpeechVerb(tokens[min(skipAdverbs(t + 1), tokens.count - 1)]) {
            let v = skipAdverbs(t + 1)
            return resolvePronoun(at: t, gender: gender, quoteStart: ctx.tokenIndex(atOrAfter: span.open)).map { ($0, ctx.text(t, v + 1)) }
        }
        if isSpeechVerb(w) {
            let n = skipAdverbs(t + 1)
            guard n < limit else { return nil }
            if let m = ctx.mentionAt[n] { return (m.actor, ctx.text(t, t + 1)) }
            if let gender = SpeakerSieves.pronouns[tokens[n].lower] {
                return resolvePronoun(at: t, gender: gender, quoteStart: ctx.tokenIndex(atOrAfter: span.open)).map { ($0, ctx.text(t, n + 1)) }
            }
            if let (actor, end) = roleSpeaker(at: n, limit: limit) { return (actor, ctx.text(t, end)) }
            // `“…,” said lead author Dr. Jane Roe`
            if let (actor, _) = titledName(from: n, limit: limit) { return (actor, ctx.text(t, t + 1)) }
        }
        if let (actor, end) = roleSpeaker(at: t, limit: limit), end < limit, isSpeechVerb(tokens[skipAdverbs(end)]) {
            return (actor, ctx.text(t, skipAdverbs(end) + 1))
        }
        // `“…,” UAW President Jane Roe said`, `“…,” union President Jane Roe said`
        if let (actor, start) = titledName(from: t, limit: limit), let cue = verbCue(from: t, nameEnd: ctx.mentionEnd(start), limit: limit) {
            return (actor, cue)
        }
        return nil
    }

    /// The cue of a name that starts its clause at `t` and ends at `nameEnd`: the first speech
    /// verb after it, past an appositive. From `t` through the verb when the verb follows the
    /// name (past adverbs), else the verb alone.
    func verbCue(from t: Int, nameEnd: Int, limit: Int) -> String? {
        guard nameEnd < limit, let v = (nameEnd..<limit).first(where: { isSpeechVerb(ctx.tokens[$0]) }) else { return nil }
        return skipAdverbs(nameEnd) == v ? ctx.text(t, v + 1) : ctx.text(v, v + 1)
    }

    /// A name after a title of up to four words (`UAW President`, `lead author Dr.`): its actor
    /// and where the name starts. The words before the name must hold a title, role word or
    /// honorific, and none may be a function word (`a spokesman for Jane Roe said` is someone
    /// else speaking) or a speech verb.
    func titledName(from t: Int, limit: Int) -> (actor: Int, start: Int)? {
        let tokens = ctx.tokens
        var k = t, titled = false
        while k < limit, k - t < 4, ctx.mentionAt[k] == nil {
            let w = tokens[k]
            guard w.isWord, !isSpeechVerb(w), !CommonWords.functionWords.contains(w.lower) else { return nil }
            // (a one-word title phrase, looked up without making a one-word list)
            if Titles.roleWords.contains(w.lower) || Titles.honorifics.contains(w.lower)
                || Titles.phrasesByFirstWord[w.lower]?.contains(where: { $0.count == 1 }) == true { titled = true }
            k += 1
        }
        guard titled, k > t, k < limit, let m = ctx.mentionAt[k] else { return nil }
        return (m.actor, k)
    }

    /// Where the clause after a quote ends: a sentence end, an opening mark or a new paragraph.
    func regionEnd(from t: Int) -> Int {
        var k = t
        while k < ctx.tokens.count, k - t < 40 {
            if ctx.inQuote[k] || ctx.paragraph[k] != ctx.paragraph[t] { break }
            if ctx.tokens[k].kind == .punctuation, [".", "?", "!", "…", "“", "\""].contains(ctx.tokens[k].mark) { break }
            k += 1
        }
        return k
    }

    // MARK: sieve 2: a cue before the opening mark

    /// `Jane Roe said during her flight …: “…”`, `He noted that “…”`,
    /// `The Iranian diplomacy site, close to …, said: “…”`, `The leader stated that “…”`.
    func beforeOpeningMark(_ span: QuoteSpans.Span) -> (Int, String)? {
        let tokens = ctx.tokens
        let mark = ctx.tokenIndex(atOrAfter: span.open)
        guard mark > 0, mark < tokens.count, ctx.paragraph[mark - 1] == ctx.paragraph[mark] else { return nil }
        // the sentence the mark's lead-in belongs to (after `said:` the mark opens a new one)
        let first = ctx.sentenceStarts[ctx.sentence[mark - 1]]
        // the verb nearest the mark, at most 15 words before it
        var verb: Int?
        var k = mark - 1
        while k >= first, mark - k <= 16 {
            if !ctx.inQuote[k], tokens[k].isWord, !tokens[k].isCapitalized,
               SpeechVerbs.strong.contains(tokens[k].lower) || SpeechVerbs.cognition.contains(tokens[k].lower) || tokens[k].lower == "saying" {
                verb = k
                break
            }
            k -= 1
        }
        guard let v = verb else { return nil }
        let cueEnd = tokens[mark - 1].lower == "that" || tokens[mark - 1].text == ":" ? mark : v + 1
        guard let (actor, from) = subject(ofVerb: v, sentenceStart: first) else { return nil }
        return (actor, ctx.text(from, cueEnd))
    }

    /// Who does what the verb at `v` says, in the sentence from `first`: a name right before it
    /// (`Roe adds`), the subject with an appositive (`John Doe, First Deputy …, expressed`),
    /// the first person named, a pronoun, a role (`The leader stated`), or an organisation. Also
    /// where the cue as written starts.
    func subject(ofVerb v: Int, sentenceStart sentenceFirst: Int) -> (Int, Int)? {
        let tokens = ctx.tokens
        let first = max(sentenceFirst, v - 80)
        var candidates: [Int] = []
        var i = first
        while i < v {
            if !ctx.inQuote[i], ctx.mentionAt[i] != nil, !tokens[ctx.mentionEnd(i) - 1].possessive { candidates.append(i) }
            i = ctx.mentionAt[i] != nil ? ctx.mentionEnd(i) : i + 1
        }
        if let direct = candidates.last(where: { skipAdverbs(ctx.mentionEnd($0)) == v }) {
            return (ctx.mentionAt[direct]!.actor, direct)
        }
        if let subject = candidates.first, ctx.mentionEnd(subject) < tokens.count, tokens[ctx.mentionEnd(subject)].text == "," {
            return (ctx.mentionAt[subject]!.actor, v)
        }
        if let person = candidates.first(where: { ctx.isPerson(ctx.mentionAt[$0]!) }) {
            return (ctx.mentionAt[person]!.actor, v)
        }
        if let p = (first..<v).last(where: { !ctx.inQuote[$0] && SpeakerSieves.pronouns[tokens[$0].lower] != nil }) {
            return resolvePronoun(at: p, gender: SpeakerSieves.pronouns[tokens[p].lower]!).map { ($0, p) }
        }
        var r = max(first, v - 20)
        while r < v {
            if let (actor, _) = roleSpeaker(at: r, limit: v) { return (actor, r) }
            r += 1
        }
        if let org = candidates.first { return (ctx.mentionAt[org]!.actor, v) }
        return nil
    }

    // MARK: sieve 3: according to X

    func accordingTo(_ span: QuoteSpans.Span) -> (actor: Int, text: String, isPerson: Bool)? {
        let tokens = ctx.tokens
        let mark = ctx.tokenIndex(atOrAfter: span.open)
        guard mark < tokens.count else { return nil }
        let sentenceNumbers: Set<Int> = [ctx.sentence[mark], ctx.sentence[min(tokens.count - 1, ctx.tokenIndex(atOrAfter: span.close + 1))]]
        var i = 0
        for s in sentenceNumbers.sorted() {
            i = max(ctx.sentenceStarts[s], mark - 60)
            let stop = min(tokens.count, ctx.tokenIndex(atOrAfter: span.close) + 60)
            while i + 2 < stop, ctx.sentence[i] == s {
                if !ctx.inQuote[i], tokens[i].lower == "according", tokens[i + 1].lower == "to" {
                    var k = i + 2
                    // `the official`, `the semiofficial`, `state-run`
                    while k < tokens.count, k - i < 6, ctx.mentionAt[k] == nil, tokens[k].isWord,
                          !tokens[k].isCapitalized || ["the"].contains(tokens[k].lower) { k += 1 }
                    if let m = ctx.mentionAt[k] {
                        return (m.actor, ctx.text(k, ctx.mentionEnd(k)), ctx.isPerson(m))
                    }
                }
                i += 1
            }
        }
        return nil
    }

    // MARK: pronouns and roles

    /// The most recent compatible person before `position`: an earlier quote's speaker or the
    /// subject (first named person) of a sentence, in this or the two previous paragraphs.
    func resolvePronoun(at position: Int, gender: Actor.Gender?, quoteStart: Int? = nil) -> Int? {
        let tokens = ctx.tokens
        // a quote over several paragraphs: count the window from where it opened
        let paragraph = quoteStart.map { ctx.paragraph[min($0, ctx.tokens.count - 1)] } ?? ctx.paragraph[position]
        var best: (Int, Int)?
        func compatible(_ actor: Int) -> Bool {
            // read the fields in place: copying an Actor would retain all its arrays
            guard ctx.actors[actor].kind == .person else { return false }
            let g = ctx.actors[actor].gender
            return gender == nil || g == nil || g == gender
        }
        func consider(_ pos: Int, _ actor: Int) {
            if compatible(actor), best == nil || pos > best!.0 { best = (pos, actor) }
        }
        // the latest compatible earlier speaker (quotes are attributed in text order)
        for q in attributed.reversed() where q.position < position {
            if paragraph - q.paragraph > 2 || position - q.position > SpeakerSieves.lookBack { break }
            if compatible(q.speaker) { consider(q.position, q.speaker); break }
        }
        var seenSentence = Set<Int>()
        var i = position - 1
        // bounded: a huge paragraph must not make every pronoun walk back to its start
        let floor = max(0, position - SpeakerSieves.lookBack)
        while i >= floor, paragraph - ctx.paragraph[i] <= 2 {
            if let m = ctx.mentionAt[i], !ctx.inQuote[i], ctx.isPerson(m), !tokens[ctx.mentionEnd(i) - 1].possessive {
                // the first named person of its sentence is its subject
                let s = ctx.sentence[i]
                let firstInSentence = !(max(ctx.sentenceStarts[s], i - SpeakerSieves.lookBack)..<i).contains { j in
                    ctx.mentionAt[j].map { ctx.isPerson($0) && !ctx.inQuote[j] } ?? false
                }
                if firstInSentence, seenSentence.insert(s).inserted { consider(i, m.actor) }
            }
            i -= 1
        }
        return best?.1
    }

    /// `the spokesman`, `The leader`: the one actor of this article whose role has that word.
    func roleSpeaker(at i: Int, limit: Int) -> (Int, Int)? {
        let tokens = ctx.tokens
        var k = i
        guard k < limit, tokens[k].lower == "the" else { return nil }
        k += 1
        while k < limit, k - i <= 3, tokens[k].isWord {
            let word = tokens[k].lower
            if Titles.roleWords.contains(word) {
                let fits = ctx.roleHolders.persons(withRoleWord: word, in: ctx)
                return fits.count == 1 ? (fits[0], k + 1) : nil
            }
            k += 1
        }
        return nil
    }

    // MARK: sieves 4 and 5: the paragraph

    /// A quote with no cue of its own continues the quote before it in the paragraph, or, when
    /// its paragraph is only the quote, the last quote of the previous paragraph.
    func continuation(_ span: QuoteSpans.Span) -> Int? {
        let t = min(ctx.tokens.count - 1, ctx.tokenIndex(atOrAfter: span.start))
        let paragraph = ctx.paragraph[t]
        // quotes are attributed in text order: only the last can share this paragraph
        if let same = attributed.last, same.paragraph == paragraph { return same.speaker }
        let p = ctx.article.paragraphs[paragraph]
        let onlyQuote = span.open <= p.start + 1 && span.close >= p.end - 2
        if onlyQuote, let previous = attributed.last, previous.paragraph == paragraph - 1 { return previous.speaker }
        return nil
    }

    /// The one person the paragraph names outside quotes.
    func onlyPersonInParagraph(_ span: QuoteSpans.Span) -> Int? {
        let t = min(ctx.tokens.count - 1, ctx.tokenIndex(atOrAfter: span.start))
        let people = ctx.peopleByParagraph[ctx.paragraph[t]] ?? []
        return people.count == 1 ? people.first : nil
    }
}
