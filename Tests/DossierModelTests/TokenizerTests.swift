@testable import DossierModel
import Testing

@Suite struct TokenizerRules {
    /// The tokenizer works out each token's case facts from the scalars as it reads them; they
    /// must be what the token's own text gives.
    @Test func caseFactsReadFromScalarsMatchTheText() {
        let text = """
        Gen. Ana López-Ruiz told the U.S. Senate: “ÉCOLE NORMALE is not the MEK,” she said.\u{2028}
        Ⅻ Ⓐbc İstanbul ΣΊΣΥΦΟΣ naïve e\u{301}lan 3.5 1,200 O’Neill’s DOESN’T «Oui» „ja“ Ⅰ.

        Mr. Xu’ said (Dr. Ng) [sic] … ß STRASSE ǅemal
        """
        let tokens = Tokenizer.tokenize(text)
        #expect(tokens.count > 40)
        for t in tokens {
            let reference = Token(start: t.start, end: t.end, text: t.text, kind: t.kind)
            #expect(t.lower == reference.lower, "\(t.text)")
            #expect(t.isCapitalized == reference.isCapitalized, "\(t.text)")
            #expect(t.isAllCaps == reference.isAllCaps, "\(t.text)")
        }
    }

    /// Sentence starts after marks and kept periods, as the string-based rules gave them.
    @Test func sentenceStartsFollowMarksAndKeptPeriods() {
        let tokens = Tokenizer.tokenize("The U.S. Army left. Mr. Roe stayed; “Go,” he said. J. Doe came! U.S. has gone")
        let starts = tokens.filter(\.sentenceStart).map(\.text)
        // `U.S.` then a capital may end a sentence; `Mr.` and an initial never do; `U.S.` before
        // a lowercase word does not
        #expect(starts == ["The", "Army", "Mr.", "Go", "J.", "U.S."])
        for word in ["Roe", "Doe", "has"] { #expect(tokens.first { $0.text == word }?.sentenceStart == false, "\(word)") }
    }
}

@Suite struct QuoteWordRules {
    /// Splitting a quote by scalars must give the words that splitting by characters gives,
    /// whatever the text holds: the fast path is taken only where the two agree.
    @Test func quoteWordsMatchCharacterSplitting() {
        let pieces = ["a", "Bc", " ", " ", "\n", "\u{00A0}", "\r\n", "\r", "\u{301}", "e\u{301}", "’", "—", "…", "\u{200D}",
                      "👍🏽", "x\u{200C}y", "\u{0600}", "ß", "İ", "中文", "\u{2028}", "‼", "\u{202E}", "Ω"]
        var rng = SplitMix(seed: 11)
        for _ in 0..<3000 {
            let text = (0..<Int(rng.next() % 10)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            let whole = Substring("“" + text + "”").dropFirst().dropLast()
            let expected = whole.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\u{00A0}" })
            let got = QuoteKind.words(whole)
            #expect(got.map { Array($0.unicodeScalars) } == expected.map { Array($0.unicodeScalars) }, "\(Array(text.unicodeScalars))")
            // a quote known to be long from its first words is long
            for limit in 0..<4 where QuoteKind.hasMoreThan(limit, wordsIn: whole) {
                #expect(expected.count > limit, "\(Array(text.unicodeScalars)) limit \(limit)")
            }
        }
    }

    @Test func aLongQuoteIsKnownLongFromItsFirstWords() {
        let long = Substring("one two  three\nfour\u{00A0}five six seven eight nine e\u{301}")
        #expect(QuoteKind.hasMoreThan(8, wordsIn: long))
        #expect(QuoteKind.hasMoreThan(9, wordsIn: long))
        // looking for an eleventh word it meets the accent, and leaves the count to `words`
        #expect(!QuoteKind.hasMoreThan(10, wordsIn: long))
        #expect(!QuoteKind.hasMoreThan(8, wordsIn: "one two three four five six seven eight"))
        #expect(QuoteKind.classify(text: long, tokensBefore: [], cueVerbBefore: false) == .speech)
    }

    @Test func punctuationTokensCarryTheirMark() {
        let tokens = Tokenizer.tokenize("“Yes,” he said — and left.")
        #expect(tokens.filter { $0.kind == .punctuation }.map(\.mark) == ["“", ",", "”", "—", "."])
        #expect(tokens.filter { $0.kind != .punctuation }.allSatisfy { $0.mark == "\0" })
    }
}

@Suite struct ArticleJoinedNames {
    @Test func anArticleBeforeACapitalisedNameMakesACapitalisedWord() {
        #expect(Token.isArticleJoinedName("al-Sudani"))
        #expect(Token.isArticleJoinedName("el-Sisi"))
        #expect(Token.isArticleJoinedName("ash-Shara"))
        #expect(!Token.isArticleJoinedName("as-is"))
        #expect(!Token.isArticleJoinedName("all-out"))
        #expect(!Token.isArticleJoinedName("al-"))
        #expect(!Token.isArticleJoinedName("alpha"))
        let tokens = Tokenizer.tokenize("Prime Minister Mohammed al-Sudani and an all-out push")
        #expect(tokens.first { $0.text == "al-Sudani" }?.isCapitalized == true)
        #expect(tokens.first { $0.text == "all-out" }?.isCapitalized == false)
    }
}
