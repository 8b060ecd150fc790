import Synchronization

/// What one article says about names: person and organisation candidates with the evidence
/// for each, found in one left-to-right pass over its tokens.
struct PersonCandidate: Sendable {
    struct Evidence: OptionSet, Sendable {
        let rawValue: UInt8
        static let title = Evidence(rawValue: 1)        // a title, honorific or role word before it
        static let appositive = Evidence(rawValue: 2)   // `X, the deputy speaker of …,`
        static let speech = Evidence(rawValue: 4)       // `X said`, `said X`, `according to X`
        static let givenName = Evidence(rawValue: 8)    // first word a known given name
        static let humanVerb = Evidence(rawValue: 16)   // `X thought`, `X made`
        static let strong: Evidence = [.title, .appositive, .speech]
    }

    /// The name without titles (`["Jane", "Roe"]`).
    var name: [String]
    // in 32 bits, as a mention's: every article's candidates are held at once while names are
    // merged, the peak of a first analysis
    @Int32Field var start: Int
    @Int32Field var end: Int
    /// Index of the first name token in the article's tokens.
    @Int32Field var tokenIndex: Int
    @Int32Field var lastTokenIndex: Int
    /// The name as written with the title attached (`Prime Minister Jane Roe`), if any.
    var titledAlias: String?
    var roles: [String] = []
    var evidence: Evidence = []
    var gender: Actor.Gender?
    /// A single word at a sentence start, a possible common word (`Dubbing`).
    var ambiguousStart = false
    /// `the Roe administration`: an adjective use, a mention only of a known person.
    var modifierUse = false

    var surname: String { name.last ?? "" }
}

struct OrganizationCandidate: Sendable {
    var name: String
    @Int32Field var start: Int
    @Int32Field var end: Int
    /// An acronym defined beside it (`Harakat-e-Azadi or HEA`, `Agency (ENA)`).
    var acronym: String?
    var isAcronym: Bool
    /// The acronym is used as an organisation (`according to ENA`, `AFP reported`).
    var acronymCue = false
}

struct ArticleNames: Sendable {
    var persons: [PersonCandidate] = []
    var organizations: [OrganizationCandidate] = []

    /// The same candidates in less memory, for the corpus-wide resolution that holds every
    /// article's at once (at 100k articles they were a quarter of the analysis's peak): lists
    /// at their exact size rather than grown by doubling, and a name or role list written
    /// several times in the article kept once and shared.
    /// `sharing`: the corpus's lists, which a list of this article's is replaced by when
    /// they hold it (`SharedLists`).
    func compacted(sharing lists: SharedLists? = nil) -> ArticleNames {
        // Most articles name a few people: a scan of the lists kept so far is cheaper than
        // hashing each one. Past `scanned` lists (a long article, a list of names) a table
        // takes over, so that the work stays in proportion to the article.
        let scanned = 16
        var kept: [[String]] = []
        var table: [[String]: Int] = [:]
        func once(_ list: [String]) -> [String] {
            if list.isEmpty { return [] }
            if let lists { return lists.shared(list) }
            if kept.count <= scanned {
                if let known = kept.first(where: { $0 == list }) { return known }
            } else if let i = table[list] {
                return kept[i]
            }
            let own = Compacted.array(list)
            kept.append(own)
            if kept.count == scanned + 1 {
                for (i, k) in kept.enumerated() { table[k] = i }
            } else if kept.count > scanned + 1 {
                table[own] = kept.count - 1
            }
            return own
        }
        var out = ArticleNames()
        out.persons.reserveCapacity(persons.count)
        for var p in persons {
            p.name = once(p.name)
            p.roles = once(p.roles)
            out.persons.append(p)
        }
        out.organizations = Compacted.array(organizations)
        return out
    }
}

/// One copy of each name or role list for the whole corpus, shared by every candidate that
/// writes it.
///
/// Every article's candidates are held at once while names are merged, the peak of a first
/// analysis. At 100k articles they held 942,000 name lists and 450,000 role lists, one per
/// article that wrote them (70 and 30 MB), though most are the same few thousand people's
/// names and roles written again in other articles. Filled from every core: the table is
/// split in shards by the list's hash, each behind a lock of its own.
final class SharedLists: Sendable {
    private final class Shard: Sendable {
        let table = Mutex<[[String]: [String]]>([:])
    }
    private let shards: [Shard]

    init(shards: Int = 64) {
        self.shards = (0..<max(1, shards)).map { _ in Shard() }
    }

    /// The corpus's copy of `list`: the first one seen, at its exact size.
    func shared(_ list: [String]) -> [String] {
        if list.isEmpty { return [] }
        let shard = shards[Int(UInt(bitPattern: list.hashValue) % UInt(shards.count))]
        return shard.table.withLock { table in
            if let known = table[list] { return known }
            let own = Compacted.array(list)
            table[own] = own
            return own
        }
    }
}
