import Synchronization
import Foundation
import Testing
@testable import DossierModel

/// `export` written a block at a time gives the bytes of the whole document encoded at once.
@Suite struct ExportStreamTests {
    /// The definition: the four arrays in one value, through `JSONEncoder` as `export` sets it.
    struct Whole: Encodable {
        let actors: [ExportActor]
        let articles: [ExportDocument.ExportArticle]
        let quotes: [ExportQuote]
        let reported: [ExportQuote]

        init(_ corpus: Corpus) {
            let files = Dictionary(uniqueKeysWithValues: corpus.articles.map { ($0.id, $0.file) })
            actors = corpus.actors.indices.map { ExportActor(corpus, $0, files: files) }
            articles = corpus.articles.map { ExportDocument.ExportArticle($0) }
            quotes = corpus.quotes.indices.filter { corpus.quotes[$0].kind != .reported }.map { ExportQuote(corpus, $0, files: files) }
            reported = corpus.quotes.indices.filter { corpus.quotes[$0].kind == .reported }.map { ExportQuote(corpus, $0, files: files) }
        }

        func json() throws -> Data {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
            return try encoder.encode(self)
        }
    }

    @Test func theSeedsStreamAsTheWholeDocumentEncodesAtEveryBlockSize() throws {
        let corpus = try Corpus.load(folder: Paths.seeds)
        let whole = try Whole(corpus).json()
        #expect(ExportDocument(corpus).json() == whole)
        for (block, atOnce) in [(1, 1), (2, 3), (5, 2), (7, 100)] {
            var out = Data()
            var pieces = 0
            ExportDocument(corpus).write(to: { out.append($0); pieces += 1 }, block: block, blocksAtOnce: atOnce)
            #expect(out == whole, "block \(block), \(atOnce) at once")
            #expect(pieces > 10)
        }
        // empty arrays, inside entries and for a whole section, are written as the encoder does
        let text = String(decoding: whole, as: UTF8.self)
        #expect(text.contains("\"roles\" : [\n\n      ]"))
        let bare = Corpus(articles: corpus.articles, warnings: [], analyze: false)
        #expect(ExportDocument(bare).json() == (try Whole(bare).json()))
        #expect(String(decoding: ExportDocument(bare).json(), as: UTF8.self).contains("\"quotes\" : [\n\n  ]"))
    }
}

/// `JSONStream.array` against `JSONEncoder` on the whole array, at the document's top level.
@Suite struct JSONStreamTests {
    struct Entry: Encodable, Sendable {
        let name: String
        let tags: [String]
        let nested: [String: [Int]]
        let note: String?
    }

    @Test func anArrayStreamsAsItEncodesWhole() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        for count in [0, 1, 2, 7, 40] {
            let entries = (0..<count).map { i in
                Entry(name: "n\(i) “quoted” a/b \\ \n", tags: i % 3 == 0 ? [] : ["t\(i)", "u"], nested: i % 2 == 0 ? [:] : ["k": [i]], note: i % 4 == 0 ? nil : "x")
            }
            let whole = try encoder.encode(entries)
            for (block, atOnce) in [(1, 1), (3, 2), (256, 8)] {
                var out = Data()
                JSONStream.array(count: count, block: block, blocksAtOnce: atOnce, sink: { out.append($0) }) { entries[$0] }
                #expect(out == whole, "\(count) entries, block \(block)")
            }
        }
    }

    @Test func eachBlockIsToldOnceItsEntriesAreEncoded() {
        for (count, block) in [(0, 4), (1, 4), (10, 3), (40, 8)] {
            let told = Mutex<[Range<Int>]>([])
            JSONStream.array(count: count, block: block, blocksAtOnce: 2, sink: { _ in }, make: { $0 },
                             encoded: { range in told.withLock { $0.append(range) } })
            let ranges = told.withLock { $0 }.sorted { $0.lowerBound < $1.lowerBound }
            #expect(ranges.flatMap { Array($0) } == Array(0..<count), "\(count) entries, block \(block)")
            #expect(ranges.allSatisfy { $0.count <= block })
        }
    }
}
