/// Speech or term: someone's words, or a scare-quoted word, phrase, nickname or title.
enum QuoteKind {
    /// Cues before a mark that name a term rather than report words (`what he called “…”`).
    static let termCues: Set<String> = WordList.set("""
    called calls dubbed dubs dubbing termed terms labelled labeled branded nicknamed so-called known titled
    entitled idea concept notion phrase word term slogan their his her its as
    """)

    static func classify(text: Substring, tokensBefore: [Token], cueVerbBefore: Bool) -> Quote.Kind {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\u{00A0}" })
        let lastScalar = text.unicodeScalars.last
        let endsSentence = lastScalar.map { ".?!…".unicodeScalars.contains($0) } ?? false
        let previous = tokensBefore.last(where: \.isWord)?.lower ?? ""
        // `what he called “cultural penetration”`, `the idea of “axis of resistance”`
        let termCue = termCues.contains(previous) || (previous == "of" && tokensBefore.dropLast().last(where: \.isWord).map { termCues.contains($0.lower) } == true)
        // A title: every word capitalised (`“The Art of the Deal”`, `“Shake It Off.”`), unless
        // a speech verb introduces it
        let small: Set<Substring> = ["of", "the", "and", "a", "an", "in", "to", "on", "for", "at"]
        if (2...8).contains(words.count), !cueVerbBefore,
           words.allSatisfy({ $0.first?.isUppercase == true || small.contains($0) }),
           words.contains(where: { $0.contains(where: \.isLowercase) }) {
            return .term
        }
        if words.count <= 4 {
            if endsSentence && !termCue { return .speech }     // `“totally unreliable.”`
            if cueVerbBefore && !termCue && words.count >= 2 { return .speech }
            return .term
        }
        // A title: every word capitalised (`“The Art of the Deal”`)
        if words.count <= 8, words.allSatisfy({ $0.first?.isUppercase == true || ["of", "the", "and", "a", "in", "to"].contains($0) }),
           !endsSentence {
            return .term
        }
        if termCue && words.count <= 6 && !endsSentence { return .term }
        return .speech
    }
}
