import Foundation
import Testing
@testable import DossierModel

/// Case-insensitive containment, sixteen places at a time, against its plain definition.
@Suite struct TextSearchTests {
    /// The definition: some place where every byte, its ASCII capital folded, is the needle's.
    static func plain(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= hay.count else { return false }
        let fold = { (b: UInt8) in b >= 65 && b <= 90 ? b + 32 : b }
        return (0...(hay.count - needle.count)).contains { i in needle.indices.allSatisfy { fold(hay[i + $0]) == needle[$0] } }
    }

    static func fast(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        hay.withUnsafeBufferPointer { TextSearch.containsFolded($0, needle) }
    }

    @Test func agreesWithTheDefinitionOnRandomText() {
        // a small alphabet with capitals and the bytes a set 0x20 bit confuses ('@' and '`',
        // '[' and '{'), so that places where only the needle's ends agree are common
        let alphabet = Array("aAbB@`[{ é".utf8)
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let hay = (0..<Int.random(in: 0...70, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            let needle = (0..<Int.random(in: 1...20, using: &rng)).map { _ in
                Array("ab@`[{ é".utf8).randomElement(using: &rng)!
            }
            #expect(Self.fast(hay, needle) == Self.plain(hay, needle), "\(hay) \(needle)")
            // a needle taken from the text itself, lowercased, is always there
            if hay.count >= 3 {
                let from = Int.random(in: 0..<(hay.count - 2), using: &rng)
                let piece = hay[from...].prefix(Int.random(in: 1...(hay.count - from), using: &rng)).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
                #expect(Self.fast(hay, piece), "\(hay) \(piece)")
            }
        }
    }

    @Test func findsMatchesAtEveryPlaceAroundTheSixteenByteSteps() {
        for length in [1, 2, 15, 16, 17, 31, 32, 33] {
            for size in [length, length + 1, 31, 32, 33, 47, 64, 65] where size >= length {
                for at in 0...(size - length) {
                    var hay = [UInt8](repeating: UInt8(ascii: "x"), count: size)
                    for k in 0..<length { hay[at + k] = k % 2 == 0 ? UInt8(ascii: "Q") : UInt8(ascii: "r") }
                    let needle = (0..<length).map { $0 % 2 == 0 ? UInt8(ascii: "q") : UInt8(ascii: "r") }
                    #expect(Self.fast(hay, needle), "length \(length) size \(size) at \(at)")
                    hay[at + length - 1] = UInt8(ascii: "y")
                    #expect(!Self.fast(hay, needle), "length \(length) size \(size) at \(at), last byte changed")
                }
            }
        }
        #expect(Self.fast([], []))
        #expect(!Self.fast([], Array("a".utf8)))
        #expect(!Self.fast(Array("`".utf8), Array("@".utf8)))
        #expect(!Self.fast(Array("{".utf8), Array("[".utf8)))
        #expect(Self.fast(Array("THE MINISTER SAID".utf8), Array("minister said".utf8)))
    }

    @Test func mappedTextIsSearchedWhereItLiesAndAgreesWithItsString() throws {
        let path = Paths.temporaryFolder().appendingPathComponent("text").path
        let text = "The Minister said: “Zürich will wait.” ÉTÉ and été."
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let file = try #require(MappedFile(path: path))
        let mapped = MappedText(file: file, start: 0, count: text.utf8.count)
        for query in ["minister SAID", "zürich", "ZÜRICH", "été", "wait.”", "absent", "said:  ", "t"] {
            let needle = TextSearch.Needle(query)
            #expect(mapped.contains(needle) == TextSearch.contains(text, needle), "\(query)")
        }
        // none of that made the string; a part is searched within its bounds only
        #expect(!mapped.isMade)
        let said = try #require(text.range(of: "said"))
        let from = text.utf8.distance(from: text.utf8.startIndex, to: said.lowerBound)
        #expect(TextPart.mapped(mapped, from: from, to: from + 4).contains(TextSearch.Needle("SAID")))
        #expect(!TextPart.mapped(mapped, from: from, to: from + 4).contains(TextSearch.Needle("minister")))
        #expect(!mapped.isMade)
        // once made, the string is what is searched
        _ = mapped.string
        #expect(mapped.contains(TextSearch.Needle("ZÜRICH")))
    }
}

/// Every match's offsets, found from the text's UTF-8, against their definition on scalars.
@Suite struct MatchOffsetTests {
    /// The definition: scalar by scalar, each compared by its fold, the first match taken and
    /// the next looked for after it.
    static func reference(in text: String, query: String, limit: Int) -> [Range<Int>] {
        let q = query.unicodeScalars.map(TextSearch.fold), t = text.unicodeScalars.map(TextSearch.fold)
        guard !q.isEmpty, t.count >= q.count else { return [] }
        var out: [Range<Int>] = []
        var i = 0
        while i <= t.count - q.count, out.count < limit {
            if t[i..<(i + q.count)].elementsEqual(q) { out.append(i..<(i + q.count)); i += q.count } else { i += 1 }
        }
        return out
    }

