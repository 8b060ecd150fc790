import Foundation

/// A mention resolved to an actor, in one article.
public struct ResolvedMention: Sendable, Hashable {
    // 32 bits each, as a paragraph's offsets: a million mentions take 16 bytes each, not 32
    @Int32Field public var start: Int
    @Int32Field public var end: Int
    @Int32Field public var actor: Int
    /// Token index of the name's first word (for attribution).
    @Int32Field var token: Int

    init(start: Int, end: Int, actor: Int, token: Int) {
        self.start = start
        self.end = end
        self.actor = actor
        self.token = token
    }
}

/// A person candidate by its article and its place in the article's list, each in 32 bits: the
/// resolver holds one for every person candidate of the corpus, two million at 100k articles,
/// at the peak of a first analysis.
struct CandidateRef: Sendable {
    @Int32Field var article: Int
    @Int32Field var candidate: Int

    init(_ article: Int, _ candidate: Int) {
        self.article = article
        self.candidate = candidate
    }
}

/// Turns each article's candidates into one actor per real person or organisation.
///
/// Full names cluster across articles (exact, a shorter full name that ends a longer one, or
/// transliteration variants with the same given name); a bare surname then links to the one
/// cluster that carries it, in its article first, then in the corpus, and stays unresolved when
/// two fit. Titles become roles; bylines and credits are kept apart.
enum ActorResolver {
    struct Output {
        /// Their `mentions` are left empty: `ActorIndex` fills them from the per-article lists.
        var actors: [Actor]
        /// Per article (by index), its resolved mentions in text order.
        var mentions: [[ResolvedMention]]
    }

    /// Built by the serial clustering passes; read, never written, by the parallel actor
    /// building that follows (hence unchecked).
    final class Cluster: @unchecked Sendable {
        var names: [[String]] = []
        /// `names`, lowercased (compared again and again while clustering).
        var lowerNames: [[String]] = []
        var evidence: PersonCandidate.Evidence = []
        private(set) var members: [CandidateRef] = []
        /// Articles with a member: a set, so that "is this person in this article" is cheap.
        private(set) var articleSet = Set<Int>()
        var surnameOnly = false
        func add(_ ref: CandidateRef) {
            members.append(ref)
            articleSet.insert(ref.article)
        }
        /// Lets go of everything it holds (once the resolver is done with it).
        func empty() {
            names = []; lowerNames = []; members = []; articleSet = []
            surnameKeys = []; listPosition = [:]; buckets = []; fittingKeys = nil
        }
        var canonical: [String] { names.max { a, b in a.count < b.count } ?? [] }
        /// Keys of the last words of its names, for bare-surname lookups.
        var surnameKeys: Set<String> = []
        /// Its place in each `bySurname` list it is on, and the name buckets it is in.
        var listPosition: [String: Int] = [:]
        var buckets: Set<NameBucket> = []
        /// The surname keys it fits once clusters are settled; nil when it fits none. Kept on the
        /// cluster: a table by cluster was looked up for every cluster of an article, for every
        /// bare surname in it.
        var fittingKeys: [String]?
        /// `surnameKey`: the key of the name's last word (the resolver keeps them worked out).
        init(name: [String], surnameKey: String) {
            names = [name]
            lowerNames = [ActorResolver.lowered(name)]
            surnameKeys.insert(surnameKey)
        }
    }

