import Foundation
import Testing
@testable import DossierModel

@Suite struct Cache {
    func corpusCopy() throws -> String {
        let folder = Paths.temporaryFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: Paths.seeds) {
            try FileManager.default.copyItem(atPath: Paths.seeds + "/" + name, toPath: folder.appendingPathComponent(name).path)
        }
        return folder.path
    }

    @Test func aSnapshotReadsBackTheSameCorpus() throws {
        let cache = Paths.temporaryFolder().path, folder = try corpusCopy()
        let first = try CorpusCache.load(folder: folder, cacheFolder: cache)
        #expect(!first.fromCache)
        let second = try CorpusCache.load(folder: folder, cacheFolder: cache)
        #expect(second.fromCache)
        #expect(ExportDocument(second.corpus).json() == ExportDocument(first.corpus).json())
        #expect(second.corpus.mentions == first.corpus.mentions)
    }

    @Test func aChangedFileRebuilds() throws {
        let cache = Paths.temporaryFolder().path, folder = try corpusCopy()
        _ = try CorpusCache.load(folder: folder, cacheFolder: cache)
        try "New Headline\n\nMinister Lena Berg said: “We changed it.”\n"
            .write(toFile: folder + "/004_55a2b388bbf5f81d.txt", atomically: true, encoding: .utf8)
        let again = try CorpusCache.load(folder: folder, cacheFolder: cache)
        #expect(!again.fromCache)
        #expect(again.corpus.articles.contains { $0.title == "New Headline" })
        #expect(try CorpusCache.load(folder: folder, cacheFolder: cache).fromCache)
    }

    @Test func aDamagedSnapshotIsRebuiltWithAWarning() throws {
        let cache = Paths.temporaryFolder().path, folder = try corpusCopy()
        _ = try CorpusCache.load(folder: folder, cacheFolder: cache)
        let snapshot = try #require(try FileManager.default.contentsOfDirectory(atPath: cache).first { $0.hasSuffix(".snapshot") })
        let path = cache + "/" + snapshot
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: path))   // a torn write
        let rebuilt = try CorpusCache.load(folder: folder, cacheFolder: cache)
        #expect(!rebuilt.fromCache)
        #expect(rebuilt.corpus.warnings.contains { $0.reason == "cache unreadable; rebuilt" })
        #expect(rebuilt.corpus.articles.count == 5)
        #expect(try CorpusCache.load(folder: folder, cacheFolder: cache).fromCache)
        // nothing but the snapshot is left behind (the temporary file was renamed)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache).allSatisfy { $0.hasSuffix(".snapshot") })
    }

    @Test func newRulesRebuild() throws {
        let folder = try corpusCopy()
        let root = URL(fileURLWithPath: folder).standardizedFileURL.path
        #expect(CorpusCache.fingerprint(root).hasPrefix("v\(CorpusCache.rulesVersion)\n"))
        let corpus = try Corpus.load(folder: folder)
        let data = CorpusCache.encode(corpus, fingerprint: "v0\nold")
        #expect(try CorpusCache.decode(data, fingerprint: CorpusCache.fingerprint(root)) == nil)
    }
}

@Suite struct BinaryCodingRoundTrip {
    @Test func integersAndStringsComeBack() throws {
        var w = BinaryWriter()
        let ints = [0, 1, -1, 63, 64, -65, 127, 128, 300, Int.max, Int.min, 1 << 40]
        for i in ints { w.int(i) }
        w.string("“quoted” ✓ 中文"); w.optional(nil as String?); w.optional(7 as Int?)
        let data = w.data
        var read: [Int] = []
        var text: String?, none: String?, seven: Int?, atEnd = false, failsAfter = false
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) throws in
            var r = BinaryReader(bytes)
            for _ in ints { read.append(try r.int()) }
            text = try r.string()
            none = try r.optionalString()
            seven = try r.optionalInt()
            atEnd = r.atEnd
            do { _ = try r.int() } catch { failsAfter = true }
        }
        #expect(read == ints)
        #expect(text == "“quoted” ✓ 中文")
        #expect(none == nil)
        #expect(seven == 7)
        #expect(atEnd)
        #expect(failsAfter)
    }
}
