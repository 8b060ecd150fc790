import Foundation
import Testing
@testable import DossierModel

/// Pages of a mapping that a run of reads went through are let go as a whole, and read the
/// same afterwards.
@Suite struct MappedStretchTests {
    /// Resident kilobytes of the mapping that holds `address`.
    static func residentKB(of address: UnsafeRawPointer) throws -> Int {
        try #require(ResidentPages.kilobytes(ofMappingAt: address))
    }

    /// 64 texts of 16 KB one after the other in a mapped file, as a snapshot holds its articles'
    /// texts, each searched and every page of it read: the whole mapping is in. Every page is
    /// read, not left to the pages mapped around a read (fault-around skips a page the system
    /// is writing out, and a count that relied on it came a page short now and then).
    static func sixtyFourTexts() throws -> (texts: [String], mapped: [MappedText], base: UnsafeRawPointer) {
        let texts = (0..<64).map { i in String(String(repeating: "text \(i) said the minister. ", count: 1000).prefix(16_384)) }
        let path = Paths.temporaryFolder().appendingPathComponent("stretch.bin").path
        try Data(texts.joined().utf8).write(to: URL(fileURLWithPath: path))
        let file = try #require(MappedFile(path: path))
        let mapped = texts.indices.map { MappedText(file: file, start: $0 * 16_384, count: 16_384) }
        for (text, expected) in zip(mapped, texts) {
            #expect(text.contains(TextSearch.Needle(String(expected.prefix(12)))))
            #expect(text.withBytes { bytes in stride(from: 0, to: bytes.count, by: 512).reduce(0) { $0 + Int(bytes[$1]) } } > 0)
        }
        return (texts, mapped, try #require(file.bytes.baseAddress))
    }

    @Test func theTextsOfARunAreLetGoAndReadTheSame() throws {
        let (texts, mapped, base) = try Self.sixtyFourTexts()
        let before = try Self.residentKB(of: base)
        #expect(before >= 1000)
        // the first half's stretch is let go, the second half stays
        var read = MappedStretch()
        for text in mapped[..<32] { read.add(ArticleBody.mapped(text)) }
        read.release()
        let after = try Self.residentKB(of: base)
        #expect(after <= before - 500, "\(before) -> \(after) KB")
        // the second half stays but for the margin after the stretch (what fault-around may map)
        #expect(after >= 512 - MappedStretch.margin / 1024 - 8, "the second half was let go too: \(after) KB")
        // and the texts read as they did
        #expect(mapped.map { $0.withBytes { String(decoding: $0, as: UTF8.self) } } == texts)
    }

    @Test func releasingThroughAStretchsEndLetsGoOfEverythingBeforeIt() throws {
        let (texts, mapped, base) = try Self.sixtyFourTexts()
        let before = try Self.residentKB(of: base)
        #expect(before >= 1000)
        // a stretch of texts 24..<32, let go with everything before it: the first half goes
        var read = MappedStretch()
        for text in mapped[24..<32] { read.add(ArticleBody.mapped(text)) }
        read.releaseThroughEnd()
        let after = try Self.residentKB(of: base)
        #expect(after <= 512 + 8, "\(before) -> \(after) KB")
        #expect(after >= 512 - MappedStretch.margin / 1024 - 8, "the second half was let go too: \(after) KB")
        #expect(mapped.map { $0.withBytes { String(decoding: $0, as: UTF8.self) } } == texts)
    }

    @Test func aStretchOfQuotesWordsCoversTheirFirstToLastByte() throws {
        let path = Paths.temporaryFolder().appendingPathComponent("words.bin").path
        try Data(String(repeating: "x", count: 40_000).utf8).write(to: URL(fileURLWithPath: path))
        let file = try #require(MappedFile(path: path))
        let a = MappedText(file: file, start: 1000, count: 5000), b = MappedText(file: file, start: 30_000, count: 5000)
        #expect(a.place(from: 10, to: 20).1 == 1010..<1020)
        #expect(b.place().1 == 30_000..<35_000)
        // offsets past the text are held to it
        #expect(a.place(from: 4990, to: 9000).1 == 5990..<6000)
        // a part in memory takes nothing in: releasing it is a no-op, not a crash
        var empty = MappedStretch()
        empty.add(TextPart.slice("words in memory"))
        empty.release()
        var both = MappedStretch()
        both.add(TextPart.mapped(a, from: 0, to: 10))
        both.add(TextPart.mapped(b, from: 4000, to: 5000))
        both.release()
        #expect(b.withBytes { $0.count } == 5000)
    }
}

/// Listings that read every text and quote of a reopened corpus let the snapshot's pages go.
@Suite struct MappedListingTests {
    /// The seeds' snapshot, mapped and read back, with every text and quote read once (their
    /// pages in), and its mapping's resident kilobytes then.
    static func readSeedsSnapshot() throws -> (corpus: Corpus, file: MappedFile, resident: Int, unread: Int) {
        let loaded = try CorpusLoader.load(folder: try Cache().corpusCopy())
        let corpus = Corpus(articles: loaded.articles, warnings: loaded.warnings)
        // padded texts, so that their pages are the snapshot's most and lie wholly inside a stretch
        let padded = corpus.articles.map { a in
            let body = a.text + "\n\n" + String(repeating: "Filler text for the page. ", count: 800)
            return Article(id: a.id, file: a.file, title: a.title, source: a.source, author: a.author, date: a.date,
                           paragraphs: [Paragraph(text: body, start: 0, end: body.unicodeScalars.count, sourceStart: 0,
                                                  sourceEnd: body.unicodeScalars.count)])
        }
        let big = Corpus(articles: padded, warnings: [])
        let path = Paths.temporaryFolder().appendingPathComponent("listing.snapshot").path
        try CorpusCache.encode(big, loaded: CorpusLoader.Result(articles: padded, warnings: [])).data.write(to: URL(fileURLWithPath: path))
        let file = try #require(MappedFile(path: path))
        let back = try #require(try CorpusCache.decode(file, isCurrent: { _ in true }, searchFilters: false)).snapshot.corpus
        let base = try #require(file.bytes.baseAddress)
        // reading it back touched every page (its checksum): they are let go, as a snapshot's
        // pages are once nothing reads them for a while
        file.release(file.bytes)
        let unread = try MappedStretchTests.residentKB(of: base)
        for a in back.articles { _ = a.textContains(TextSearch.Needle("zzqx")) }
        for q in back.quotes { _ = q.wordsContain(TextSearch.Needle("zzqx")) }
        return (back, file, try MappedStretchTests.residentKB(of: base), unread)
    }