    @Test(arguments: [false, true]) func queriesFindTheScalarByScalarMatches(plain: Bool) {
        // multi-byte scalars before and between matches shift scalar offsets from byte offsets;
        // letters whose cases differ in length, quotes of either kind, a combining accent
        let alphabet: [Unicode.Scalar] = ["a", "A", "b", "B", " ", "é", "É", "漢", "😀", "\u{301}", "’", "'", "k", "\u{212A}",
                                          "ß", "ẞ", "п", "П", "“", "\""]
        let queryScalars: [Unicode.Scalar] = plain ? ["a", "B", "b", " ", "k"] : ["a", "b", "é", "'", "ß", "п", "\"", "k", " "]
        var rng = SystemRandomNumberGenerator()
        var compared = 0
        while compared < 3000 {
            var hay = String.UnicodeScalarView(), query = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...80, using: &rng) { hay.append(alphabet.randomElement(using: &rng)!) }
            for _ in 0..<Int.random(in: 1...3, using: &rng) { query.append(queryScalars.randomElement(using: &rng)!) }
            let h = String(hay), q = String(query)
            guard TextSearch.Needle(q).plain == plain else { continue }
            compared += 1
            let limit = Int.random(in: 1...12, using: &rng)
            #expect(TextSearch.matches(in: h, query: q, limit: limit) == Self.reference(in: h, query: q, limit: limit),
                    "\(h.debugDescription) \(q.debugDescription) \(limit)")
        }
    }

    @Test func matchesDoNotOverlapAndCountScalars() {
        #expect(TextSearch.matches(in: "aaaa", query: "aa") == [0..<2, 2..<4])
        #expect(TextSearch.matches(in: "漢字 SAID, said", query: "said") == [3..<7, 9..<13])
        #expect(TextSearch.matches(in: "Iran’s regime, Iran's", query: "iran's") == [0..<6, 15..<21])
        #expect(TextSearch.matches(in: "ßß STRASSE straße", query: "ß") == [0..<1, 1..<2, 15..<16])
        #expect(TextSearch.matches(in: "abc", query: "") == [])
    }
}

/// Queries with other than plain ASCII: every scalar compared by its fold, on the text's bytes.
@Suite struct FoldedScalarSearchTests {
    /// The definition: the text's folded scalars hold the query's.
    static func plain(_ hay: String, _ query: String) -> Bool {
        let t = hay.unicodeScalars.map(TextSearch.fold), q = query.unicodeScalars.map(TextSearch.fold)
        guard q.count <= t.count else { return false }
        return (0...(t.count - q.count)).contains { i in t[i..<(i + q.count)].elementsEqual(q) }
    }

    @Test func agreesWithTheDefinitionOnRandomText() {
        // letters whose cases differ in length (ß, ẞ), letters folding onto ASCII (the Kelvin
        // sign, İ), curly and straight quotes, Cyrillic, a combining accent
        let alphabet: [Unicode.Scalar] = ["a", "A", "e", "é", "É", "\u{301}", "ß", "ẞ", "k", "K", "\u{212A}", "i", "İ",
                                          "'", "’", "\"", "“", "п", "П", " ", "s", "ǆ", "Ǆ", "ǅ", "ω", "Ω", "\u{2126}"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<4000 {
            var hay = String.UnicodeScalarView(), query = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...40, using: &rng) { hay.append(alphabet.randomElement(using: &rng)!) }
            for _ in 0..<Int.random(in: 1...6, using: &rng) { query.append(alphabet.randomElement(using: &rng)!) }
            let h = String(hay), q = String(query)
            #expect(TextSearch.contains(h, TextSearch.Needle(q)) == Self.plain(h, q), "\(h.debugDescription) \(q.debugDescription)")
            #expect(!TextSearch.matches(in: h, query: q).isEmpty == Self.plain(h, q), "\(h.debugDescription) \(q.debugDescription)")
            // a piece of the text, in capitals, is always found
            let scalars = Array(h.unicodeScalars)
            if scalars.count >= 2 {
                let from = Int.random(in: 0..<(scalars.count - 1), using: &rng)
                let piece = String(String.UnicodeScalarView(scalars[from..<min(scalars.count, from + 5)]))
                #expect(TextSearch.contains(h, TextSearch.Needle(piece.uppercased())) == Self.plain(h, piece.uppercased()))
                #expect(TextSearch.contains(h, TextSearch.Needle(piece)), "\(h.debugDescription) \(piece.debugDescription)")
            }
        }
    }

