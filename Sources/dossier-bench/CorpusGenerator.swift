import Foundation

/// Writes a synthetic news corpus that looks like the real thing: headlines, bylines, datelines,
/// hard-wrapped and web-extracted paragraphs, many distinct people, outlets and quotes, and some
/// broken input (a lost closing mark, clutter lines, invalid UTF-8, empty files).
struct CorpusGenerator {
    var random: SplitMix

    /// Statements that several outlets report, each always by the same person: a story read
    /// across outlets, which is what grouping quotes is for.
    var statements: [(given: String, surname: String, words: String)] = []

    init(seed: UInt64) {
        random = SplitMix(seed: seed)
        statements = (0..<2000).map { _ in (pick(Self.givenNames), surname(), sentence()) }
    }

    static let givenNames = ["James", "Maria", "Ahmed", "Li", "Olga", "Carlos", "Fatima", "Kenji", "Amara", "Pierre", "Ingrid",
                             "Ravi", "Sofia", "Tomas", "Hana", "David", "Aisha", "Mikhail", "Grace", "Omar", "Elena", "Jonas"]
    static let syllables = ["ka", "ro", "mi", "sen", "dar", "vel", "ton", "bri", "zu", "lan", "hol", "mer", "sta", "qui", "nor", "pel"]
    static let titles = ["President", "Prime Minister", "Foreign Minister", "Senator", "Governor", "Mayor", "Chief Executive", "General"]
    static let roles = ["a spokesman for the ministry", "the director of the policy institute", "an analyst at the bank",
                        "the chairman of the committee", "a professor of economics", "the party's deputy leader", "a senior adviser"]
    static let outlets = ["The Daily Ledger", "Harbor Times", "Global Wire", "The Evening Courier", "Metro Post", "Valley Herald",
                          "Northern Review", "Capital Journal", "Coastal Tribune", "The Morning Standard"]
    static let places = ["Paris", "Tokyo", "Nairobi", "Lima", "Oslo", "Cairo", "Seoul", "Madrid", "Ottawa", "Hanoi"]
    static let orgs = ["Finance Ministry", "Central Bank", "Energy Agency", "Trade Commission", "Health Council", "Port Authority"]
    static let verbs = ["said", "told reporters", "added", "warned", "argued", "noted"]
    // Clauses are put together from these (150,000 of them, about 250 distinct words), so that
    // quotes and paragraphs vary as real ones do: seven fixed phrases made every quote a near
    // copy of many others, with 71 distinct words among them.
    static let subjects = ["the government", "the ministry", "the central bank", "local officials", "the opposition",
                           "the new budget", "the committee", "investors", "the company", "the region", "the city council",
                           "the union", "farmers", "the court", "the army", "teachers", "the health service",
                           "the energy sector", "exporters", "the coalition", "voters", "the agency", "the police",
                           "hospitals", "the railway"]
    static let predicates = ["would cost", "could delay", "will not change", "has already cut", "might raise",
                             "is expected to slow", "failed to reach", "wants to review", "refused to sign", "plans to expand",
                             "cannot afford", "should reconsider", "has quietly dropped", "will soon announce",
                             "continues to block", "is likely to reduce", "did not explain", "promised to protect",
                             "agreed to fund", "is trying to limit"]
    static let objects = ["the fuel subsidies", "its spending plans", "the pension reform", "a new tax on imports",
                          "the border checks", "most of the loans", "the water project", "public sector wages",
                          "the election timetable", "the housing programme", "rural broadband", "the fishing quotas",
                          "interest rates", "the refugee quota", "the trade deal", "school budgets", "the nuclear talks",
                          "the mining licences", "the grain reserves", "emergency powers"]
    static let tails = ["before the end of the year", "despite the protests", "after months of talks",
                        "without a vote in parliament", "in the coming weeks", "for the second time", "under pressure from donors",
                        "unless prices fall", "according to the draft", "in several provinces", "by a narrow margin",
                        "as the deadline nears", "", "", ""]
    static let words = Array(Set((subjects + predicates + objects + tails).flatMap { $0.split(separator: " ").map(String.init) })).sorted()

    static let things = ["project", "scheme", "pipeline", "dam", "bridge", "accord", "levy", "programme", "corridor", "fund"]

    /// A clause such as `the union refused to sign the trade deal after months of talks`. Half
    /// of them name a thing with a word of its own (`the kamiro pipeline`): real text has a
    /// long tail of words seen once or twice, which the fixed lists alone lack.
    mutating func clause() -> String {
        let tail = pick(Self.tails)
        let object = random.next(2) == 0 ? pick(Self.objects) : "the \(surname().lowercased()) \(pick(Self.things))"
        return "\(pick(Self.subjects)) \(pick(Self.predicates)) \(object)" + (tail.isEmpty ? "" : " " + tail)
    }

    /// The clause with its first letter a capital.
    mutating func sentence() -> String {
        let c = clause()
        return c.prefix(1).uppercased() + c.dropFirst()
    }

