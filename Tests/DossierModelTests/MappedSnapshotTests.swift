import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import DossierModel

/// The snapshot is read from a mapping whose pages are let go once read.
@Suite struct MappedSnapshot {
    @Test func aMappedFileReadsTheSameAfterItsPagesAreLetGo() throws {
        let path = Paths.temporaryFolder().appendingPathComponent("pages").path
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let bytes = (0..<(5 * page + 123)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let file = try #require(MappedFile(path: path))
        #expect(Array(file.bytes) == bytes)
        // part of a page, pages across boundaries, then everything
        for (from, to) in [(10, 20), (page - 1, 3 * page + 1), (0, bytes.count)] {
            file.release(UnsafeRawBufferPointer(rebasing: file.bytes[from..<to]))
            #expect(Array(file.bytes) == bytes)
        }
        try Data().write(to: URL(fileURLWithPath: path))
        #expect(try #require(MappedFile(path: path)).bytes.isEmpty)
        #expect(MappedFile(path: path + "-missing") == nil)
    }

    @Test func aSnapshotReadFromItsMappedFileIsTheOneReadFromMemory() throws {
        let folder = try Cache().corpusCopy()
        let loaded = try CorpusLoader.load(folder: folder)
        let corpus = Corpus(articles: loaded.articles, warnings: loaded.warnings)
        let data = CorpusCache.encode(corpus, loaded: loaded).data
        let path = Paths.temporaryFolder().appendingPathComponent("seeds.snapshot").path
        try data.write(to: URL(fileURLWithPath: path))
        let file = try #require(MappedFile(path: path))
        // every part read is let go as the decoding goes: the articles, actors, mentions and
        // quotes blocks and the checksum's pieces
        let told = Counter()
        let mapped = try #require(try CorpusCache.decode(bytes: file.bytes, isCurrent: { _ in true }, used: {
            told.add($0.count)
            file.release($0)
        }))
        #expect(told.value >= data.count / 2)
        let memory = try #require(try CorpusCache.decode(data, isCurrent: { _ in true }))
        #expect(ExportDocument(mapped.snapshot.corpus).json() == ExportDocument(memory.snapshot.corpus).json())
        #expect(ExportDocument(mapped.snapshot.corpus).json() == ExportDocument(corpus).json())
        // the id table worked out on its own thread while the rest was read
        let reopened = mapped.snapshot.corpus
        #expect(reopened.articles.indices.allSatisfy { reopened.articleIndex(of: reopened.articles[$0].id) == $0 })
        #expect(reopened.articleIndex(of: "no such article") == nil)
    }

    @Test func anEmptySnapshotFileIsRebuiltWithAWarning() throws {
        let cache = Paths.temporaryFolder().path, folder = try Cache().corpusCopy()
        _ = try CorpusCache.load(folder: folder, cacheFolder: cache)
        let snapshot = try #require(try FileManager.default.contentsOfDirectory(atPath: cache).first { $0.hasSuffix(".snapshot") })
        try Data().write(to: URL(fileURLWithPath: cache + "/" + snapshot))
        let rebuilt = try CorpusCache.load(folder: folder, cacheFolder: cache)
        #expect(!rebuilt.fromCache)
        #expect(rebuilt.corpus.warnings.contains { $0.reason == "cache unreadable; rebuilt" })
    }
}

/// A total several threads add to.
final class Counter: @unchecked Sendable {
    private var total = 0
    private let lock = NSLock()
    func add(_ n: Int) { lock.withLock { total += n } }
    var value: Int { lock.withLock { total } }
}
