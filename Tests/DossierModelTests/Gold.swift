import Foundation
import Testing

/// The hand annotation of the seeds (`Fixtures/seeds-gold.json`, copied from the eval folder).
struct Gold: Decodable {
    struct Person: Decodable {
        var name: String
        var aliases: [String]
        var role: String?
    }
    struct Organization: Decodable {
        var name: String
        var aliases: [String]
    }
    struct Quote: Decodable {
        var text: String
        var speaker: String?
        var kind: String
        var cue: String?
        var via: String?
    }
    struct Article: Decodable {
        var file: String
        var title: String
        var source: String?
        var author: String?
        var date: String?
        var metadata_lines: [String]
        var boilerplate: [String]
        var persons: [Person]
        var organizations: [Organization]
        var quotes: [Quote]
    }
    struct CorpusPerson: Decodable {
        var name: String
        var articles: [String]
        var aliases: [String]
    }
    var articles: [Article]
    var persons_across_corpus: [CorpusPerson]

    static let shared: Gold = {
        let url = Bundle.module.url(forResource: "seeds-gold", withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONDecoder().decode(Gold.self, from: Data(contentsOf: url))
    }()
}

enum Paths {
    /// The package root, from this file's place in it.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let seeds = root.appendingPathComponent("seeds").path

    /// A fresh temporary folder.
    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The seed articles without `metadata.csv`: what the text alone tells.
    static func seedsWithoutCSV() -> String {
        let folder = temporaryFolder()
        for name in try! FileManager.default.contentsOfDirectory(atPath: seeds) where name.hasSuffix(".txt") {
            try! FileManager.default.copyItem(atPath: seeds + "/" + name, toPath: folder.appendingPathComponent(name).path)
        }
        return folder.path
    }
}

/// Spaces of every kind collapsed to one.
func squeezed(_ s: String) -> String {
    s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
}
