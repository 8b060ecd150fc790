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
    var quoteF1 = 0.0
    var speakerAccuracy = 0.0

    /// score.py's `text_match`: 1 when equal, containment scaled by length, else token F1.
    static func textMatch(_ a: String, _ b: String) -> Double {
        let na = norm(a), nb = norm(b)
        if na.isEmpty || nb.isEmpty { return 0 }
        if na == nb { return 1 }
        if na.count >= 12, nb.count >= 12, na.contains(nb) || nb.contains(na) {
            return Double(min(na.count, nb.count)) / Double(max(na.count, nb.count)) * 0.5 + 0.5
        }
        let ta = tokens(a), tb = tokens(b)
        var pool: [String: Int] = [:]
        for t in tb { pool[t, default: 0] += 1 }
        var common = 0
        for t in ta where (pool[t] ?? 0) > 0 { pool[t]! -= 1; common += 1 }
        if common == 0 { return 0 }
        let p = Double(common) / Double(ta.count), r = Double(common) / Double(tb.count)
        return 2 * p * r / (p + r)
    }

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

        var qtp = 0, qpred = 0, qgold = 0, spkOK = 0, spkN = 0
        for ga in gold.articles {
            guard let article = corpus.articles.first(where: { $0.file == ga.file }) else { continue }
            let predicted = corpus.quotes.filter { $0.article == article.id && $0.kind != .reported }
            var used = Set<Int>()
            for g in ga.quotes where g.kind == "speech" {
                qgold += 1
                var best = 0.0, bestIndex: Int?
                for (i, p) in predicted.enumerated() where !used.contains(i) {
                    let m = SeedScore.textMatch(String(p.text), g.text)
                    if m > best { best = m; bestIndex = i }
                }
                guard let bi = bestIndex, best >= 0.6 else { continue }
                used.insert(bi)
                qtp += 1
                spkN += 1
                let p = predicted[bi]
                let names = p.speaker.map { [corpus.actors[$0].name] + corpus.actors[$0].aliases } ?? []
                if let gs = g.speaker {
                    var forms = [gs]
                    if let person = ga.persons.first(where: { $0.name == gs }) { forms += person.aliases }
                    if let org = ga.organizations.first(where: { $0.name == gs }) { forms += org.aliases }
                    if !names.isEmpty, SeedScore.matches(SeedScore.keys(forms), SeedScore.keys(names)) { spkOK += 1 }
                } else if names.isEmpty {
                    spkOK += 1
                }
            }
            let terms = ga.quotes.filter { $0.kind != "speech" }
            for (i, p) in predicted.enumerated() where !used.contains(i) {
                if terms.contains(where: { SeedScore.textMatch(String(p.text), $0.text) >= 0.6 }) || p.kind == .term { continue }
                qpred += 1
            }
            qpred += used.count
        }
        let qp = qpred == 0 ? 0 : Double(qtp) / Double(qpred)
        let qr = qgold == 0 ? 1 : Double(qtp) / Double(qgold)
        quoteF1 = qp + qr == 0 ? 0 : 2 * qp * qr / (qp + qr)
        speakerAccuracy = spkN == 0 ? 0 : Double(spkOK) / Double(spkN)
    }
}
