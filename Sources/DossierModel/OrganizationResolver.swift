/// Organisations: one actor per body, its acronym linked to its long form
/// (`Example Students’ News Agency` … `ESNA`; `Harakat-e-Azadi or HEA`), and a bare
/// `Foreign Ministry` joined to `Iranian Foreign Ministry` when only a place word differs.
enum OrganizationResolver {
    /// One organisation: its name, acronyms, and its mentions (article, candidate).
    struct Group: Sendable {
        var name: String
        var acronyms: Set<String> = []
        var members: [(article: Int, candidate: Int)] = []
    }

    /// The organisations the candidates name, in the order their actors are made. Reads the
    /// candidates alone, so it can run while persons are resolved.
    static func groups(_ names: [ArticleNames]) -> [Group] {
        var groups: [Group] = []
        var byKey: [String: Int] = [:]

        // a name recurs in many articles: its key is worked out once
        var keys: [String: String] = [:]
        func key(_ name: String) -> String {
            if let known = keys[name] { return known }
            var words = name.lowercased().split(separator: " ").map(String.init)
            if words.first == "the" { words.removeFirst() }
            let k = words.joined(separator: " ")
            keys[name] = k
            return k
        }
        // The key without a leading place word: `iranian foreign ministry` → `foreign ministry`.
        func placeless(_ k: String) -> String? {
            let words = k.split(separator: " ")
            guard words.count >= 3, Places.words.contains(String(words[0])) else { return nil }
            return words.dropFirst().joined(separator: " ")
        }

        // Long forms first, longest first, so that shorter forms and acronyms find them.
        var longRefs: [(Int, Int)] = []
        var acronymRefs: [(Int, Int)] = []
        for (a, list) in names.enumerated() {
            for (c, org) in list.organizations.enumerated() {
                if org.isAcronym { acronymRefs.append((a, c)) } else { longRefs.append((a, c)) }
            }
        }
        // lengths counted once: `String.count` walks the characters, and a sort asks often
        let lengths = longRefs.map { names[$0.0].organizations[$0.1].name.count }
        let order = longRefs.indices.sorted { lengths[$0] > lengths[$1] }
        for (a, c) in order.map({ longRefs[$0] }) {
            let org = names[a].organizations[c]
            let k = key(org.name)
            // `Foreign Ministry` finds `Iranian Foreign Ministry`, entered under its placeless key
            var index = byKey[k]
            if index == nil {
                index = groups.count
                groups.append(Group(name: org.name.hasPrefix("The ") ? String(org.name.dropFirst(4)) : org.name))
                if let p = placeless(k), byKey[p] == nil { byKey[p] = index }
            }
            byKey[k] = index
            groups[index!].members.append((a, c))
            if let acronym = org.acronym { groups[index!].acronyms.insert(acronym) }
        }
        // Which group each acronym names, worked out once per distinct acronym.
        var acronymOwner: [String: Int?] = [:]
        var cued = Set<String>()
        for list in names { for o in list.organizations where o.isAcronym && o.acronymCue { cued.insert(o.name) } }
        for (a, c) in acronymRefs {
            let org = names[a].organizations[c]
            if acronymOwner[org.name] == nil {
                // typed first: assigned straight into the `Int??` subscript, `??` would stop at
                // a wrapped nil
                let owner: Int? = groups.firstIndex(where: { $0.acronyms.contains(org.name) })
                    ?? groups.firstIndex(where: { Acronyms.matches(org.name, longForm: $0.name) })
                acronymOwner[org.name] = .some(owner)
            }
            if let i = acronymOwner[org.name] ?? nil {
                groups[i].acronyms.insert(org.name)
                groups[i].members.append((a, c))
            } else if let i = byKey["acronym:" + org.name] {
                groups[i].members.append((a, c))
            } else if cued.contains(org.name) {
                byKey["acronym:" + org.name] = groups.count
                groups.append(Group(name: org.name, members: [(a, c)]))
            }
        }

        return groups
    }

    /// An actor per group, its mentions added to the per-article lists.
    static func add(_ groups: [Group], articles: [Article], names: [ArticleNames], actors: inout [Actor],
                    mentions: inout [[ResolvedMention]], usedIds: inout Set<String>) {
        for group in groups {
            let index = actors.count
            var actor = Actor(id: ActorResolver.uniqueId("o-" + ActorResolver.slug(group.name), &usedIds), name: group.name,
                              kind: .organization, aliases: [], roles: [], mentions: [], articles: [])
            // The members in article order: an article is new when it is not the last one seen,
            // and a name the same as the last one's is no new alias (neither is hashed then).
            var seenAliases = Set<String>()
            var lastArticle = -1, lastName: String?
            for (a, c) in group.members.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) {
                let org = names[a].organizations[c]
                mentions[a].append(ResolvedMention(start: org.start, end: org.end, actor: index, token: -1))
                if a != lastArticle { actor.articles.append(articles[a].id); lastArticle = a }
                if org.name != lastName, seenAliases.insert(org.name).inserted { actor.aliases.append(org.name) }
                lastName = org.name
            }
            for acronym in group.acronyms.sorted() { ActorResolver.appendUnique(&actor.aliases, acronym) }
            actors.append(actor)
        }
    }
}
