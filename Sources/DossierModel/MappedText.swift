import Synchronization

/// An article's text still in a mapped file as its UTF-8 bytes (a snapshot, or the temporary
/// file that `TextSpill` moves a large corpus's texts to), made into a string the first time
/// it is read as one and kept from then on. Readers that go through every text read the bytes
/// instead (`ArticleBody.withUTF8`, `contains`, `part`).
///
/// Reopening 100k articles made 236 MB of strings that a reader mostly never opens: about a
/// quarter of the reopening's time and 276 MB of its memory. Left in the mapping, the bytes are
/// the system's file cache until a pane, a search or an export reads them.
///
/// The snapshot is never written in place (a new one is written beside it and renamed over it),
/// so the mapped bytes stay those that the checksum passed when the snapshot was opened.
final class MappedText: Sendable {
    let file: MappedFile
    /// Where its bytes start in the file.
    let start: Int
    /// Its length in UTF-8 bytes, as stored.
    let count: Int
    private let made = Mutex<String?>(nil)

    /// Bytes `start..<start + count` of the file, which must lie inside it.
    init(file: MappedFile, start: Int, count: Int) {
        precondition(start >= 0 && count >= 0 && start + count <= file.bytes.count)
        self.file = file
        self.start = start
        self.count = count
    }

    /// The text, made from the bytes (checked as UTF-8, as any snapshot string is) on first use.
    var string: String {
        made.withLock { kept in
            if let kept { return kept }
            let text = withBytes { String(decoding: $0, as: UTF8.self) }
            kept = text
            return text
        }
    }

    /// Whether the string has been made.
    var isMade: Bool { made.withLock { $0 != nil } }

    /// UTF-8 bytes `from..<to` of the text, sharing its storage. Offsets that do not fall inside
    /// the text on scalar boundaries (a snapshot damaged in a way its checksum missed) give
    /// empty words rather than a crash.
    func slice(_ from: Int, _ to: Int) -> Substring {
        let text = string
        guard from >= 0, from <= to, text.isScalarBoundary(utf8: from), text.isScalarBoundary(utf8: to) else { return "" }
        return text.sliceUTF8(from, to)
    }

    /// UTF-8 bytes `from..<to` as a string of their own when the text is not made, leaving it
    /// unmade: listing every quote or paragraph of 100k articles (`export`, `quotes`) made and
    /// kept every article's text, 277 MB. Offsets as `slice` takes them: ones inside the text
    /// but not on a scalar's first byte (damage the checksum missed) give empty words.
    func part(_ from: Int, _ to: Int) -> Substring {
        if isMade { return slice(from, to) }
        guard from >= 0, from <= to, to <= count else { return "" }
        return withBytes { raw in
            let starts = { (at: Int) in at == raw.count || raw[at] & 0xC0 != 0x80 }
            guard starts(from), starts(to) else { return "" }
            return String(decoding: UnsafeRawBufferPointer(rebasing: raw[from..<to]), as: UTF8.self)[...]
        }
    }

    /// Whether UTF-8 bytes `from..<to` of the text hold the needle, case folded as
    /// `TextSearch.contains` folds it. Searching must not make a string of every article it
    /// passes over: the first search after a reopen that looked at most of 100k articles took
    /// a second a key and 700 MB. The bytes are searched as they lie, for any query.
    func contains(_ needle: TextSearch.Needle, from: Int = 0, to: Int? = nil) -> Bool {
        let end = min(to ?? count, count), start = max(0, min(from, end))
        if isMade { return TextSearch.contains(slice(start, end), needle) }
        guard !needle.isEmpty else { return true }
        return withBytes { raw in
            TextSearch.contains(bytes: UnsafeRawBufferPointer(rebasing: raw[start..<end]).bindMemory(to: UInt8.self), needle)
        }
    }

    /// The stored bytes, for writing them into a new snapshot without making a string of them.
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(rebasing: file.bytes[start..<(start + count)]))
    }
}

