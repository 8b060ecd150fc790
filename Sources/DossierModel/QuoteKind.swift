/// Speech or term: someone's words, or a scare-quoted word, phrase, nickname or title.
enum QuoteKind {
    /// Cues before a mark that name a term rather than report words (`what he called “…”`).
    static let termCues: WordSet = WordList.set("""
    called calls dubbed dubs dubbing termed terms labelled labeled branded nicknamed so-called known titled
    entitled idea concept notion phrase word term slogan their his her its as
    """)

    /// Past this many words a quote is speech whatever else holds.
    static let longestTerm = 8

    static func classify(text: Substring, tokensBefore: [Token], cueVerbBefore: Bool) -> Quote.Kind {
        // most quotes are long, and splitting each into words was most of classifying
        if hasMoreThan(longestTerm, wordsIn: text) { return .speech }
        let words = QuoteKind.words(text)
        let lastScalar = text.unicodeScalars.last
        let endsSentence = lastScalar.map { ".?!…".unicodeScalars.contains($0) } ?? false
        let previous = tokensBefore.last(where: \.isWord)?.lower ?? ""
        // `what he called “cultural penetration”`, `the idea of “axis of resistance”`
        let termCue = termCues.contains(previous) || (previous == "of" && tokensBefore.dropLast().last(where: \.isWord).map { termCues.contains($0.lower) } == true)
        // A title: every word capitalised (`“The Art of the Deal”`, `“Shake It Off.”`), unless
        // a speech verb introduces it
        if (2...8).contains(words.count), !cueVerbBefore,
           words.allSatisfy({ $0.first?.isUppercase == true || smallWords.contains($0) }),
           words.contains(where: { $0.contains(where: \.isLowercase) }) {
            return .term
        }
        if words.count <= 4 {
            if endsSentence && !termCue { return .speech }     // `“totally unreliable.”`
            if cueVerbBefore && !termCue && words.count >= 2 { return .speech }
            return .term
        }
        // A title: every word capitalised (`“The Art of the Deal”`)
        if words.count <= 8, words.allSatisfy({ $0.first?.isUppercase == true || titleSmallWords.contains($0) }),
           !endsSentence {
            return .term
        }
        if termCue && words.count <= 6 && !endsSentence { return .term }
        return .speech
    }

    /// Small words a title leaves lowercase.
    static let smallWords: Set<Substring> = ["of", "the", "and", "a", "an", "in", "to", "on", "for", "at"]
    static let titleSmallWords: Set<Substring> = ["of", "the", "and", "a", "in", "to"]

    /// The words of a quote: split at spaces, newlines and no-break spaces, each a character of
    /// its own. Splitting by characters walks grapheme clusters, which is slow; when every
    /// scalar is one that never joins a neighbour into a cluster (no combining marks, joiners,
    /// carriage returns or prepended marks), splitting by scalars gives the same words.
    static func words(_ text: Substring) -> [Substring] {
        let scalars = text.unicodeScalars
        guard scalars.allSatisfy(standsAlone) else {
            return text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\u{00A0}" })
        }
        return scalars.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\u{00A0}" }).map { Substring($0) }
    }

    /// Whether `words(text)` has more than `limit` words, known from its first words alone.
    /// Only scalars that stand alone are read: up to the first one that does not, splitting by
    /// scalars and by characters agree, and a scalar further on cannot join two earlier words.
    static func hasMoreThan(_ limit: Int, wordsIn text: Substring) -> Bool {
        var words = 0
        var inWord = false
        for s in text.unicodeScalars {
            guard standsAlone(s) else { return false }
            if s == " " || s == "\n" || s == "\u{00A0}" {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
                if words > limit { return true }
            }
        }
        return false
    }

    /// Latin letters and signs below the combining marks (bar the carriage return), and general
    /// punctuation bar the joiners and invisible format characters: each is a character alone.
    @inline(__always)
    static func standsAlone(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v < 0x300 && v != 0x0D) || (v >= 0x2010 && v <= 0x205F && v != 0x2028 && v != 0x2029 && (v < 0x202A || v > 0x202E))
    }
}
