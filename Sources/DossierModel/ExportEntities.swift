import Foundation

/// An actor as `export` writes it.
public struct ExportActor: Encodable {
    struct ExportMention: Encodable {
        var file: String
        var start: Int
        var end: Int
    }
    var id: String
    var name: String
    var kind: String
    var aliases: [String]
    var roles: [String]
    var articles: [String]
    var mentions: [ExportMention]

    static func all(_ corpus: Corpus) -> [ExportActor] {
        let files = Dictionary(uniqueKeysWithValues: corpus.articles.map { ($0.id, $0.file) })
        return corpus.actors.map { a in
            ExportActor(id: a.id, name: a.name, kind: a.kind.rawValue, aliases: a.aliases, roles: a.roles,
                        articles: a.articles.compactMap { files[$0] },
                        mentions: a.mentions.map { ExportMention(file: files[$0.article] ?? $0.article, start: $0.start, end: $0.end) })
        }
    }
}

/// A quote as `export` writes it (filled by quote extraction).
public struct ExportQuote: Encodable {
    static func all(_ corpus: Corpus) -> [ExportQuote] { [] }
}
