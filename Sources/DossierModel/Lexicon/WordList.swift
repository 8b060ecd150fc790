/// Builds a lowercase lookup set from a whitespace- or `|`-separated list. Lists are written as
/// text so that they stay compact and readable; multi-word entries use `|` separators.
enum WordList {
    static func set(_ text: String) -> WordSet {
        WordSet(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { $0.lowercased() })
    }

    /// Multi-word phrases, `|`-separated, as arrays of lowercase words.
    static func phrases(_ text: String) -> [[String]] {
        text.split(separator: "|").map { phrase in
            phrase.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { $0.lowercased() }
        }.filter { !$0.isEmpty }
    }
}
