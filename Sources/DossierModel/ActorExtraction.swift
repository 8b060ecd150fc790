/// Actors of a whole corpus: tokenise and find names per article (in parallel), then resolve
/// them across articles.
public struct ActorIndex: Sendable {
    public var actors: [Actor]
    /// Per article index, its resolved mentions in text order.
    public var mentions: [[ResolvedMention]]
    var names: [ArticleNames]

    public static func build(_ articles: [Article]) -> ActorIndex {
        // Tokens are not kept: for a large corpus they would outweigh the text many times over.
        // Quote extraction tokenises each article again, one at a time.
        let names = ParallelMap.map(articles) { article -> ArticleNames in
            let scalars = Array(article.text.unicodeScalars)
            return NameFinder.find(in: scalars, tokens: Tokenizer.tokenize(scalars))
        }
        let output = ActorResolver.resolve(articles: articles, names: names)
        // Most mentioned first; persons before organisations on a tie.
        let order = output.actors.indices.sorted { a, b in
            let x = output.actors[a], y = output.actors[b]
            if x.mentions.count != y.mentions.count { return x.mentions.count > y.mentions.count }
            if x.kind != y.kind { return x.kind == .person }
            return x.name < y.name
        }
        var newIndex = [Int](repeating: 0, count: order.count)
        for (new, old) in order.enumerated() { newIndex[old] = new }
        let mentions = output.mentions.map { list in list.map { m in
            var m = m
            m.actor = newIndex[m.actor]
            return m
        } }
        return ActorIndex(actors: order.map { output.actors[$0] }, mentions: mentions, names: names)
    }
}
