/// One article prepared for attribution: tokens with their sentence and paragraph, which tokens
/// sit inside quotation marks, and which start a resolved mention.
struct ArticleContext {
    let article: Article
    let scalars: [Unicode.Scalar]
    let tokens: [Token]
    let actors: [Actor]
    let mentions: [ResolvedMention]
    /// Mention starting at a token index.
    var mentionAt: TokenMentions
    /// Sentence number of each token.
    var sentence: [Int] = []
    /// First token index of each sentence.
    var sentenceStarts: [Int] = []
    var paragraph: [Int] = []
    var inQuote: [Bool] = []
    /// Every actor the article names.
    var actorsHere = Set<Int>()
    /// Persons named outside quotes, per paragraph.
    var peopleByParagraph: [Int: Set<Int>] = [:]
    /// The article's persons by the words of their roles, made when first asked for.
    let roleHolders = RoleHolders()

    init(article: Article, scalars: [Unicode.Scalar], tokens: [Token], actors: [Actor], mentions: [ResolvedMention],
         spans: [QuoteSpans.Span]) {
        self.article = article
        self.scalars = scalars
        self.tokens = tokens
        self.actors = actors
        self.mentions = mentions
        mentionAt = TokenMentions(count: tokens.count)
        var s = -1
        var p = 0
        var paragraphIndex = 0
        let paragraphs = article.paragraphs
        sentence.reserveCapacity(tokens.count)
        for i in tokens.indices {
            if tokens[i].sentenceStart || i == 0 { s += 1; sentenceStarts.append(i) }
            while paragraphIndex + 1 < paragraphs.count, tokens[i].start >= paragraphs.start(paragraphIndex + 1) {
                paragraphIndex += 1
            }
            p = paragraphIndex
            sentence.append(s)
            paragraph.append(p)
        }
        inQuote = [Bool](repeating: false, count: tokens.count)
        for span in spans {
            var i = tokenIndex(atOrAfter: span.open + 1)
            while i < tokens.count, tokens[i].start < span.close { inQuote[i] = true; i += 1 }
        }
        for m in mentions {
            actorsHere.insert(m.actor)
            let index = m.token >= 0 ? m.token : tokenIndex(atOrAfter: m.start)
            if index < tokens.count, mentionAt[index] == nil { mentionAt[index] = m }
            if index < tokens.count, !inQuote[index], actors[m.actor].kind == .person {
                peopleByParagraph[paragraph[index], default: []].insert(m.actor)
            }
        }
    }

    /// First token starting at or after `offset`.
    func tokenIndex(atOrAfter offset: Int) -> Int {
        var low = 0, high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].start < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Token index just past the mention that starts at `index`.
    func mentionEnd(_ index: Int) -> Int {
        guard let m = mentionAt[index] else { return index + 1 }
        var j = index
        while j < tokens.count, tokens[j].start < m.end { j += 1 }
        return j
    }

    func isPerson(_ m: ResolvedMention) -> Bool { actors[m.actor].kind == .person }

    func text(_ from: Int, _ to: Int) -> String {
        guard from < to, to <= tokens.count else { return "" }
        return Whitespace.normalize(NameFinder.slice(scalars, tokens[from].start, tokens[to - 1].end))
    }
}

/// An article's persons by each word of their roles (`spokesman` → the actors whose roles
/// hold it), made on the first `the <role word>` and kept for the rest of the article: reading
/// every actor's roles for each one was quadratic in a file naming thousands of people.
final class RoleHolders {
    private var byWord: [String: [Int]]?

    /// The persons among `ctx.actorsHere` with a role that has `word` (lowercase) as a word.
    func persons(withRoleWord word: String, in ctx: ArticleContext) -> [Int] {
        if byWord == nil {
            var table: [String: [Int]] = [:]
            for a in ctx.actorsHere where ctx.actors[a].kind == .person {
                var seen = Set<Substring>()
                for role in ctx.actors[a].roles {
                    let lower = role.lowercased()
                    for w in lower.split(separator: " ") where seen.insert(w).inserted { table[String(w), default: []].append(a) }
                }
            }
            byWord = table
        }
        return byWord?[word] ?? []
    }
}

/// The mention that starts at each token: an array rather than a dictionary, since attribution
/// asks about every token it walks back over. Any index answers (nil outside the tokens).
struct TokenMentions {
    private var list: [ResolvedMention?]

    init(count: Int) { list = Array(repeating: nil, count: count) }

    subscript(i: Int) -> ResolvedMention? {
        get { i >= 0 && i < list.count ? list[i] : nil }
        set { if i >= 0 && i < list.count { list[i] = newValue } }
    }
}