    @Test func aQueryInAnotherScriptIsFoundAtEveryPlaceAroundTheSixteenByteSteps() {
        // Cyrillic letters take two bytes in either case: these queries take the two-byte scan
        let word: [Unicode.Scalar] = ["п", "У", "т", "И", "н"]
        for length in 1...5 {
            let query = String(String.UnicodeScalarView(word.prefix(length))).lowercased()
            #expect(TextSearch.Needle(query).span == 2 * length)
            for filler in [0, 1, 7, 8, 15, 16, 17, 30] {
                for tail in [0, 1, 9, 16] {
                    let placed = String(repeating: "x", count: filler) + query.uppercased() + String(repeating: "é", count: tail)
                    #expect(TextSearch.contains(placed, TextSearch.Needle(query)), "\(length) after \(filler)")
                    let changed = String(repeating: "x", count: filler) + query.uppercased().dropLast() + "Ж" + String(repeating: "é", count: tail)
                    #expect(!TextSearch.contains(changed, TextSearch.Needle(query)), "\(length) after \(filler), last letter changed")
                }
            }
        }
        // a letter whose forms differ in length splits the runs; the longest run is scanned for
        #expect(TextSearch.Needle("straße").run == 0..<4)
        #expect(TextSearch.Needle("don't go").run == 4..<8)      // `t go`, four bytes
        #expect(TextSearch.Needle("saïd").span == 5)
        #expect(TextSearch.Needle("’").span == 0)                // no run: the first letter's lead bytes
        #expect(TextSearch.contains("Don’t", TextSearch.Needle("’")))
        #expect(TextSearch.contains("a ẞ b", TextSearch.Needle("ß")))
    }

    @Test func findsWhatAReaderTypes() {
        let text = "Le MINISTÈRE a dit: “Don’t wait.” Путин, STRAẞE, Ωmega, İstanbul, 25\u{212A}."
        for (query, found) in [("ministère", true), ("Ministere", false), ("don't", true), ("\"don't wait.\"", true),
                               ("путин", true), ("straße", true), ("ωMEGA", true), ("é", false), ("è", true),
                               ("istanbul", false), ("İstanbul", true), ("25k", false), ("’", true), ("dit:", true)] {
            #expect(TextSearch.contains(text, TextSearch.Needle(query)) == found, "\(query)")
        }
    }

    @Test func bytesThatAreNotUTF8MatchNothingAndTheRestIsFound() {
        // a lone continuation byte, a cut sequence, an overlong form and a byte past Unicode
        let broken: [UInt8] = [0x80, 0xC3, 0x41, 0xC0, 0xAF, 0xF8, 0xE2, 0x80] + Array(" Été “x” ".utf8) + [0xC3]
        broken.withUnsafeBufferPointer { hay in
            #expect(TextSearch.contains(bytes: hay, TextSearch.Needle("été")))
            #expect(TextSearch.contains(bytes: hay, TextSearch.Needle("\"x\"")))
            #expect(TextSearch.contains(bytes: hay, TextSearch.Needle("a")))
            #expect(!TextSearch.contains(bytes: hay, TextSearch.Needle("é\u{FFFD}")))
            #expect(!TextSearch.contains(bytes: hay, TextSearch.Needle("\u{FFFD}a")))   // broken bytes match nothing
            #expect(!TextSearch.contains(bytes: hay, TextSearch.Needle("ÃA")))
        }
    }

    @Test func aLongerQueryImpliesTheShorterItHoldsFolded() {
        #expect(TextSearch.Needle("MINISTÈRE").implies(TextSearch.Needle("istè")))
        #expect(TextSearch.Needle("don’t go").implies(TextSearch.Needle("N'T")))
        #expect(!TextSearch.Needle("ministe\u{300}re").implies(TextSearch.Needle("è")))
        #expect(!TextSearch.Needle("ab").implies(TextSearch.Needle("abc")))
        #expect(TextSearch.Needle("ab").implies(TextSearch.Needle("")))
    }
}

