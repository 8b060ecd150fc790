/// A word or mark of the cleaned text, with its offsets (Unicode scalars).
struct Token: Sendable {
    enum Kind: UInt8, Sendable { case word, number, punctuation }
    // The fields are in this order so that the one-byte ones pack after the scalar: 64 bytes a
    // token rather than 72 (a token array is made and read twice per article).
    var start: Int
    /// End of the word itself; a possessive `’s` or `’` after it is not included.
    var end: Int
    var text: String
    /// Worked out once, when the token is made: the tokens are read many times over.
    let lower: String
    /// A punctuation token's scalar (its whole text); NUL for words and numbers. Marks are
    /// compared by scalar: comparing a one-mark string with `"“"` goes through Unicode's slow path.
    let mark: Unicode.Scalar
    var kind: Kind
    /// Followed by `’s`, `'s`, or (after an s) a lone `’`.
    var possessive = false
    /// First word of a sentence, a paragraph, a quotation or the part after a colon.
    var sentenceStart = false
    /// First token of a paragraph.
    var paragraphStart = false
    /// Spaces before the token (false inside `Jane)Roe` or `U.S.`).
    var spaceBefore = true
    let isCapitalized: Bool
    /// Every letter uppercase and at least two letters (`MEK`, `U.S.`, `THERE`).
    let isAllCaps: Bool
    /// Stored, not worked out from `kind`: reading a computed property of `tokens[i]` copies the
    /// whole token (two strings retained and released), and `isWord` is read in every scan.
    let isWord: Bool

    init(start: Int, end: Int, text: String, kind: Kind) {
        self.start = start
        self.end = end
        self.text = text
        self.kind = kind
        isWord = kind == .word
        mark = kind == .punctuation ? text.unicodeScalars.first ?? "\0" : "\0"
        var upper = 0, letters = 0, first = true, capital = false
        var ascii = true
        for s in text.unicodeScalars {
            if !s.isASCII { ascii = false }
            let alphabetic = CharacterClass.isAlphabetic(s)
            let up = alphabetic && CharacterClass.isUppercase(s)
            if first { capital = up; first = false }
            if alphabetic { letters += 1; if up { upper += 1 } }
        }
        isCapitalized = kind == .word && (capital || Token.isArticleJoinedName(text))
        isAllCaps = letters >= 2 && upper == letters
        if upper == 0 && ascii {
            lower = text
        } else if ascii {
            // ASCII: lowercase the bytes directly
            var copy = text
            lower = copy.withUTF8 { bytes in
                String(unsafeUninitializedCapacity: bytes.count) { out in
                    for (k, b) in bytes.enumerated() { out[k] = b >= 65 && b <= 90 ? b + 32 : b }
                    return bytes.count
                }
            }
        } else {
            lower = text.lowercased()
        }
    }

    /// A token whose case facts the tokenizer worked out from the scalars as it read them.
    init(start: Int, end: Int, text: String, lower: String, kind: Kind, isCapitalized: Bool, isAllCaps: Bool) {
        self.start = start
        self.end = end
        self.text = text
        self.kind = kind
        isWord = kind == .word
        mark = kind == .punctuation ? text.unicodeScalars.first ?? "\0" : "\0"
        self.lower = lower
        self.isCapitalized = isCapitalized
        self.isAllCaps = isAllCaps
    }
}

extension Token {
    /// `al-Sudani`, `el-Sisi`, `ash-Shara`: an Arabic article joined by a hyphen to a
    /// capitalised name is a capitalised word, as the name is. Not inlined: the tokenizer's
    /// loop asks it only of words that pass `Tokenizer.mayBeArticleJoined` (inlined, and asked
    /// of every word, it cost 2% of the extraction's time and kept tokens from being built in
    /// place).
    @inline(never)
    static func isArticleJoinedName(_ text: String) -> Bool {
        let u = text.utf8
        guard u.count >= 4, let first = u.first, first == 0x61 || first == 0x65 else { return false }  // a, e
        // the hyphen is the third or the fourth byte (`al-`, `ash-`): most words are passed here
        let third = u.index(u.startIndex, offsetBy: 2)
        guard u[third] == 0x2D || u[u.index(after: third)] == 0x2D else { return false }
        for article in articles where text.utf8.starts(with: article.utf8) {
            let rest = text.unicodeScalars.dropFirst(article.unicodeScalars.count)
            return rest.count >= 2 && rest.first.map(CharacterClass.isUppercase) == true
        }
        return false
    }
    private static let articles = ["al-", "el-", "ad-", "an-", "ar-", "as-", "ash-", "at-", "az-"]
}

