/// A quotation with its speaker: a direct quote (`speech`), a scare-quoted term (`term`), or
/// reported speech without marks (`reported`).
public struct Quote: Sendable, Hashable, Identifiable {
    public enum Kind: String, Sendable, Codable, CaseIterable { case speech, term, reported }

    /// `article#q3` for the third quotation marked in an article, `article#r1` for its first
    /// reported speech. Worked out, not stored: a million quotes would hold a million copies.
    public var id: String { article + (kind == .reported ? "#r" : "#q") + String(number) }
    /// Id of the article it is in.
    public var article: String
    /// The quoted words: a view of the article's text, which it shares rather than copies.
    public var text: Substring {
        get { words.substring }
        set { words = .slice(newValue) }
    }
    /// The words as they are held (a quote read back from a snapshot leaves them there).
    private(set) var words: TextPart
    public var kind: Kind
    // The numbers in 32 bits, declared after `kind` so that they pack behind it: a million
    // quotes take 128 bytes each, not 168.
    /// Its place among the article's quotes in marks (or among its reported speech), from 1.
    @Int32Field public var number: Int
    /// Offsets of the quoted words (inside the marks) in the article's cleaned text.
    @Int32Field public var start: Int
    @Int32Field public var end: Int
    /// Index into `Corpus.actors`, or nil when the text names no speaker.
    @OptionalInt32Field public var speaker: Int?
    /// Quotes with the same group carry the same words from the same speaker in several articles.
    @OptionalInt32Field public var group: Int?
    /// The speaker as the text names them, when no actor could be found.
    public var speakerName: String?
    /// The attribution as written (`he said`, `Roe added`, `according to AFP`).
    public var cue: String?
    /// The outlet the quote came through (`Islamic Republic News Agency`).
    public var via: String?

    init(number: Int, article: String, text: Substring, start: Int, end: Int, kind: Kind, speaker: Int? = nil,
         speakerName: String? = nil, cue: String? = nil, via: String? = nil, group: Int? = nil) {
        self.init(number: number, article: article, words: .slice(text), start: start, end: end, kind: kind,
                  speaker: speaker, speakerName: speakerName, cue: cue, via: via, group: group)
    }

    init(number: Int, article: String, words: TextPart, start: Int, end: Int, kind: Kind, speaker: Int?,
         speakerName: String?, cue: String?, via: String?, group: Int?) {
        self.article = article
        self.words = words
        self.kind = kind
        self.number = number
        self.start = start
        self.end = end
        self.speaker = speaker
        self.group = group
        self.speakerName = speakerName
        self.cue = cue
        self.via = via
    }
}
