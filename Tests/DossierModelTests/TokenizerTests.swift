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
