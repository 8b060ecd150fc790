/// What an earlier analysis lends to a new one of mostly the same articles, so that a changed
/// file is analysed alone: an unchanged article keeps its name candidates, and keeps its quotes
/// when the people and organisations it names resolve as before. Merging names across articles
/// and grouping quotes are corpus-wide and always run again.
public struct PriorAnalysis: Sendable {
    private var names: [String: EncodedNames] = [:]
    /// Per article, its quotes with the id of each one's speaker (actor indices change).
    private var quotes: [String: [(quote: Quote, speaker: String?)]] = [:]
    private var contexts: [String: [MentionContext]] = [:]
    private let unchanged: Set<String>

    /// `unchanged`: ids of the articles whose files did not change.
    init(_ corpus: Corpus, unchanged: Set<String>) {
        self.unchanged = unchanged
        guard corpus.names.count == corpus.articles.count else { return }
        for (i, article) in corpus.articles.enumerated() where unchanged.contains(article.id) {
            names[article.id] = corpus.names[i]
            contexts[article.id] = MentionContext.of(corpus.mentions[i], actors: corpus.actors)
        }
        for q in corpus.quotes where unchanged.contains(q.article) {
            quotes[q.article, default: []].append((q, q.speaker.map { corpus.actors[$0].id }))
        }
    }

    func names(of article: Article) -> ArticleNames? { names[article.id]?.decoded() }

    /// The article's earlier quotes, when its mentions resolve as before; speakers renumbered.
    func quotes(of article: Article, mentions: [ResolvedMention], actors: [Actor], index: [String: Int]) -> [Quote]? {
        guard unchanged.contains(article.id), let before = contexts[article.id],
              before == MentionContext.of(mentions, actors: actors) else { return nil }
        var out: [Quote] = []
        for (var q, speaker) in quotes[article.id] ?? [] {
            if let speaker {
                guard let now = index[speaker] else { return nil }
                q.speaker = now
                q.speakerName = actors[now].name
            }
            q.group = nil
            out.append(q)
        }
        return out
    }
}

/// A mention with what attribution reads of its actor: when these are equal, the quotes of an
/// unchanged article come out the same.
struct MentionContext: Hashable, Sendable {
    var start: Int, end: Int, token: Int
    var id: String, name: String, kind: Actor.Kind, gender: Actor.Gender?, roles: [String]

    static func of(_ mentions: [ResolvedMention], actors: [Actor]) -> [MentionContext] {
        mentions.map { m in
            let a = actors[m.actor]
            return MentionContext(start: m.start, end: m.end, token: m.token, id: a.id, name: a.name, kind: a.kind,
                                  gender: a.gender, roles: a.roles)
        }
    }
}