/// Words that are a part of an article's text (a paragraph, a quote's words): a slice of a
/// string in memory, or a UTF-8 range of a text still in a mapped snapshot.
enum TextPart: Sendable, Hashable {
    // Offsets in 32 bits, and a string rather than a `Substring` (which holds its bounds as two
    // 64-bit indices): a million quotes and a million paragraphs at 100k articles hold one
    // each, 8 and 16 bytes less apiece.
    /// UTF-8 bytes `from..<to` of a string in memory.
    case inString(String, from: Int32, to: Int32)
    /// UTF-8 bytes `from..<to` of a text in a mapped file.
    case inMapping(MappedText, from: Int32, to: Int32)

    /// A part that is the slice `s` of its string.
    static func slice(_ s: Substring) -> TextPart {
        let (from, to) = s.utf8RangeInBase
        guard let a = Int32(exactly: from), let b = Int32(exactly: to) else {
            // a slice past 2 GB into its string: its words as a string of their own
            let own = String(s)
            return .inString(own, from: 0, to: Int32(clamping: own.utf8.count))
        }
        return .inString(s.base, from: a, to: b)
    }

    /// Bytes `from..<to` of a mapped text (no text is 2 GB: offsets past that are cut).
    static func mapped(_ text: MappedText, from: Int, to: Int) -> TextPart {
        .inMapping(text, from: Int32(clamping: from), to: Int32(clamping: to))
    }

    var substring: Substring {
        switch self {
        case .inString(let s, let from, let to): return s.sliceUTF8(Int(from), Int(to))
        case .inMapping(let text, let from, let to): return text.part(Int(from), Int(to))
        }
    }

    /// Whether it holds the needle (`TextSearch.contains`), without making a mapped text's string.
    func contains(_ needle: TextSearch.Needle) -> Bool {
        switch self {
        case .inString: return TextSearch.contains(substring, needle)
        case .inMapping(let text, let from, let to): return text.contains(needle, from: Int(from), to: Int(to))
        }
    }

    /// Its length in UTF-8 bytes, without making the text for a mapped part.
    var utf8Count: Int {
        switch self {
        case .inString(_, let from, let to), .inMapping(_, let from, let to): return Int(to - from)
        }
    }

    static func == (a: TextPart, b: TextPart) -> Bool { a.substring == b.substring }
    func hash(into h: inout Hasher) { h.combine(substring) }
}

/// An article's text: a string in memory, or one still in a mapped snapshot.
enum ArticleBody: Sendable, Hashable {
    case held(String)
    case mapped(MappedText)

    var string: String {
        switch self {
        case .held(let s): return s
        case .mapped(let text): return text.string
        }
    }

    var utf8Count: Int {
        switch self {
        case .held(let s): return s.utf8.count
        case .mapped(let text): return text.count
        }
    }

    func contains(_ needle: TextSearch.Needle) -> Bool {
        switch self {
        case .held(let s): return TextSearch.contains(s, needle)
        case .mapped(let text): return text.contains(needle)
        }
    }

    /// The text's UTF-8 bytes, for as long as `body` runs; a mapped text is read where it lies,
    /// and its string is not made (the analysis reads every text once or twice, and strings
    /// made and kept would bring the whole corpus back into memory).
    func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        switch self {
        case .held(var s): return try s.withUTF8(body)
        case .mapped(let text): return try text.withBytes { try body($0.bindMemory(to: UInt8.self)) }
        }
    }

    /// Words `from..<to` (UTF-8 offsets, on scalar boundaries) as a part of this text: a range
    /// of a held string or of a mapped text (which stays unread), made without walking either.
    func part(_ from: Int, _ to: Int) -> TextPart {
        switch self {
        case .held(let s):
            guard let a = Int32(exactly: from), let b = Int32(exactly: to) else { return .slice(s.sliceUTF8(from, to)) }
            return .inString(s, from: a, to: b)
        case .mapped(let text): return .mapped(text, from: from, to: to)
        }
    }

    static func == (a: ArticleBody, b: ArticleBody) -> Bool { a.string == b.string }
    func hash(into h: inout Hasher) { h.combine(string) }
}
