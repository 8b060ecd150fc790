import Foundation

/// Names an outlet from its web domain: `dailyledger.com` is "Daily Ledger".
///
/// Domains run words together, so the label is split by dynamic programming over a vocabulary
/// of words common in outlet names, plus the words of the article itself.
enum OutletName {
    /// Mail providers name no outlet.
    private static let mailProviders: WordSet = [
        "gmail", "googlemail", "yahoo", "hotmail", "outlook", "aol", "icloud", "protonmail", "proton",
        "mail", "gmx", "live", "msn", "yandex", "example",
    ]

    private static let vocabulary: WordSet = [
        "the", "a", "of", "and", "in", "on", "at", "for", "new", "news", "daily", "weekly", "times", "post",
        "journal", "herald", "tribune", "telegraph", "guardian", "observer", "independent", "express",
        "mirror", "mail", "sun", "star", "globe", "world", "global", "national", "international",
        "american", "america", "british", "european", "asian", "african", "arab", "middle", "east", "west",
        "north", "south", "review", "monitor", "report", "reports", "reporter", "record", "register",
        "gazette", "chronicle", "courier", "dispatch", "press", "media", "network", "wire", "today",
        "week", "weekend", "morning", "evening", "sunday", "street", "wall", "city", "state", "nation",
        "thinker", "think", "thought", "policy", "foreign", "affairs", "geopolitical", "political",
        "politics", "insider", "business", "finance", "financial", "money", "market", "markets",
        "economist", "economy", "economic", "science", "tech", "technology", "sport", "sports", "free",
        "beacon", "federalist", "spectator", "atlantic", "pacific", "hill", "capitol", "republic",
        "democracy", "liberty", "freedom", "truth", "fact", "facts", "check", "voice", "voices", "view",
        "views", "opinion", "standard", "examiner", "inquirer", "enquirer", "sentinel", "bulletin",
        "digest", "magazine", "online", "info", "hub", "center", "centre", "institute", "council",
        "foundation", "forum", "project", "watch", "line", "front", "page", "first", "daily", "beast",
        "vox", "axios", "fox", "sky", "channel", "radio", "tv", "broadcasting", "public", "people",
        "peoples", "iran", "israel", "china", "india", "russia", "europe", "asia", "africa",
        "washington", "london", "york", "los", "angeles", "chicago", "boston", "jerusalem", "tehran",
        "moscow", "paris", "berlin", "tokyo", "sydney", "toronto", "dubai", "gulf", "arabia", "al",
        "english", "focus", "current", "conversation", "intercept", "guard", "nerd", "wallet", "verge",
        "wired", "register", "local", "regional", "county", "valley", "coast", "bay", "river", "mountain",
        "union", "leader", "ledger", "banner", "eagle", "bee", "herald", "mercury", "planet", "earth",
        "energy", "health", "medical", "defense", "defence", "security", "strategic", "strategy",
        "military", "army", "navy", "times", "hour", "minute", "tribune", "signal", "source", "sources",
    ]

    static func fromDomain(_ domain: String, extraWords: Set<String> = []) -> String? {
        // a corpus has few outlets and many articles from each: split each domain once
        guard extraWords.isEmpty else { return split(domain, extraWords: extraWords) }
        return known.value(for: domain) { split(domain, extraWords: []) }
    }

    /// Outlet names already worked out from the built-in words alone, by domain.
    private static let known = SharedMemo<String, String?>()

    private static func split(_ domain: String, extraWords: Set<String>) -> String? {
        var labels = domain.lowercased().split(separator: ".").map(String.init)
        guard labels.count >= 2 else { return nil }
        labels.removeLast() // com, org, …
        if labels.count >= 2, ["co", "com", "org", "net", "ac", "gov"].contains(labels.last!) { labels.removeLast() }
        guard let label = labels.last, !label.isEmpty, !mailProviders.contains(label) else { return nil }
        let parts = label.split(separator: "-").map(String.init)
        let words = parts.flatMap { segment($0, extraWords: extraWords) ?? [$0] }
        return words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    /// Splits `dailyledger` into the fewest known words, or nil when it cannot.
    static func segment(_ label: String, extraWords: Set<String>) -> [String]? {
        let chars = Array(label)
        let n = chars.count
        guard n > 0, n <= 64 else { return nil }
        var best = [Int](repeating: Int.max, count: n + 1)
        var back = [Int](repeating: -1, count: n + 1)
        best[0] = 0
        for end in 1...n {
            for start in max(0, end - 20)..<end where best[start] != Int.max {
                let word = String(chars[start..<end])
                guard word.count >= 2 || word == "a", vocabulary.contains(word) || extraWords.contains(word) else { continue }
                if best[start] + 1 < best[end] {
                    best[end] = best[start] + 1
                    back[end] = start
                }
            }
        }
        guard best[n] != Int.max else { return nil }
        var words: [String] = []
        var end = n
        while end > 0 {
            let start = back[end]
            words.append(String(chars[start..<end]))
            end = start
        }
        return words.reversed()
    }
}
