import Foundation
import Synchronization
import Testing
@testable import DossierModel

@Suite struct LoadingBadInput {
    func write(_ bytes: [UInt8], _ name: String, in folder: URL) {
        #expect(FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data(bytes)),
                "could not write \(name)")
    }

    func folderWithGoodArticle() -> URL {
        let folder = Paths.temporaryFolder()
        write(Array("Good headline\n\nA good body sentence.\n".utf8), "good.txt", in: folder)
        return folder
    }

    @Test func invalidUTF8IsDecodedWithReplacementAndWarned() throws {
        let folder = folderWithGoodArticle()
        write(Array("Headline\n\nCaf".utf8) + [0xE9, 0xFF] + Array(" au lait.\n".utf8), "bad.txt", in: folder)
        let corpus = try Corpus.load(folder: folder.path)
        #expect(corpus.articles.count == 2)
        let bad = try #require(corpus.articles.first { $0.file == "bad.txt" })
        #expect(bad.text.contains("Caf\u{FFFD}\u{FFFD} au lait."))
        #expect(corpus.warnings.contains { $0.file == "bad.txt" && $0.reason.contains("invalid UTF-8") })
    }

    @Test func binaryAndEmptyFilesAreSkippedWithAWarning() throws {
        let folder = folderWithGoodArticle()
        write([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 1, 2, 3], "image.txt", in: folder)
        write([0, 1, 2, 3, 4, 5, 6, 7, 0, 0, 0, 0], "blob.txt", in: folder)
        write([], "empty.txt", in: folder)
        write(Array("  \n\n ".utf8), "blank.md", in: folder)
        let corpus = try Corpus.load(folder: folder.path)
        #expect(corpus.articles.map(\.file) == ["good.txt"])
        #expect(corpus.warnings.contains { $0.file == "image.txt" && $0.reason.contains("binary") })
        #expect(corpus.warnings.contains { $0.file == "blob.txt" && $0.reason.contains("binary") })
        #expect(corpus.warnings.contains { $0.file == "empty.txt" && $0.reason.contains("empty") })
        #expect(corpus.warnings.contains { $0.file == "blank.md" && $0.reason.contains("empty") })
    }

    @Test func anUnreadableFileIsWarnedAndTheRestLoads() throws {
        let folder = folderWithGoodArticle()
        // Reading /proc/self/mem at offset 0 fails with EIO even for root, who can read any
        // file whatever its mode.
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("locked.txt").path,
                                                   withDestinationPath: "/proc/self/mem")
        let corpus = try Corpus.load(folder: folder.path)
        #expect(corpus.articles.map(\.file) == ["good.txt"])
        #expect(corpus.warnings.contains { $0.file == "locked.txt" && $0.reason.contains("cannot read") })
    }

    @Test func aFIFOAndASymlinkLoopDoNotHang() throws {
        let folder = folderWithGoodArticle()
        #expect(mkfifo(folder.appendingPathComponent("pipe.txt").path, 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("loop").path,
                                                   withDestinationPath: folder.path)
        let corpus = try Corpus.load(folder: folder.path)
        #expect(corpus.articles.map(\.file) == ["good.txt"])
        #expect(corpus.warnings.filter { $0.file == "pipe.txt" }.count == 1)
        #expect(corpus.warnings.filter { $0.file == "loop" }.count == 1)
    }

    @Test func aMissingOrEmptyFolderIsAnError() throws {
        #expect(throws: CorpusError.missing("/no/such/folder")) { try Corpus.load(folder: "/no/such/folder") }
        let empty = Paths.temporaryFolder()
        #expect(try Corpus.load(folder: empty.path).articles.isEmpty)
    }

    @Test func utf16WithABOMDecodes() throws {
        let folder = Paths.temporaryFolder()
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "Headline\n\nBody in UTF-16.\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        write(bytes, "wide.txt", in: folder)
        let corpus = try Corpus.load(folder: folder.path)
        #expect(corpus.articles.first?.title == "Headline")
        #expect(corpus.articles.first?.text == "Body in UTF-16.")
    }

    @Test func crlfAndLoneCRAreLineBreaks() throws {
        let cleaned = ArticleCleaner.clean("Headline\r\n\r\nFirst paragraph.\r\rSecond paragraph.\r\n")
        #expect(cleaned.title == "Headline")
        #expect(cleaned.paragraphs.map(\.text) == ["First paragraph.", "Second paragraph."])
    }
}

