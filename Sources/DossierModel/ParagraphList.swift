/// Where one paragraph lies: its offsets (Unicode scalars, in the cleaned text and in the
/// source) and its UTF-8 bytes in the article's text, each in 32 bits.
///
/// An article keeps these, not `Paragraph` values: a paragraph's words as a part of the text
/// held the text's storage once more per paragraph (48 bytes each, not 24), and at 100k
/// articles 1.3 million paragraphs live for as long as the corpus.
struct ParagraphPlace: Sendable, Hashable {
    @Int32Field var start: Int
    @Int32Field var end: Int
    @Int32Field var sourceStart: Int
    @Int32Field var sourceEnd: Int
    /// UTF-8 bytes `utf8From..<utf8To` of the article's text.
    var utf8From: Int32
    var utf8To: Int32

    var utf8Count: Int { Int(utf8To - utf8From) }
}

/// An article's paragraphs, each made from its place and the article's text when it is read.
public struct ParagraphList: RandomAccessCollection, Sendable, Equatable {
    let body: ArticleBody
    let places: [ParagraphPlace]

    public var startIndex: Int { 0 }
    public var endIndex: Int { places.count }

    public subscript(i: Int) -> Paragraph {
        let place = places[i]
        return Paragraph(part: body.part(Int(place.utf8From), Int(place.utf8To)), start: place.start, end: place.end,
                         sourceStart: place.sourceStart, sourceEnd: place.sourceEnd)
    }

    /// The same paragraphs (offsets and words), whether their texts are held or mapped.
    public static func == (a: ParagraphList, b: ParagraphList) -> Bool { a.elementsEqual(b) }

    /// Paragraph `i`'s start in the cleaned text, without making the paragraph.
    func start(_ i: Int) -> Int { places[i].start }
}
