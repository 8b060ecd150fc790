@testable import DossierModel

/// A corpus built from texts in memory: article `i` gets id `a<i>` and file `a<i>.txt`.
func corpus(_ texts: String...) -> Corpus {
    Corpus(articles: texts.enumerated().map { i, text in
        ArticleBuilder.build(id: "a\(i)", file: "a\(i).txt", text: text, markdown: false, given: GivenMetadata())
    })
}

extension Corpus {
    func persons() -> [Actor] { actors.filter { $0.kind == .person && !$0.isByline } }
    func person(_ name: String) -> Actor? { actors.first { $0.kind == .person && $0.name == name } }
    func organization(_ name: String) -> Actor? { actors.first { $0.kind == .organization && $0.name == name } }
}