@Suite struct LoadingFormats {
    @Test func aJSONLCorpusLoadsEachLineAndSkipsBadOnes() throws {
        let folder = Paths.temporaryFolder()
        let lines = [
            #"{"title": "First story", "text": "Body one.\n\nMore of it.", "source": "Daily Wire Service", "authors": ["Jane Roe", "John Doe"], "published": "2020-03-04T10:00:00Z", "url": "https://example.org/1"}"#,
            "this is not json",
            #"{"headline": "Second story", "body": "Body two.", "date": "2019"}"#,
            #"{"title": "No text at all"}"#,
            #"{"title": "Third", "content": "Body three.", "publish_date": "2021-07"}"#,
        ]
        try (lines.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("feed.jsonl"), atomically: true, encoding: .utf8)
        let corpus = try Corpus.load(folder: folder.path)
        #expect(corpus.articles.map(\.title) == ["Second story", "First story", "Third"])
        let first = try #require(corpus.articles.first { $0.title == "First story" })
        #expect(first.file == "feed.jsonl#1")
        #expect(first.id == "feed#1")
        #expect(first.source == "Daily Wire Service")
        #expect(first.author == "Jane Roe, John Doe")
        #expect(first.date?.description == "2020-03-04")
        #expect(first.url == "https://example.org/1")
        #expect(first.paragraphs.map(\.text) == ["Body one.", "More of it."])
        #expect(corpus.warnings.contains { $0.file == "feed.jsonl" && $0.reason.hasPrefix("line 2:") })
        #expect(corpus.warnings.contains { $0.file == "feed.jsonl" && $0.reason.hasPrefix("line 4:") })
    }

    @Test func aJSONLFileWithWindowsLineEndsLoadsEachLine() throws {
        let folder = Paths.temporaryFolder()
        let text = #"{"title": "One", "text": "First story.\n\nMore."}"# + "\r\n" + #"{"title": "Two", "text": "Second story."}"# + "\r\n"
        try text.write(to: folder.appendingPathComponent("feed.jsonl"), atomically: true, encoding: .utf8)
        let corpus = try Corpus.load(folder: folder.path)
        #expect(Set(corpus.articles.map(\.title)) == ["One", "Two"])
        #expect(corpus.warnings.isEmpty)
    }