/// Character tests with an ASCII fast path: Unicode property lookups are slow per scalar.
/// General Punctuation (U+2000–U+206F: curly quotes, dashes, odd spaces) has no letter, digit
/// or mark, and news text is full of it, so it skips the lookups too.
enum CharacterClass {
    static let generalPunctuation: ClosedRange<UInt32> = 0x2000...0x206F

    @inline(__always)
    static func isAlphabetic(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 128 { return (v | 0x20) >= 97 && (v | 0x20) <= 122 }
        if generalPunctuation.contains(v) { return false }
        return s.properties.isAlphabetic
    }

    @inline(__always)
    static func isUppercase(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 128 { return v >= 65 && v <= 90 }
        if generalPunctuation.contains(v) { return false }
        return s.properties.isUppercase
    }

    @inline(__always)
    static func isLowercase(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 128 { return v >= 97 && v <= 122 }
        return s.properties.isLowercase
    }

    @inline(__always)
    static func isDigit(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 128 { return v >= 48 && v <= 57 }
        if generalPunctuation.contains(v) { return false }
        return s.properties.numericType != nil
    }

    @inline(__always)
    static func isWord(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 128 { return (v >= 48 && v <= 57) || ((v | 0x20) >= 97 && (v | 0x20) <= 122) }
        if generalPunctuation.contains(v) { return false }
        let p = s.properties
        return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
    }
}

/// Splits cleaned text into tokens in one pass over its scalars.
enum Tokenizer {
    /// Words that keep their period (`Mr.`, `Gen.`): never a sentence end before a name.
    static let abbreviations: WordSet = WordList.set("""
    mr mrs ms dr prof sr jr st gen lt col capt sgt maj brig adm sen rep gov rev hon cpl pvt cmdr supt insp det
    no vs etc inc ltd co corp dept univ jan feb mar apr jun jul aug sep sept oct nov dec mt ft approx est
    """)
    /// Abbreviations after which a capitalised word is still mid-sentence.
    static let nameAbbreviations: WordSet = WordList.set("mr mrs ms dr prof st gen lt col capt sgt maj brig adm sen rep gov rev hon cpl pvt cmdr supt insp det")