    static func resolve(articles: [Article], names: [ArticleNames]) -> Output {
        // Organisations and bylines do not depend on persons: worked out on a thread of their
        // own while persons are clustered (one core would otherwise idle), then numbered after.
        let organizations = Background { OrganizationResolver.groups(names) }
        let bylines = Background { BylineActors.Found(articles) }
        var clusters: [Cluster] = []
        // surname keys are asked for again and again; work each out once
        var keyCache: [String: String] = [:]
        func surnameKey(_ s: String) -> String {
            if let k = keyCache[s] { return k }
            let k = NameVariants.key(s)
            keyCache[s] = k
            return k
        }

        // 1. Full names (two or more words), longest first so shorter forms find their owner.
        var full: [CandidateRef] = []
        for (a, article) in names.enumerated() {
            for (c, candidate) in article.persons.enumerated() where candidate.name.count >= 2 { full.append(CandidateRef(a, c)) }
        }
        full.sort { names[$0.article].persons[$0.candidate].name.count > names[$1.article].persons[$1.candidate].name.count }
        // Clusters by the key of their names' last word: a full name only meets clusters that
        // could share its surname.
        var bySurname: [String: [Cluster]] = [:]
        var exact: [[String]: Cluster] = [:]
        // Within a surname, clusters by the initial of the key of the word before it: names that
        // can be the same (equal, one ending the other, or transliterations) always share it,
        // so a new name is compared with a few clusters, not with every one of a common surname.
        // Each bucket keeps the `bySurname` order, so the first match is the one a scan finds.
        var buckets: [NameBucket: [Cluster]] = [:]
        func bucket(_ lowerName: [String], _ key: String) -> NameBucket {
            NameBucket(surname: key, initial: surnameKey(lowerName[lowerName.count - 2]).unicodeScalars.first)
        }
        func register(_ cluster: Cluster, _ b: NameBucket) {
            guard cluster.buckets.insert(b).inserted, let position = cluster.listPosition[b.surname] else { return }
            // The list is in `bySurname` order and a cluster is nearly always the newest on it,
            // so its place is found from the end; the list is changed where it lies (a copy
            // taken out and put back was copied whole on each insert).
            buckets[b, default: []].insert(cluster, atPlaceFromEnd: { ($0.listPosition[b.surname] ?? 0) > position })
        }
        // A name spelled exactly as before goes to the same cluster, and everything else below
        // is already done for it: most full names are repeats, and this skips their lowercasing
        // and half a dozen table lookups.
        var spelled: [[String]: Cluster] = [:]
        for ref in full {
            let candidate = names[ref.article].persons[ref.candidate]
            if let cluster = spelled[candidate.name] {
                cluster.add(ref)
                if !candidate.modifierUse { cluster.evidence.formUnion(candidate.evidence) }
                continue
            }
            let lowerName = lowered(candidate.name)
            let key = surnameKey(candidate.surname)
            let b = bucket(lowerName, key)
            let cluster = exact[lowerName]
                ?? buckets[b]?.first { cluster in
                    cluster.lowerNames.contains { sameFullName(lowered: lowerName, $0, key: surnameKey) }
                }
                ?? { let c = Cluster(name: candidate.name, surnameKey: key); clusters.append(c); return c }()
            exact[lowerName] = cluster
            if cluster.listPosition[key] == nil {
                cluster.listPosition[key] = bySurname[key, default: []].count
                bySurname[key, default: []].append(cluster)
            }
            if !cluster.lowerNames.contains(lowerName) {
                cluster.names.append(candidate.name)
                cluster.lowerNames.append(lowerName)
                cluster.surnameKeys.insert(key)
            }
            register(cluster, b)
            cluster.add(ref)
            if !candidate.modifierUse { cluster.evidence.formUnion(candidate.evidence) }
            spelled[candidate.name] = cluster
        }
        spelled = [:]

        // 2. Bare surnames with strong evidence lend it to the full name they fit.
        var singles: [CandidateRef] = []
        for (a, article) in names.enumerated() {
            for (c, candidate) in article.persons.enumerated() where candidate.name.count == 1 { singles.append(CandidateRef(a, c)) }
        }
        var fitting: [String: [Cluster]] = [:]
        func fits(_ key: String) -> [Cluster] {
            if let known = fitting[key] { return known }
            let list = (bySurname[key] ?? []).filter { fitsSurname(key, $0) }
            fitting[key] = list
            return list
        }
        for ref in singles {
            let candidate = names[ref.article].persons[ref.candidate]
            let owners = fits(surnameKey(candidate.surname))
            if owners.count == 1, !candidate.modifierUse { owners[0].evidence.formUnion(candidate.evidence.intersection(.strong)) }
        }
        // A full name with no evidence anywhere (`City Hall`) is no person.
        clusters.removeAll { $0.evidence.isEmpty }
        for key in bySurname.keys { bySurname[key]!.removeAll { $0.evidence.isEmpty } }
        fitting = [:]
        // Which clusters fitting a surname are in an article: asked for every bare surname.
        // Kept per article (a few clusters each) and filtered by surname when asked: a table
        // by surname and article held an entry for every pair, a twentieth of the analysis's
        // peak memory at 100k articles.
        var inArticle = [[Cluster]](repeating: [], count: names.count)
        for (key, list) in bySurname {
            for c in list where fitsSurname(key, c) {
                if c.fittingKeys == nil { for a in c.articleSet { inArticle[a].append(c) } }
                c.fittingKeys = (c.fittingKeys ?? []) + [key]
            }
        }
        // The clusters fitting `key` in the article, from whichever list is shorter: the
        // article's (a few clusters in a news story, thousands in one huge file, where reading
        // them for each bare surname was quadratic: 22 of 40 s on a 30 MB file) or the key's
        // (long for a common surname). Both give the same clusters; only their count is used.
        func present(_ key: String, in article: Int) -> [Cluster] {
            let fitting = fits(key)
            if fitting.count < inArticle[article].count { return fitting.filter { $0.articleSet.contains(article) } }
            return inArticle[article].filter { $0.fittingKeys?.contains(key) ?? false }
        }
        func addMember(_ c: Cluster, _ ref: CandidateRef) {
            let newArticle = !c.articleSet.contains(ref.article)
            c.add(ref)
            if newArticle, c.fittingKeys != nil { inArticle[ref.article].append(c) }
        }

        var firstWords: [String: [Cluster]] = [:]
        for c in clusters where c.canonical.count >= 2 {
            for name in c.names where name.count >= 2 {
                let w = name[0].lowercased()
                if !(firstWords[w]?.contains { $0 === c } ?? false) { firstWords[w, default: []].append(c) }
            }
        }
        // 3. Bare surnames: the article's own full names first, then the corpus'.
        var surnameClusters: [String: Cluster] = [:]
        var pending: [CandidateRef] = []
        for ref in singles {
            let candidate = names[ref.article].persons[ref.candidate]
            let key = surnameKey(candidate.surname)
            if let cluster = surnameOwner(fits(key), local: present(key, in: ref.article)) {
                if let cluster { addMember(cluster, ref) }
                continue // nil inside: two people fit, left unresolved
            }
            // family name first (`Xi` after `Xi Jinping`): the first word of exactly one full name
            // of this article, when it is no given name
            let word = candidate.surname.lowercased()
            if !GivenNames.isGiven(word), !candidate.modifierUse {
                let owners = (firstWords[word] ?? []).filter { $0.articleSet.contains(ref.article) }
                if owners.count == 1 { addMember(owners[0], ref); continue }
            }
            pending.append(ref)
        }
        // Surname-only people: a title or appositive; or, in one article, a human verb and a
        // second mention, one of them mid-sentence (Mikheev's document-centred rule).
        struct Usage { var count = 0; var human = false; var midSentence = false }
        var usage: [Int: [String: Usage]] = [:]
        for ref in pending {
            let candidate = names[ref.article].persons[ref.candidate]
            let key = surnameKey(candidate.surname)
            var u = usage[ref.article, default: [:]][key, default: Usage()]
            u.count += 1
            if candidate.evidence.contains(.humanVerb), !candidate.modifierUse { u.human = true }
            if !candidate.ambiguousStart { u.midSentence = true }
            usage[ref.article, default: [:]][key] = u
        }
        for ref in pending {
            let candidate = names[ref.article].persons[ref.candidate]
            guard !candidate.modifierUse else { continue }
            let key = surnameKey(candidate.surname)
            let strong = !candidate.evidence.intersection([.title, .appositive]).isEmpty
            let u = usage[ref.article]?[key] ?? Usage()
            if strong || (u.human && u.count >= 2 && u.midSentence) {
                let cluster = surnameClusters[key] ?? { let c = Cluster(name: [candidate.surname], surnameKey: key); c.surnameOnly = true; return c }()
                surnameClusters[key] = cluster
                cluster.evidence.formUnion(candidate.evidence)
            }
        }
        for ref in pending {
            let candidate = names[ref.article].persons[ref.candidate]
            if let cluster = surnameClusters[surnameKey(candidate.surname)] { cluster.add(ref) }
        }
        clusters += surnameClusters.values.sorted { $0.canonical.joined() < $1.canonical.joined() }

        // 4. Actors.
        var actors: [Actor] = []
        var mentions: [[ResolvedMention]] = Array(repeating: [], count: articles.count)
        var usedIds = Set<String>()
        // each cluster's actor is worked out on all cores; ids (which must be unique) and the
        // per-article mention lists are then filled in order, from the clusters' members (a
        // list of each cluster's mentions made on all cores was a fifteenth of the peak at 100k)
        let kept = clusters.filter { !$0.members.isEmpty }
        let built = ParallelMap.map(Array(kept.indices)) { index -> (actor: Actor, slug: String) in
            let cluster = kept[index]
            var actor = Actor(id: "", name: cluster.canonical.joined(separator: " "), kind: .person,
                              aliases: [], roles: [], mentions: [], articles: [], gender: nil)
            var roles: [String] = []
            var inArticles = Set<Int>()
            var aliasSet = Set<String>()
            for ref in cluster.members {
                let candidate = names[ref.article].persons[ref.candidate]
                inArticles.insert(ref.article)
                let plain = candidate.name.joined(separator: " ")
                if aliasSet.insert(plain).inserted { actor.aliases.append(plain) }
                if let titled = candidate.titledAlias, aliasSet.insert(titled).inserted { actor.aliases.append(titled) }
                roles += candidate.roles
                if actor.gender == nil { actor.gender = candidate.gender }
            }
            // in corpus order: sorted as indices, then named (the id alone: a copy of the Article
            // would retain every field)
            actor.articles = inArticles.sorted().map { articles[$0].id }
            actor.roles = RoleList.ordered(roles)
            if actor.gender == nil, let given = cluster.canonical.first?.lowercased(), cluster.canonical.count >= 2 {
                if GivenNames.male.contains(given) { actor.gender = .male } else if GivenNames.female.contains(given) { actor.gender = .female }
            }
            return (actor, "p-" + slug(actor.name))
        }
        for (index, (var actor, base)) in built.enumerated() {
            actor.id = uniqueId(base, &usedIds)
            for ref in kept[index].members {
                let persons = names[ref.article].persons
                mentions[ref.article].append(ResolvedMention(start: persons[ref.candidate].start, end: persons[ref.candidate].end,
                                                             actor: index, token: persons[ref.candidate].tokenIndex))
            }
            actors.append(actor)
        }
        // The clusters are done with: their lists and sets are emptied on a thread of their own
        // while organisations and bylines are added (this thread no longer reads them).
        let done = clusters
        Teardown.run { for cluster in done { cluster.empty() } }
        // So do the working tables, which this thread then holds no more: freed on return,
        // their strings and lists held it up a tenth of a second at 100k articles.
        let tables = SoleOwner((exact, bySurname, buckets, keyCache, inArticle, firstWords, surnameClusters, usage))
        (exact, bySurname, buckets, keyCache, inArticle) = ([:], [:], [:], [:], [])
        (firstWords, surnameClusters, usage) = ([:], [:], [:])
        tables.releaseLater()

        OrganizationResolver.add(organizations.value(), articles: articles, names: names, actors: &actors,
                                 mentions: &mentions, usedIds: &usedIds)
        BylineActors.add(bylines.value(), articles: articles, actors: &actors, usedIds: &usedIds)
        for i in mentions.indices { mentions[i].sort { $0.start < $1.start } }
        return Output(actors: actors, mentions: mentions)
    }