    @Test func aLargeJSONLFileKeepsItsLinesOrderAndWarnings() throws {
        // more lines than a block of the parallel parse, with bad lines here and there
        let folder = Paths.temporaryFolder()
        var lines: [String] = []
        for n in 1...500 {
            if n % 97 == 0 { lines.append("not json \(n)"); continue }
            if n % 101 == 0 { lines.append(#"{"title": "Late", "text": "Body.", "date": "someday"}"#); continue }
            lines.append(#"{"title": "Story \#(n)", "text": "Body of story \#(n).", "date": "2020-01-01"}"#)
        }
        try (lines.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("feed.jsonl"), atomically: true, encoding: .utf8)
        let loaded = try CorpusLoader.load(folder: folder.path)
        #expect(loaded.articles.count == 500 - 5)
        let story = try #require(loaded.articles.first { $0.title == "Story 250" })
        #expect(story.id == "feed#250")
        #expect(story.paragraphs.map(\.text) == ["Body of story 250."])
        // one warning a bad line, in line order
        let lineNumbers = loaded.warnings.compactMap { w in w.reason.split(separator: ":").first.flatMap { Int($0.dropFirst(5)) } }
        #expect(lineNumbers == [97, 101, 194, 202, 291, 303, 388, 404, 485])
    }

    @Test func progressCountsBytesAndOneBigFeedReportsAsItGoes() throws {
        // a feed of 10,000 records in one file: its progress comes slice by slice, not at the end
        let folder = Paths.temporaryFolder()
        let lines = (1...10_000).map { #"{"title": "Story \#($0)", "text": "Body of story \#($0), long enough to count."}"# }
        try (lines.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("feed.jsonl"), atomically: true, encoding: .utf8)
        try "Alone\n\nA small file.\n".write(to: folder.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        let reports = Mutex<[(Int, Int)]>([])
        _ = try CorpusLoader.load(folder: folder.path) { done, total in reports.withLock { $0.append((done, total)) } }
        let seen = reports.withLock { $0 }
        let total = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("feed.jsonl").path)[.size] as! Int
            + (try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("a.txt").path)[.size] as! Int)
        #expect(seen.allSatisfy { $0.1 == total })
        // reports from two threads may arrive out of order; one of them is the whole
        #expect(seen.map(\.0).max() == total)
        // the feed's slices report on the way, each report a further hundredth at least
        #expect(seen.filter { $0.0 < total }.count >= 2)
        #expect(seen.count <= 102)
    }

    @Test func filesThatDifferOnlyByExtensionKeepTheirWholePathsAsIds() throws {
        let folder = Paths.temporaryFolder()
        try "Alpha Title\n\nMinister Jane Roe said: “Alpha words here today.”\n"
            .write(to: folder.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try "Beta Title\n\nGovernor John Poe said: “Beta words here today.”\n"
            .write(to: folder.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        try "Gamma Title\n\nBody.\n".write(to: folder.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        let corpus = try Corpus.load(folder: folder.path)
        #expect(Set(corpus.articles.map(\.id)) == ["a.txt", "a.md", "b"])
        // each quote belongs to the article whose text holds it
        for q in corpus.quotes {
            let article = try #require(corpus.article(id: q.article))
            let scalars = Array(article.text.unicodeScalars)
            #expect(String(String.UnicodeScalarView(scalars[q.start..<q.end])) == q.text)
        }
        #expect(corpus.quotes.map(\.article).sorted() == ["a.md", "a.txt"])
    }

    @Test func metadataCSVOverridesInferenceAndAllowsPartialDates() throws {
        let folder = Paths.temporaryFolder()
        let sub = folder.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try "Inferred Title\nBy Jane Roe\n\nBody.\n".write(to: sub.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try "Other Title\n\nBody two.\n".write(to: folder.appendingPathComponent("b.md"), atomically: true, encoding: .utf8)
        try "file,source,date,title\nsub/a.txt,The Example Post,2018,\nb.md,,\"2019-10\",\"Quoted, Title\"\nmissing.txt,X,notadate,\n"
            .write(to: folder.appendingPathComponent("metadata.csv"), atomically: true, encoding: .utf8)
        let corpus = try Corpus.load(folder: folder.path)
        let a = try #require(corpus.articles.first { $0.file == "sub/a.txt" })
        #expect(a.title == "Inferred Title")
        #expect(a.author == "Jane Roe")
        #expect(a.source == "The Example Post")
        #expect(a.date?.description == "2018")
        let b = try #require(corpus.articles.first { $0.file == "b.md" })
        #expect(b.title == "Quoted, Title")
        #expect(b.date?.description == "2019-10")
        #expect(corpus.warnings.contains { $0.file == "metadata.csv" && $0.reason.contains("notadate") })
    }

    @Test func markdownHeadingsLoseTheirMarks() throws {
        let cleaned = ArticleCleaner.clean("# A Markdown Title\n\nBody text.\n", markdown: true)
        #expect(cleaned.title == "A Markdown Title")
    }
}
