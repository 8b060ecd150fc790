import Foundation

/// Spelling variants of transliterated names (`Kassemi`/`Kasemi`, `Souleimani`/`Sulaimani`).
enum NameVariants {
    /// A key that transliteration variants share: lowercase, apostrophes and hyphens dropped,
    /// doubled letters collapsed, common vowel and consonant spellings unified.
    static func key(_ name: String) -> String {
        let folded = lowercasedWithoutAccents(name)
        var chars: [Unicode.Scalar] = folded.unicodeScalars.filter { $0 != "'" && $0 != "’" && $0 != "-" && $0 != "‘" }
        // spellings that transliterations vary on, in order: ou/ow/oo → u, ee/ei/ey → i, …
        let pairs: [(Unicode.Scalar, Unicode.Scalar, [Unicode.Scalar])] = [
            ("o", "u", ["u"]), ("o", "w", ["u"]), ("o", "o", ["u"]), ("e", "e", ["i"]), ("e", "i", ["i"]), ("e", "y", ["i"]),
            ("p", "h", ["f"]), ("k", "h", ["h"]), ("z", "h", ["j"]), ("d", "h", ["d"]), ("t", "h", ["t"]), ("c", "k", ["k"]),
            ("i", "e", ["i"]),
        ]
        for (a, b, to) in pairs {
            var out: [Unicode.Scalar] = []
            out.reserveCapacity(chars.count)
            var i = 0
            while i < chars.count {
                if i + 1 < chars.count, chars[i] == a, chars[i + 1] == b { out += to; i += 2 } else { out.append(chars[i]); i += 1 }
            }
            chars = out
        }
        var result = String.UnicodeScalarView()
        for c in chars {
            let mapped: [Unicode.Scalar] = c == "q" ? ["g", "h"] : (c == "y" ? ["i"] : [c])
            for m in mapped where result.last != m { result.append(m) }
        }
        return String(result)
    }

    /// Lowercase, accents dropped. Folding goes through Foundation and is slow: plain ASCII
    /// needs none.
    static func lowercasedWithoutAccents(_ name: String) -> String {
        let lower = name.lowercased()
        return lower.utf8.allSatisfy { $0 < 0x80 } ? lower : lower.folding(options: .diacriticInsensitive, locale: nil)
    }

    /// Jaro-Winkler similarity in 0…1.
    static func jaroWinkler(_ a: String, _ b: String) -> Double {
        let x = Array(a), y = Array(b)
        if x.isEmpty || y.isEmpty { return x.isEmpty && y.isEmpty ? 1 : 0 }
        let window = max(0, max(x.count, y.count) / 2 - 1)
        var xm = [Bool](repeating: false, count: x.count), ym = [Bool](repeating: false, count: y.count)
        var matches = 0
        for i in x.indices {
            let lo = max(0, i - window), hi = min(y.count - 1, i + window)
            if lo > hi { continue }
            for j in lo...hi where !ym[j] && x[i] == y[j] {
                xm[i] = true; ym[j] = true; matches += 1
                break
            }
        }
        if matches == 0 { return 0 }
        var transpositions = 0, k = 0
        for i in x.indices where xm[i] {
            while !ym[k] { k += 1 }
            if x[i] != y[k] { transpositions += 1 }
            k += 1
        }
        let m = Double(matches)
        let jaro = (m / Double(x.count) + m / Double(y.count) + (m - Double(transpositions) / 2) / m) / 3
        var prefix = 0
        while prefix < min(4, x.count, y.count), x[prefix] == y[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }

    /// Two spellings of one name part: same key, or near-identical keys that begin alike.
    static func sameNamePart(_ a: String, _ b: String, key: (String) -> String = NameVariants.key) -> Bool {
        if a.lowercased() == b.lowercased() { return true }
        let ka = key(a), kb = key(b)
        if ka == kb { return true }
        guard ka.first == kb.first, abs(ka.count - kb.count) <= 1 else { return false }
        // Similar keys of equal length that differ in one letter are different names
        // (Hashemi/Kasemi differ at the start; Nouri/Nourii differ in length and stay apart
        // unless the given names agree, which the caller checks).
        return jaroWinkler(ka, kb) >= 0.93 && ka.count == kb.count
    }
}