    static func lowered(_ name: [String]) -> [String] { name.map { $0.lowercased() } }

    /// `Karim Haddad` is `Omar Karim Haddad`; `Reza Kasemi` is `Reza Kassemi`;
    /// `Ali Nouri` is not `Omar Nourii`.
    static func sameFullName(_ a: [String], _ b: [String]) -> Bool {
        sameFullName(lowered: lowered(a), lowered(b), key: NameVariants.key)
    }

    /// The same on lowercased names, with the transliteration key of a part from `key`.
    static func sameFullName(lowered la: [String], _ lb: [String], key: (String) -> String) -> Bool {
        if la == lb { return true }
        let (short, long) = la.count <= lb.count ? (la, lb) : (lb, la)
        if short.count >= 2, long.suffix(short.count).elementsEqual(short) { return true }
        guard la.count == lb.count, la.count >= 2 else { return false }
        return zip(la, lb).allSatisfy { NameVariants.sameNamePart($0, $1, key: key) }
    }

    static func fitsSurname(_ key: String, _ cluster: Cluster) -> Bool {
        cluster.surnameKeys.contains(key)
    }

    struct NameBucket: Hashable {
        let surname: String
        let initial: Unicode.Scalar?
    }

    /// The cluster a bare surname names, from the clusters that fit it (`fits`) and those of them
    /// in its article (`local`): `.some(cluster)`, `.some(nil)` when ambiguous, nil when none.
    static func surnameOwner(_ fits: [Cluster], local: [Cluster]) -> Cluster?? {
        if fits.isEmpty { return nil }
        if local.count == 1 { return .some(local[0]) }
        if local.count > 1 { return .some(nil) }
        return fits.count == 1 ? .some(fits[0]) : .some(nil)
    }