    @Test func exportingLetsTheTextsPagesGoAndWritesTheSame() throws {
        let seeds = try Self.readSeedsSnapshot()
        // the texts' pages came in when they were read
        let texts = seeds.resident - seeds.unread
        #expect(texts >= 80, "\(seeds.unread) -> \(seeds.resident) KB")
        var out = Data()
        ExportDocument(seeds.corpus).write { out.append($0) }
        let after = try MappedStretchTests.residentKB(of: try #require(seeds.file.bytes.baseAddress))
        // and went (all but a page or two at the ends of the stretches)
        #expect(after <= seeds.unread + texts / 4, "\(seeds.unread) -> \(seeds.resident) -> \(after) KB")
        // written again with every page back in, the same bytes
        for a in seeds.corpus.articles { _ = a.textContains(TextSearch.Needle("zzqx")) }
        var again = Data()
        ExportDocument(seeds.corpus).write { again.append($0) }
        #expect(out == again)
        #expect(out.count > 100_000)
    }

    @Test func listingQuotesLetsTheirWordsPagesGo() throws {
        let seeds = try Self.readSeedsSnapshot()
        let words = seeds.corpus.quotes.map(\.text)
        seeds.corpus.letGoOfWords(ofQuotes: seeds.corpus.quotes.indices)
        let after = try MappedStretchTests.residentKB(of: try #require(seeds.file.bytes.baseAddress))
        #expect(after < seeds.resident, "\(seeds.resident) -> \(after) KB")
        #expect(seeds.corpus.quotes.map(\.text) == words)
    }
}
