import Foundation
import Synchronization
import Testing
@testable import DossierModel

/// The listing stats regular files after its walk, on several threads; what it gives must be
/// what a walk that stats every name in turn gives.
@Suite struct CorpusListing {
    func write(_ text: String, _ relative: String, in folder: URL) {
        let url = folder.appendingPathComponent(relative)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8)), "could not write \(relative)")
    }

    func stamp(_ path: String) -> FileStamp? {
        var st = stat()
        return stat(path, &st) == 0 ? FileStamp(st) : nil
    }

    @Test func filesComeInNameOrderWithTheirOwnStampsAndLinksFollowed() throws {
        let folder = Paths.temporaryFolder()
        write("one", "b.txt", in: folder)
        write("two two", "a/c.md", in: folder)
        write("{}", "a/d.jsonl", in: folder)
        write("not an article", "a/e.pdf", in: folder)
        write("three", "z/deep/f.markdown", in: folder)
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: folder.appendingPathComponent("link.txt").path, withDestinationPath: "b.txt")
        try fm.createSymbolicLink(atPath: folder.appendingPathComponent("again").path, withDestinationPath: "a")
        try fm.createSymbolicLink(atPath: folder.appendingPathComponent("gone.txt").path, withDestinationPath: "nowhere.txt")
        #expect(mkfifo(folder.appendingPathComponent("pipe.md").path, 0o644) == 0)

        let listing = CorpusFiles.listing(root: folder.path)
        #expect(listing.entries.map(\.relative) == ["a/c.md", "a/d.jsonl", "b.txt", "link.txt", "z/deep/f.markdown"])
        #expect(listing.entries.map(\.kind) == [.markdown, .jsonl, .text, .text, .markdown])
        for entry in listing.entries {
            #expect(entry.path == folder.path + "/" + entry.relative)
            #expect(entry.stamp == stamp(entry.path), "\(entry.relative)")
        }
        // a link is stamped as what it points to
        #expect(listing.entries[3].stamp.size == 3)
        #expect(listing.warnings.map(\.file) == ["again", "gone.txt", "pipe.md"])
    }

    @Test func manyFilesOverManyThreadsKeepTheirOrder() throws {
        let folder = Paths.temporaryFolder()
        // sizes differ, so a stamp given to the wrong file shows
        let names = (0..<600).map { String(format: "%02d/%04d.txt", $0 % 7, $0) }
        for (k, name) in names.enumerated() { write(String(repeating: "x", count: k + 1), name, in: folder) }
        let listing = CorpusFiles.listing(root: folder.path)
        #expect(listing.entries.map(\.relative) == names.sorted())
        #expect(listing.entries.allSatisfy { $0.stamp.size == Int($0.relative.suffix(8).prefix(4))! + 1 })
    }

    @Test func waitingThreadsDoEachItemOnce() {
        let seen = Mutex([Int](repeating: 0, count: 1000))
        WaitingThreads.forEach(1000, threads: 8) { i in seen.withLock { $0[i] += 1 } }
        #expect(seen.withLock { $0 } == [Int](repeating: 1, count: 1000))
        let few = Mutex([Int]())
        WaitingThreads.forEach(1, threads: 8) { i in few.withLock { $0.append(i) } }
        WaitingThreads.forEach(0, threads: 8) { i in few.withLock { $0.append(i) } }
        #expect(few.withLock { $0 } == [0])
    }
}
