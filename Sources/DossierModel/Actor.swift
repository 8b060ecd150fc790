/// A person or organisation of the corpus: one entry per real actor, names merged across
/// articles.
public struct Actor: Sendable, Hashable, Identifiable {
    public enum Kind: String, Sendable, Codable { case person, organization }
    public enum Gender: String, Sendable, Codable { case male, female }

    public var id: String
    public var name: String
    public var kind: Kind
    /// Every way the name is written, with and without an attached title (`Mr. Roe`, `Roe`).
    public var aliases: [String]
    /// Most specific first; `byline` and `credit` mark the article's author and image credit.
    public var roles: [String]
    public var mentions: [Mention]
    /// Ids of the articles it appears in, in corpus order.
    public var articles: [String]
    public var gender: Gender?

    /// An author or image credit, not a person of the story (the sidebar hides them).
    public var isByline: Bool { Actor.isByline(roles: roles) }
    /// The same from an actor's roles alone: reading a computed property of `actors[i]` copies
    /// the whole actor first, which a loop over 100k actors feels.
    public static func isByline(roles: [String]) -> Bool { roles.contains("byline") || roles.contains("credit") }
}

/// Where an actor is named: offsets (Unicode scalars) in an article's cleaned text.
public struct Mention: Sendable, Hashable, Codable {
    public var article: String
    public var start: Int
    public var end: Int
}
