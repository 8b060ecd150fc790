/// Authors and image credits: persons with the roles `byline` and `credit`, one per name.
enum BylineActors {
    /// The people each article's byline and credit name. A byline or a credit names the same
    /// people in every article that carries it: each distinct one is read once, on all cores.
    struct Found: Sendable {
        let authors: Distinct<String?>
        let credits: Distinct<String?>
        let byAuthor: [[String]]
        let byCredit: [String?]
        init(_ articles: [Article]) {
            authors = Distinct(articles.map(\.author))
            credits = Distinct(articles.map(\.credit))
            byAuthor = ParallelMap.map(authors.values) { bylineNames($0) }
            byCredit = ParallelMap.map(credits.values) { creditName($0) }
        }
    }

    /// One actor per name, in article order.
    static func add(_ found: Found, articles: [Article], actors: inout [Actor], usedIds: inout Set<String>) {
        var byName: [String: Int] = [:]
        // A byline or credit recurs in many articles: its names' keys are made once.
        let authorKeys = found.byAuthor.map { names in names.map { "byline:" + $0.lowercased() } }
        let creditKeys = found.byCredit.map { name in name.map { "credit:" + $0.lowercased() } }
        func add(_ name: String, key: String, role: String, article id: String) {
            if let i = byName[key] {
                // Articles come in order, so the actor has this one only if it was the last
                // added (a set of actor and article pairs hashed every article's id).
                if actors[i].articles.last != id { actors[i].articles.append(id) }
                return
            }
            byName[key] = actors.count
            actors.append(Actor(id: ActorResolver.uniqueId("\(role)-" + ActorResolver.slug(name), &usedIds), name: name,
                                kind: .person, aliases: [name], roles: [role], mentions: [], articles: [id]))
        }
        // by index: a loop over the articles themselves copied each one, every field retained
        for i in articles.indices {
            let id = articles[i].id, author = found.authors.index[i], credit = found.credits.index[i]
            for (name, key) in zip(found.byAuthor[author], authorKeys[author]) { add(name, key: key, role: "byline", article: id) }
            if let name = found.byCredit[credit], let key = creditKeys[credit] { add(name, key: key, role: "credit", article: id) }
        }
    }

    /// The distinct values of a list, and for each place in it the index of its value.
    struct Distinct<Value: Hashable & Sendable>: Sendable {
        var values: [Value] = []
        var index: [Int] = []
        init(_ list: [Value]) {
            var seen: [Value: Int] = [:]
            index.reserveCapacity(list.count)
            for v in list {
                if let known = seen[v] { index.append(known); continue }
                seen[v] = values.count
                index.append(values.count)
                values.append(v)
            }
        }
    }

    /// The people a byline names.
    static func bylineNames(_ author: String?) -> [String] {
        guard let author, !MetadataInference.isInstitution(author) else { return [] }
        return splitNames(author).filter(looksLikeName)
    }

    /// The person an image credit names (`Jane Roe via Example Agency`, `Jane Roe/Reuters`).
    static func creditName(_ credit: String?) -> String? {
        guard let credit else { return nil }
        var who = credit
        if let via = who.range(of: " via ") { who = String(who[..<via.lowerBound]) }
        if let slash = who.firstIndex(of: "/") { who = String(who[..<slash]) }
        who = Whitespace.trimmed(who)
        return looksLikeName(who) ? who : nil
    }

    static func splitNames(_ text: String) -> [String] {
        text.split(separator: " and ").flatMap { $0.split(separator: ",") }
            .map { Whitespace.trimmed($0) }.filter { !$0.isEmpty }
    }

    /// Two to four capitalised words, none a place or an organisation word.
    static func looksLikeName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (2...4).contains(words.count) else { return false }
        return words.allSatisfy { w in
            guard let f = w.unicodeScalars.first, f.properties.isUppercase else { return false }
            let l = w.lowercased()
            return !Places.words.contains(l) && !Titles.organizationHeads.contains(l) && !w.contains(where: \.isNumber)
        }
    }
}
