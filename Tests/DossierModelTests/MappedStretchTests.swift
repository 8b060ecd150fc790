import Foundation
import Testing
@testable import DossierModel

/// Pages of a mapping that a run of reads went through are let go as a whole, and read the
/// same afterwards.
@Suite struct MappedStretchTests {
    /// Resident kilobytes of the mapping that holds `address` (its line of /proc/self/smaps).
    static func residentKB(of address: UnsafeRawPointer) throws -> Int {
        // read as a stream: the file reports no size
        let handle = try #require(FileHandle(forReadingAtPath: "/proc/self/smaps"))
        defer { try? handle.close() }
        let smaps = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        let at = UInt(bitPattern: address)
        var inside = false
        for line in smaps.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if let range = fields.first, range.contains("-"), !range.hasSuffix(":") {
                let ends = range.split(separator: "-").compactMap { UInt($0, radix: 16) }
                inside = ends.count == 2 && ends[0] <= at && at < ends[1]
            } else if inside, fields.first == "Rss:", fields.count >= 2 {
                return Int(fields[1]) ?? -1
            }
        }
        throw CocoaError(.fileReadUnknown)
    }

    @Test func theTextsOfARunAreLetGoAndReadTheSame() throws {
        // 64 texts of 16 KB one after the other, as a snapshot holds its articles' texts
        let texts = (0..<64).map { i in String(String(repeating: "text \(i) said the minister. ", count: 1000).prefix(16_384)) }
        let path = Paths.temporaryFolder().appendingPathComponent("stretch.bin").path
        try Data(texts.joined().utf8).write(to: URL(fileURLWithPath: path))
        let file = try #require(MappedFile(path: path))
        let mapped = texts.indices.map { MappedText(file: file, start: $0 * 16_384, count: 16_384) }
        let base = try #require(file.bytes.baseAddress)
        // reading them brings the whole mapping in
        for (text, expected) in zip(mapped, texts) {
            #expect(text.contains(TextSearch.Needle(String(expected.prefix(12)))))
        }
        let before = try Self.residentKB(of: base)
        #expect(before >= 1000)
        // the first half's stretch is let go, the second half stays
        var read = MappedStretch()
        for text in mapped[..<32] { read.add(ArticleBody.mapped(text)) }
        read.release()
        let after = try Self.residentKB(of: base)
        #expect(after <= before - 500, "\(before) -> \(after) KB")
        #expect(after >= 500, "the second half was let go too: \(after) KB")
        // and the texts read as they did
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