    mutating func surname() -> String {
        let n = 2 + random.next(2)
        var s = ""
        for _ in 0..<n { s += Self.syllables[random.next(Self.syllables.count)] }
        return s.prefix(1).uppercased() + s.dropFirst()
    }

    mutating func pick<T>(_ list: [T]) -> T { list[random.next(list.count)] }

    /// One article's text (about 3 KB) and its outlet.
    mutating func article(number: Int) -> (text: String, outlet: String) {
        let outlet = pick(Self.outlets)
        // a pool of recurring people, so that names merge across articles
        let people = (0..<4).map { _ in (given: pick(Self.givenNames), surname: "\(surname())\(random.next(400))".filter(\.isLetter)) }
        var lines: [String] = []
        let first = people[0]
        lines.append("\(pick(Self.titles)) \(first.surname) rejects \(pick(Self.orgs).lowercased()) plan after long talks")
        lines.append("By \(pick(Self.givenNames)) \(surname())")
        lines.append("")
        if random.next(10) == 0 { lines.append("728 x 90"); lines.append("") }
        let month = ["January", "March", "June", "August", "October"][random.next(5)]
        var body: [String] = []
        body.append("\(pick(Self.places)), \(month) \(1 + random.next(28)), 20\(10 + random.next(15)) - \(pick(Self.titles)) \(first.given) \(first.surname) said on Monday that \(clause()), according to the \(pick(Self.orgs)).")
        for p in 0..<(8 + random.next(6)) {
            let person = people[p % people.count]
            switch random.next(5) {
            case 0:
                body.append("“\(sentence()) and we will not accept it,” \(person.given) \(person.surname), \(pick(Self.roles)), \(pick(Self.verbs)). “\(sentence()).”")
            case 1:
                body.append("\(person.surname) \(pick(Self.verbs)) that \(clause()) and that \(clause()), a view shared by the \(pick(Self.orgs)) in \(pick(Self.places)).")
            case 2:
                body.append("“We have done everything we could to keep \(clause()) from happening,” he said. Critics in \(pick(Self.places)) disagreed, saying \(clause()).")
            case 3:
                // hard-wrapped paragraph, as PDF extraction leaves it
                let words = (0..<60).map { _ in pick(Self.words) }
                var line = ""
                var wrapped: [String] = []
                for w in words { if line.count + w.count > 70 { wrapped.append(line); line = "" }; line += (line.isEmpty ? "" : " ") + w }
                wrapped.append(line + ".")
                body.append(wrapped.joined(separator: "\n"))
            default:
                body.append("The \(pick(Self.orgs)) and \(pick(Self.titles)) \(surname()) met in \(pick(Self.places)) on \(month) \(1 + random.next(28)), where \(clause()). Mr. \(person.surname) called the result “\(pick(["a disgrace", "historic", "a turning point"]))” and left.")
            }
        }
        if random.next(4) == 0 {
            let s = pick(statements)
            body.append("“\(s.words),” \(pick(Self.titles)) \(s.given) \(s.surname) \(pick(Self.verbs)) on \(pick(["Monday", "Tuesday", "Friday"])).")
        }
        if random.next(25) == 0 { body.append("“This quote has lost its closing mark and must not swallow the rest of the article") }
        lines += body.flatMap { [$0, ""] }
        if random.next(8) == 0 { lines += ["Leave a Reply", "", "Your email address will not be published. Required fields are marked *"] }
        lines.append("Write to \(first.given) \(surname()) at news@\(outlet.lowercased().filter(\.isLetter)).com")
        return (lines.joined(separator: "\n") + "\n", outlet)
    }

    /// Writes `count` articles under `folder` (1,000 per subfolder) with a metadata.csv; returns
    /// the bytes written.
    mutating func write(count: Int, to folder: URL) throws -> Int {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var csv = "file,source,date\n"
        var bytes = 0
        for i in 0..<count {
            let sub = String(format: "%03d", i / 1000)
            let dir = folder.appendingPathComponent(sub)
            if i % 1000 == 0 { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) }
            let name = String(format: "%07d.txt", i)
            let (text, outlet) = article(number: i)
            var data = Data(text.utf8)
            if random.next(500) == 0 { data.append(contentsOf: [0xFF, 0xFE, 0x41]) } // invalid UTF-8
            if random.next(2000) == 0 { data = Data() }                             // an empty file
            try data.write(to: dir.appendingPathComponent(name))
            bytes += data.count
            if random.next(3) == 0 { csv += "\(sub)/\(name),\(outlet),20\(10 + random.next(15))-0\(1 + random.next(9))\n" }
        }
        try csv.write(to: folder.appendingPathComponent("metadata.csv"), atomically: true, encoding: .utf8)
        return bytes
    }
}

/// A small, fast, seeded generator: the same seed writes the same corpus.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        z ^= z >> 31
        return Int(z % UInt64(bound))
    }
}
