/// A quotation with its speaker: a direct quote (`speech`), a scare-quoted term (`term`), or
/// reported speech without marks (`reported`).
public struct Quote: Sendable, Hashable, Identifiable {
    public enum Kind: String, Sendable, Codable, CaseIterable { case speech, term, reported }

    /// `article#q3` for the third quotation marked in an article, `article#r1` for its first
    /// reported speech. Worked out, not stored: a million quotes would hold a million copies.
    public var id: String { article + (kind == .reported ? "#r" : "#q") + String(number) }
    /// Its place among the article's quotes in marks (or among its reported speech), from 1.
    public var number: Int {
        get { Int(storedNumber) }
        set { storedNumber = Int32(clamping: newValue) }
    }
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
    /// Offsets of the quoted words (inside the marks) in the article's cleaned text.
    public var start: Int {
        get { Int(storedStart) }
        set { storedStart = Int32(clamping: newValue) }
    }
    public var end: Int {
        get { Int(storedEnd) }
        set { storedEnd = Int32(clamping: newValue) }
    }
    /// Index into `Corpus.actors`, or nil when the text names no speaker.
    public var speaker: Int? {
        get { storedSpeaker.map(Int.init) }
        set { storedSpeaker = newValue.map { Int32(clamping: $0) } }
    }
    /// Quotes with the same group carry the same words from the same speaker in several articles.
    public var group: Int? {
        get { storedGroup.map(Int.init) }
        set { storedGroup = newValue.map { Int32(clamping: $0) } }
    }
    // The numbers are held in 32 bits, which a million quotes feel (168 bytes a quote became
    // 128): no article runs to two thousand million characters, nor a corpus to as many actors.
    private var storedNumber: Int32, storedStart: Int32, storedEnd: Int32
    private var storedSpeaker: Int32?, storedGroup: Int32?
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
        storedNumber = Int32(clamping: number)
        storedStart = Int32(clamping: start)
        storedEnd = Int32(clamping: end)
        storedSpeaker = speaker.map { Int32(clamping: $0) }
        storedGroup = group.map { Int32(clamping: $0) }
        self.speakerName = speakerName
        self.cue = cue
        self.via = via
    }
}