/// The scalars a query's letter stands for, checked against every scalar there is.
@Suite struct FoldingOntoTests {
    @Test func everyScalarIsFoundByTheLetterItFoldsOnto() {
        var folding = 0
        for v in UInt32(0)...0x10FFFF {
            guard let t = Unicode.Scalar(v) else { continue }
            let folded = TextSearch.fold(t)
            guard folded != t else { continue }
            folding += 1
            #expect(FoldedScalars.foldingOnto(folded).contains(t), "U+\(String(v, radix: 16)) folds onto U+\(String(folded.value, radix: 16))")
        }
        #expect(folding > 1400)   // the cased letters, the curly quotes
        // and nothing is offered that does not fold onto the letter
        for s: Unicode.Scalar in ["a", "ß", "θ", "ω", "å", "é", "ǆ", "п", "'", "\"", "s", "k", "i", "1", " "] {
            for t in FoldedScalars.foldingOnto(s) { #expect(TextSearch.fold(t) == s, "\(t) for \(s)") }
        }
        #expect(FoldedScalars.foldingOnto("ǆ").count == 2)   // Ǆ and ǅ
        #expect(FoldedScalars.foldingOnto("k") == ["K"])       // not the Kelvin sign, which folds to itself
    }
}

/// What the browser's article search compares, read in place.
@Suite struct ArticleHoldsTests {
    @Test func titleSourceAuthorAndTextAreSearchedAndNothingElse() {
        let article = Article(id: "x1", file: "wire/x1.txt", title: "Talks Resume", source: "Daily Ledger", author: "Ana Ruiz",
                              paragraphs: [Paragraph(text: "The minister said “no”.", start: 0, end: 23, sourceStart: 0, sourceEnd: 23)])
        let corpus = Corpus(articles: [article], analyze: false)
        for (query, holds) in [("talks", true), ("LEDGER", true), ("ruiz", true), ("said \"no\"", true),
                               ("wire", false), ("x1", false), ("absent", false)] {
            #expect(corpus.articleHolds(0, TextSearch.Needle(query)) == holds, "\(query)")
        }
    }
}

/// A string is searched in its own bytes; the answer is the slice search's.
@Suite struct StringSearchPath {
    @Test func aStringAndItsSliceGiveTheSameAnswer() {
        let texts = ["short", "The Minister SAID the plan was final, in Zürich’s hall.", "", "a", String(repeating: "x", count: 40) + "said"]
        for text in texts {
            for query in ["said", "SAID THE", "zürich’s", "zurich", "x", "", "hall.", "final, in"] {
                let needle = TextSearch.Needle(query)
                #expect(TextSearch.contains(text, needle) == TextSearch.contains(text[...], needle), "\(query) in \(text)")
            }
        }
        #expect(TextSearch.contains("The Minister SAID", TextSearch.Needle("said")))
        #expect(!TextSearch.contains("short", TextSearch.Needle("shorts")))
    }
}

/// Every article's title, source and author in one buffer answer as the fields do one by one.
@Suite struct ArticleHeadingTests {
    static let articles: [Article] = (0..<9000).map { i in
        Article(id: "a\(i)", file: "a\(i).txt", title: i % 7 == 0 ? "" : "Title \(i) of the Ministère",
                source: i % 2 == 0 ? "Daily Post" : nil, author: i % 3 == 0 ? "Jane Roe-\(i)" : nil, paragraphs: [])
    }

    @Test func theHeadingsAnswerAsTheFields() {
        let headings = ArticleHeadings(articles: Self.articles)
        #expect(headings.count == Self.articles.count)
        for query in ["title 12", "ministère", "MINISTERE", "daily post", "jane roe-3", "post jane", "ministère daily",
                      "title 8999", "x", "e", "zzqx", "roe-8997"] {
            let needle = TextSearch.Needle(query)
            for (i, a) in Self.articles.enumerated() where i % 13 == 0 || i >= 8990 {
                let fields = [a.title, a.source ?? "", a.author ?? ""].contains { TextSearch.contains($0, needle) }
                #expect(headings.contains(i, needle) == fields, "\(query) in article \(i)")
            }
        }
        // a query that would join two fields matches neither
        #expect(!headings.contains(0, TextSearch.Needle("ministère daily")))
        #expect(headings.contains(0, TextSearch.Needle("daily post")))
        #expect(!headings.contains(1, TextSearch.Needle("daily post")))
        // an article whose fields are all empty holds nothing but the empty query
        let empty = ArticleHeadings(articles: [Article(id: "e", file: "e.txt", title: "", paragraphs: [])])
        #expect(!empty.contains(0, TextSearch.Needle("a")))
    }
}
