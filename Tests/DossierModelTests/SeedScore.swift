import Foundation
@testable import DossierModel

/// The person, merge, quote and speaker figures of `eval/score.py`, computed the same way
/// (lenient name keys; a split actor counts as a false positive), for tests.
struct SeedScore {
    static let titles: Set<String> = [
        "mr", "mrs", "ms", "dr", "president", "ayatollah", "supreme", "leader", "prime", "minister",
        "secretary", "state", "of", "the", "sir", "sen", "senator", "rep", "gov", "governor", "gen",
        "general", "chancellor", "king", "queen", "prince", "sheikh", "imam", "foreign", "us", "u.s",
    ]

    static func norm(_ s: String) -> String {
        var t = s.precomposedStringWithCompatibilityMapping.replacingOccurrences(of: "’", with: "'")
            .replacingOccurrences(of: "‘", with: "'").lowercased()
        t = t.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        let strip = CharacterSet(charactersIn: " \"'“”‘’«»„‟‹›.,;:!?…-—–")
        return t.trimmingCharacters(in: strip)
    }

    static func tokens(_ s: String) -> [String] {
        var out: [String] = []
        var cur = ""
        for c in norm(s) {
            if c.isLetter || c.isNumber || c == "_" || c == "'" { cur.append(c) } else if !cur.isEmpty { out.append(cur); cur = "" }
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }

    struct Keys { var full: Set<String> = []; var last: Set<String> = [] }

    static func keys(_ forms: [String]) -> Keys {
        var k = Keys()
        for f in forms {
            let toks = tokens(f)
            let core = toks.filter { !titles.contains($0) }
            let c = core.isEmpty ? toks : core
            k.full.insert(toks.joined(separator: " "))
            k.full.insert(c.joined(separator: " "))
            if let l = c.last { k.last.insert(l) }
        }
        return k
    }

    static func matches(_ gold: Keys, _ pred: Keys) -> Bool {
        !gold.full.isDisjoint(with: pred.full) || !gold.last.isDisjoint(with: pred.last)
    }

    var personF1 = 0.0
    var mergeAccuracy = 0.0

    init(gold: Gold, corpus: Corpus) {
        var tp = 0, predicted = 0, goldCount = 0
        for ga in gold.articles {
            guard let article = corpus.articles.first(where: { $0.file == ga.file }) else { continue }
            let gp = ga.persons.map { (keys: SeedScore.keys([$0.name] + $0.aliases), neutral: $0.role == "byline" || $0.role == "credit") }
            var matched = Set<Int>()
            for actor in corpus.actors where actor.kind == .person && actor.articles.contains(article.id) {
                let k = SeedScore.keys([actor.name] + actor.aliases)
                let hit = gp.indices.filter { SeedScore.matches(gp[$0].keys, k) }
                if !hit.isEmpty && hit.allSatisfy({ gp[$0].neutral }) { continue }
                predicted += 1
                if let free = hit.first(where: { !matched.contains($0) && !gp[$0].neutral }) { tp += 1; matched.insert(free) }
            }
            goldCount += gp.filter { !$0.neutral }.count
        }
        let p = predicted == 0 ? 0 : Double(tp) / Double(predicted)
        let r = goldCount == 0 ? 1 : Double(tp) / Double(goldCount)
        personF1 = p + r == 0 ? 0 : 2 * p * r / (p + r)

        var ok = 0, n = 0
        for person in gold.persons_across_corpus where person.articles.count >= 2 {
            n += 1
            let k = SeedScore.keys([person.name] + person.aliases)
            let candidates = corpus.actors.filter { $0.kind == .person && SeedScore.matches(k, SeedScore.keys([$0.name] + $0.aliases)) }
            let ids = Set(person.articles.compactMap { f in corpus.articles.first { $0.file == f }?.id })
            if candidates.count == 1, ids.isSubset(of: Set(candidates[0].articles)) { ok += 1 }
        }
        mergeAccuracy = n == 0 ? 1 : Double(ok) / Double(n)
    }
}