    static func appendUnique(_ list: inout [String], _ value: String) {
        if !list.contains(value) { list.append(value) }
    }

    static func slug(_ name: String) -> String {
        var out = ""
        for s in NameVariants.lowercasedWithoutAccents(name).unicodeScalars {
            if s.properties.isAlphabetic || s.properties.numericType != nil { out.unicodeScalars.append(s) } else if out.last != "-" { out.append("-") }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "x" : out
    }

    static func uniqueId(_ base: String, _ used: inout Set<String>) -> String {
        var id = base
        var n = 2
        while used.contains(id) { id = "\(base)-\(n)"; n += 1 }
        used.insert(id)
        return id
    }
}

/// Roles de-duplicated (case and a leading article ignored), the most specific first.
enum RoleList {
    /// `roles` holds every mention's roles, so a much-quoted person's list runs to thousands
    /// of repeats: a repeat is skipped on its exact spelling before anything is lowercased, and
    /// each kept role is lowercased and counted in words once (not once per comparison).
    static func ordered(_ roles: [String]) -> [String] {
        // no role, or one: nothing to merge or order (most actors; two sets were made for each)
        if roles.count < 2 { return roles }
        var spellings = Set<String>()
        var seen = Set<String>()
        var kept: [(role: String, lower: String)] = []
        for role in roles where spellings.insert(role).inserted {
            let key = role.lowercased()
            if seen.insert(key).inserted { kept.append((role, key)) }
        }
        // A role contained in a longer one adds nothing: `President` in `US President`.
        let specific = kept.filter { r in !kept.contains { $0.role != r.role && $0.lower.hasSuffix(" " + r.lower) } }
        let words = specific.map { $0.role.split(separator: " ").count }
        return specific.indices.sorted { a, b in words[a] != words[b] ? words[a] > words[b] : a < b }.map { specific[$0].role }
    }
}

extension Array {
    /// Inserts `element` before the trailing run of elements that `isAfter` picks: on a list
    /// where the picked elements are all at the end, the place `firstIndex(where: isAfter)`
    /// gives, found from the end.
    mutating func insert(_ element: Element, atPlaceFromEnd isAfter: (Element) -> Bool) {
        var at = count
        while at > 0, isAfter(self[at - 1]) { at -= 1 }
        insert(element, at: at)
    }
}
