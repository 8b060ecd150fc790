import DossierModel
import Foundation

/// `dossier-bench scripts DIR`: a search that matches nothing, over every article's text, on
/// all cores as the browser's lists are searched, in Latin text and in the same text spelled
/// in Cyrillic letters. The corpus is read back from the cache (run `reopen DIR` first).
///
/// The bench's corpus is English; analysts also read outlets in other scripts, where every
/// letter is two bytes and the ASCII shortcuts do not apply.
func scriptSearch(folder: String) {
    guard let corpus = CorpusCache.cached(folder: folder, searchFilters: false).corpus else {
        print("no snapshot of \(folder) in the cache: run `dossier-bench reopen \(folder)` first")
        exit(1)
    }
    let latin = corpus.articles.map(\.text)
    let cyrillic = ParallelMap.map(latin) { Cyrillic.spelled($0) }
    let megabytes = { (texts: [String]) in Double(texts.reduce(0) { $0 + $1.utf8.count }) / 1e6 }
    print("| text | MB | query | how | slowest of 5 / fastest |")
    print("|---|---|---|---|---|")
    let cases: [(String, [String], String)] = [
        ("Latin", latin, "said the said"), ("Latin", latin, "saïd"), ("Latin", latin, "ẞaid"),
        ("Latin", latin, "didn’t the said"), ("Cyrillic", cyrillic, Cyrillic.spelled("said the said")),
        ("Cyrillic", cyrillic, Cyrillic.spelled("said the said").uppercased()), ("Cyrillic", cyrillic, Cyrillic.spelled("said’")),
    ]
    for (script, texts, query) in cases {
        let needle = TextSearch.Needle(query)
        var times: [Double] = []
        var found = false
        for _ in 0..<5 {
            let start = now()
            found = ParallelMap.firstIndex(in: texts.indices, chunk: 1024) { TextSearch.contains(texts[$0], needle) } != nil
            times.append(now() - start)
        }
        let how = needle.debugScan
        print("| \(script) | \(String(format: "%.0f", megabytes(texts))) | `\(query)`\(found ? " (found)" : "") | \(how) | "
              + "\(String(format: "%.1f", times.max()! * 1000)) / \(String(format: "%.1f", times.min()! * 1000)) ms |")
    }
}

/// English letters spelled with Cyrillic ones, capitals kept: the same text, in two bytes a letter.
enum Cyrillic {
    static let small: [Unicode.Scalar] = Array("абцдефгхийклмнопярстувшжызь".unicodeScalars)

    static func spelled(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            switch s.value {
            case 97...122: out.append(small[Int(s.value) - 97])
            case 65...90: out.append(Unicode.Scalar(String(small[Int(s.value) - 65]).uppercased())!)
            default: out.append(s)
            }
        }
        return String(out)
    }
}
