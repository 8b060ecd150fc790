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
}

/// A quote as `export` writes it.
public struct ExportQuote: Encodable {
    var id: String
    var file: String
    var text: String
    var speaker: String?
    var speakerName: String?
    var kind: String
    var cue: String?
    var via: String?
    var start: Int
    var end: Int
    var group: Int?

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(file, forKey: .file)
        try c.encode(text, forKey: .text)
        try c.encode(speaker, forKey: .speaker)
        try c.encode(speakerName, forKey: .speakerName)
        try c.encode(kind, forKey: .kind)
        try c.encode(cue, forKey: .cue)
        try c.encode(via, forKey: .via)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(group, forKey: .group)
    }
    enum CodingKeys: String, CodingKey { case id, file, text, speaker, speakerName, kind, cue, via, start, end, group }
}

extension ExportActor {
    /// Actor `i` of the corpus; `files`: each article's file, by id.
    init(_ corpus: Corpus, _ i: Int, files: [String: String]) {
        let a = corpus.actors[i]
        self.init(id: a.id, name: a.name, kind: a.kind.rawValue, aliases: a.aliases, roles: a.roles,
                  articles: a.articles.compactMap { files[$0] },
                  mentions: a.mentions.map { ExportMention(file: files[$0.article] ?? $0.article, start: $0.start, end: $0.end) })
    }
}

extension ExportQuote {
    /// Quote `i` of the corpus; `files`: each article's file, by id.
    init(_ corpus: Corpus, _ i: Int, files: [String: String]) {
        let q = corpus.quotes[i]
        self.init(id: q.id, file: files[q.article] ?? q.article, text: String(q.text),
                  speaker: q.speaker.map { corpus.actors[$0].id }, speakerName: q.speakerName,
                  kind: q.kind.rawValue, cue: q.cue, via: q.via, start: q.start, end: q.end, group: q.group)
    }
}