    static func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "’" }

    /// Each ASCII scalar as a string.
    private static let asciiMarks: [String] = (0..<128).map { String(Unicode.Scalar(UInt8($0))) }

    /// A string of `scalars[start..<end]`; plain ASCII words are copied byte by byte, which is
    /// much cheaper than appending scalars one at a time.
    @inline(__always)
    static func string(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int, lowercase: Bool = false) -> String {
        var ascii = true
        for k in start..<end where scalars[k].value >= 128 { ascii = false; break }
        guard ascii else {
            var bytes: [UInt8] = []
            bytes.reserveCapacity((end - start) * 2)
            for k in start..<end { Whitespace.appendUTF8(scalars[k], to: &bytes) }
            let s = String(decoding: bytes, as: UTF8.self)
            return lowercase ? s.lowercased() : s
        }
        return asciiString(scalars, start, end, lowercase: lowercase)
    }

    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool { CharacterClass.isWord(s) }

    /// `string` for scalars known to be ASCII.
    @inline(__always)
    static func asciiString(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int, lowercase: Bool = false) -> String {
        String(unsafeUninitializedCapacity: end - start) { buffer in
            for k in start..<end {
                var byte = UInt8(truncatingIfNeeded: scalars[k].value)
                if lowercase, byte >= 65, byte <= 90 { byte += 32 }
                buffer[k - start] = byte
            }
            return end - start
        }
    }

    /// What `Token` works out about case, counted scalar by scalar while a word is read; valid
    /// only while every scalar is ASCII.
    struct AsciiFacts {
        var ascii = true
        var letters = 0
        var upper = 0
        /// The first scalar is an uppercase letter.
        var capital = false
        var first = true

        @inline(__always)
        mutating func count(_ s: Unicode.Scalar) {
            let v = s.value
            if v >= 128 { ascii = false; return }
            let up = v >= 65 && v <= 90
            if first { capital = up; first = false }
            if up { letters += 1; upper += 1 } else if v >= 97 && v <= 122 { letters += 1 }
        }
    }

    static func tokenize(_ text: String) -> [Token] {
        tokenize(ScalarArray.of(text))
    }

    static func tokenize(_ scalars: [Unicode.Scalar]) -> [Token] {
        tokenize(scalars, in: 0..<scalars.count)
    }

    /// The tokens of `scalars[range]`, with offsets in all of `scalars`. A range that starts at
    /// a paragraph or a sentence (`AnalysisWindows`) and ends at a paragraph break or a space
    /// gives the tokens the whole text has there.
    static func tokenize(_ scalars: [Unicode.Scalar], in range: Range<Int>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(range.count / 5)
        let n = range.upperBound
        var i = range.lowerBound
        var atSentenceStart = true
        // a range from the middle of a paragraph starts a sentence, not a paragraph
        var atParagraphStart = i < 2 || (scalars[i - 1] == "\n" && scalars[i - 2] == "\n")
        var sawSpace = true
        // whether the token just made (and the last one before this) is a word ending in `.`:
        // only abbreviations and initials keep their period
        var endsWithPeriod = false
        var previousWordEndsWithPeriod = false
        while i < n {
            let s = scalars[i]
            if s == "\n" {
                if i + 1 < n, scalars[i + 1] == "\n" { atParagraphStart = true; atSentenceStart = true }
                sawSpace = true
                i += 1
                continue
            }
            if Whitespace.isSpace(s) { sawSpace = true; i += 1; continue }
            var token: Token
            if isWordScalar(s) {
                let start = i
                var end = i
                var isNumber = CharacterClass.isDigit(s)
                // case facts of a plain-ASCII word, counted while it is read
                var facts = AsciiFacts()
                // letters, digits, inner hyphens and apostrophes (`Vali-e-Faqih`, `doesn’t`)
                while end < n {
                    let c = scalars[end]
                    if isWordScalar(c) {
                        if !CharacterClass.isDigit(c) { isNumber = false }
                        facts.count(c)
                        end += 1
                    } else if (c == "-" || c == "‑" || isApostrophe(c) || (isNumber && (c == "," || c == ".")))
                                && end + 1 < n && isWordScalar(scalars[end + 1]) {
                        // a possessive ’s ends the word
                        if isApostrophe(c), (scalars[end + 1] == "s" || scalars[end + 1] == "S"),
                           end + 2 >= n || !isWordScalar(scalars[end + 2]) { break }
                        facts.count(c)
                        facts.count(scalars[end + 1])
                        end += 2
                    } else {
                        break
                    }
                }
                var word = facts.ascii ? Tokenizer.asciiString(scalars, start, end) : Tokenizer.string(scalars, start, end)
                var wordEnd = end
                var extended = false
                // periods of abbreviations and initials: `Mr.`, `U.S.`, `J.`
                if end < n, scalars[end] == "." {
                    let lower = facts.ascii ? Tokenizer.asciiString(scalars, start, end, lowercase: true) : word.lowercased()
                    let single = end - start == 1 && CharacterClass.isAlphabetic(s)
                    if abbreviations.contains(lower) || single {
                        var j = end + 1
                        // U.S. / U.N. / D.C.
                        while single, j + 1 < n, CharacterClass.isUppercase(scalars[j]), scalars[j + 1] == "." { j += 2 }
                        word = Tokenizer.string(scalars, start, j)
                        end = j
                        wordEnd = j
                        extended = true
                    }
                }
                token = wordToken(scalars, start, wordEnd, word, kind: isNumber ? .number : .word, facts: extended ? nil : facts)
                endsWithPeriod = extended
                // possessive: ’s, or a lone ’ after a final s
                if end + 1 < n, isApostrophe(scalars[end]), scalars[end + 1] == "s" || scalars[end + 1] == "S",
                   end + 2 >= n || !isWordScalar(scalars[end + 2]) {
                    token.possessive = true
                    end += 2
                } else if end < n, isApostrophe(scalars[end]), word.hasSuffix("s"),
                          end + 1 >= n || !isWordScalar(scalars[end + 1]) {
                    token.possessive = true
                    end += 1
                }
                i = end
            } else {
                // an ASCII mark's string is made once for all, not for each mark
                let text = s.isASCII ? asciiMarks[Int(s.value)] : String(s)
                // a mark with a lowercase form is a letter-like symbol; lowercase it as any text
                let lower = s.isASCII || CharacterClass.generalPunctuation.contains(s.value) || !s.properties.changesWhenLowercased
                    ? text : text.lowercased()
                token = Token(start: i, end: i + 1, text: text, lower: lower, kind: .punctuation, isCapitalized: false,
                              isAllCaps: false)
                endsWithPeriod = false
                i += 1
            }
            // `U.S. has withdrawn`: an abbreviation ends a sentence only before a capital
            if atSentenceStart, previousWordEndsWithPeriod, !token.isCapitalized, token.kind != .punctuation {
                atSentenceStart = false
            }
            previousWordEndsWithPeriod = token.kind == .word && endsWithPeriod
            token.sentenceStart = atSentenceStart
            token.paragraphStart = atParagraphStart
            token.spaceBefore = sawSpace
            atParagraphStart = false
            sawSpace = false
            // read field by field: the whole token passed on was a copy, two strings retained
            atSentenceStart = startsNext(kind: token.kind, scalar: s, word: endsWithPeriod ? token.text : nil,
                                         wasStart: atSentenceStart,
                                         nextIsSpace: i >= n || Whitespace.isSpace(scalars[i]) || scalars[i] == "\n")
            // moved in, not copied: a copy retained both strings and the token then released
            // them, and its wide reads of the flags just written stalled (tokenizing 10k: 0.45 s
            // to 0.38 s)
            tokens.append(consume token)
        }
        return tokens
    }

    /// Whether the token after this one starts a sentence. `kind`: this token's; `scalar`: its
    /// first scalar (a punctuation token is that scalar alone); `word`: a word's text when it
    /// kept its period (`U.S.`, `Mr.`), else nil.
    @inline(__always)
    private static func startsNext(kind: Token.Kind, scalar: Unicode.Scalar, word: String?, wasStart: Bool,
                                   nextIsSpace: Bool) -> Bool {
        switch kind {
        case .punctuation:
            switch scalar {
            case ".", "!", "?", "…", ":", "“", "«", "„": return true
            // a closing mark keeps what came before it: `.”` ends a sentence, `,”` does not
            case "”", "’", ")", "]", "»": return wasStart
            case "\"": return nextIsSpace ? wasStart : true
            default: return false
            }
        case .word:
            // `U.S.` at a sentence end; `Mr.` never is
            guard let word else { return false }
            let bare = String(word.dropLast()).lowercased()
            return !nameAbbreviations.contains(bare) && !(bare.count == 1)
        case .number:
            return false
        }
    }

    /// Whether `scalars[start..<end]` starts as `Token.isArticleJoinedName` needs: an `a` or
    /// an `e`, a hyphen third or fourth. Read from the scalars in the loop, so that the test is
    /// made for a hyphenated word alone (made for every word starting a or e, it was 1% of the
    /// extraction's time).
    @inline(__always)
    private static func mayBeArticleJoined(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> Bool {
        end - start >= 4 && (scalars[start] == "a" || scalars[start] == "e")
            && (scalars[start + 2] == "-" || scalars[start + 3] == "-")
    }

    /// A word or number token of `scalars[start..<end]` (spelled `text`). A plain-ASCII word's
    /// case facts were counted as it was read; any other word's come from its text.
    @inline(__always)
    private static func wordToken(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int, _ text: String,
                                  kind: Token.Kind, facts: AsciiFacts?) -> Token {
        guard let facts, facts.ascii else { return Token(start: start, end: end, text: text, kind: kind) }
        let lower = facts.upper == 0 ? text : Tokenizer.asciiString(scalars, start, end, lowercase: true)
        return Token(start: start, end: end, text: text, lower: lower, kind: kind,
                     isCapitalized: kind == .word && (facts.capital || mayBeArticleJoined(scalars, start, end) && Token.isArticleJoinedName(text)),
                     isAllCaps: facts.letters >= 2 && facts.upper == facts.letters)
    }
}
