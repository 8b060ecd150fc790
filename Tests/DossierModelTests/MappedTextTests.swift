import Foundation
import Testing
@testable import DossierModel

/// A snapshot read from its mapped file leaves the articles' text there until it is read.
@Suite struct MappedTextTests {
    /// The seeds' snapshot written to a file, that file mapped, and the corpus it was made from.
    func mappedSeeds() throws -> (file: MappedFile, path: String, corpus: Corpus, loaded: CorpusLoader.Result) {
        let loaded = try CorpusLoader.load(folder: try Cache().corpusCopy())
        let corpus = Corpus(articles: loaded.articles, warnings: loaded.warnings)
        let path = Paths.temporaryFolder().appendingPathComponent("seeds.snapshot").path
        try CorpusCache.encode(corpus, loaded: loaded).data.write(to: URL(fileURLWithPath: path))
        return (try #require(MappedFile(path: path)), path, corpus, loaded)
    }

    @Test func textParagraphsAndQuotesStayInTheMappingAndReadTheSame() throws {
        let seeds = try mappedSeeds()
        let back = try #require(try CorpusCache.decode(seeds.file, isCurrent: { _ in true }, searchFilters: true)).snapshot.corpus
        #expect(back.articles.count == 5)
        for a in back.articles {
            guard case .mapped = a.body else { Issue.record("\(a.id) text was made at once"); continue }
            #expect(a.paragraphs.allSatisfy { if case .inMapping = $0.part { true } else { false } })
        }
        let mappedQuotes = back.quotes.filter { if case .inMapping = $0.words { true } else { false } }
        #expect(mappedQuotes.count == back.quotes.count)
        #expect(back.quotes.count >= 30)
        // read, they are the very words of the corpus the snapshot was made from
        #expect(back.articles == seeds.corpus.articles)
        #expect(back.quotes == seeds.corpus.quotes)
        #expect(ExportDocument(back).json() == ExportDocument(seeds.corpus).json())
        // the text is made once: a quote read later shares its article's string
        for q in back.quotes {
            let text = try #require(back.article(id: q.article)?.text)
            #expect(q.text.utf8Range(in: text) != nil)
            var a = text, b = q.text.base
            #expect(a.withUTF8 { x in b.withUTF8 { y in x.baseAddress == y.baseAddress } }, "\(q.id)")
        }
    }

    @Test func quotesAndParagraphsReadAloneLeaveTheTextUnmade() throws {
        let seeds = try mappedSeeds()
        let back = try #require(try CorpusCache.decode(seeds.file, isCurrent: { _ in true }, searchFilters: true)).snapshot.corpus
        // what `export` and `quotes` read: every quote's and paragraph's words, one by one
        #expect(back.quotes.map { String($0.text) } == seeds.corpus.quotes.map { String($0.text) })
        #expect(back.articles.map { $0.paragraphs.map(\.text) } == seeds.corpus.articles.map { $0.paragraphs.map(\.text) })
        #expect(ExportDocument(back).json() == ExportDocument(seeds.corpus).json())
        for a in back.articles { if case .mapped(let text) = a.body { #expect(!text.isMade, "\(a.id)") } }
        // a part must start and end on a scalar's first byte, as a slice of the made text must
        guard case .mapped(let text) = back.articles[0].body else { Issue.record("text made"); return }
        var bytes: [UInt8] = []
        text.withBytes { bytes = Array($0) }
        let inside = try #require(bytes.indices.first { bytes[$0] & 0xC0 == 0x80 })
        #expect(text.part(inside, min(inside + 4, bytes.count)) == "")
        #expect(text.part(0, bytes.count + 1) == "")
        #expect(text.part(0, 10) == text.string.sliceUTF8(0, 10))
    }

    @Test func theTextOutlivesTheSnapshotFileBeingReplaced() throws {
        let seeds = try mappedSeeds()
        let back = try #require(try CorpusCache.decode(seeds.file, isCurrent: { _ in true }, searchFilters: false)).snapshot.corpus
        // as the cache does: a new snapshot written beside it and renamed over it
        let beside = seeds.path + ".new"
        try Data("another snapshot".utf8).write(to: URL(fileURLWithPath: beside))
        #expect(rename(beside, seeds.path) == 0)
        #expect(back.articles.map(\.text) == seeds.corpus.articles.map(\.text))
        #expect(back.quotes.map(\.text) == seeds.corpus.quotes.map(\.text))
    }

    @Test func aSnapshotWrittenFromAMappedOneCopiesTheTextUnread() throws {
        let seeds = try mappedSeeds()
        let back = try #require(try CorpusCache.decode(seeds.file, isCurrent: { _ in true }, searchFilters: true)).snapshot.corpus
        // the mapped text is copied as it lies and the quotes keep their places, all unread
        let again = CorpusCache.encode(back, loaded: seeds.loaded).data
        for a in back.articles { if case .mapped(let text) = a.body { #expect(!text.isMade, "\(a.id)") } }
        let reread = try #require(try CorpusCache.decode(again, isCurrent: { _ in true })).snapshot.corpus
        #expect(reread.articles == seeds.corpus.articles)
        #expect(reread.quotes == seeds.corpus.quotes)
        // each quote came back as a place in its article's text, not as a copy of its words
        for q in reread.quotes {
            var a = try #require(reread.article(id: q.article)?.text), b = q.text.base
            #expect(a.withUTF8 { x in b.withUTF8 { y in x.baseAddress == y.baseAddress } }, "\(q.id)")
        }
    }

    @Test func damagedBytesAndPlacesReadAsRepairedTextOrNoWords() throws {
        let path = Paths.temporaryFolder().appendingPathComponent("text").path
        // "é" is two bytes; 0xFF is never UTF-8
        try Data([0x61, 0xC3, 0xA9, 0x62, 0xFF, 0x63]).write(to: URL(fileURLWithPath: path))
        let file = try #require(MappedFile(path: path))
        let good = MappedText(file: file, start: 0, count: 4)
        #expect(good.string == "aéb")
        #expect(good.slice(1, 3) == "é")
        #expect(good.slice(2, 3) == "")    // inside the "é"
        #expect(good.slice(3, 9) == "")    // past the end
        #expect(good.slice(3, 1) == "")    // backwards
        #expect(good.slice(-1, 1) == "")
        let bad = MappedText(file: file, start: 3, count: 3)
        #expect(bad.string == "b\u{FFFD}c")
        #expect(TextPart.mapped(bad, from: 0, to: 1).substring == "b")
        #expect(TextPart.mapped(bad, from: 0, to: 1).utf8Count == 1)
    }

    @Test func manyFirstReadsAtOnceMakeOneString() throws {
        let seeds = try mappedSeeds()
        let back = try #require(try CorpusCache.decode(seeds.file, isCurrent: { _ in true }, searchFilters: false)).snapshot.corpus
        // the longest article, found by its stored length (reading the text would make it)
        let article = try #require(back.articles.max { $0.body.utf8Count < $1.body.utf8Count })
        if case .mapped(let text) = article.body { #expect(!text.isMade) } else { Issue.record("text made at once") }
        let starts = ParallelMap.map(Array(0..<64)) { _ in
            var text = article.text
            return text.withUTF8 { UInt(bitPattern: $0.baseAddress) }
        }
        #expect(Set(starts).count == 1)
        #expect(article.text == seeds.corpus.article(id: article.id)?.text)
    }
}
