import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import DossierModel

/// A first analysis keeps every article's name candidates, for the snapshot, in a file of its
/// own rather than in memory: they must come back from it byte for byte.
@Suite struct NameSpillTests {
    func seedNames() throws -> [ArticleNames] {
        try CorpusLoader.load(folder: Paths.seeds).articles.map { article in
            let scalars = Array(article.text.unicodeScalars)
            return NameFinder.find(in: scalars, tokens: Tokenizer.tokenize(scalars))
        }
    }

    @Test func spilledCandidatesReadBackAsTheBytesKeptInMemory() throws {
        let names = try seedNames()
        // slices smaller than the list, so that several are written one after another
        let spilled = try #require(EncodedNames.spilled(names, slice: 2))
        #expect(spilled.count == names.count)
        for (held, back) in zip(names.map(EncodedNames.init), spilled) {
            #expect(!held.bytes.isEmpty)
            #expect(back.bytes == held.bytes)
            #expect(back.decoded()?.persons.map(\.name) == held.decoded()?.persons.map(\.name))
        }
        #expect(EncodedNames.spilled([])?.isEmpty == true)
    }

    @Test func theAnalysisSnapshotHoldsTheSameCandidatesAsAnEncodingInMemory() throws {
        let corpus = Corpus(articles: try CorpusLoader.load(folder: Paths.seeds).articles)
        let names = try seedNames()
        #expect(corpus.names.map(\.bytes) == names.map { EncodedNames($0).bytes })
    }

    @Test func aShortReadGivesFewerBytesWhichDecodingRefuses() throws {
        let stream = try #require(tmpfile())
        defer { fclose(stream) }
        let bytes: [UInt8] = [1, 2, 3, 4, 5]
        #expect(fwrite(bytes, 1, bytes.count, stream) == bytes.count)
        #expect(fflush(stream) == 0)
        let file = try #require(SpillFile(duplicating: fileno(stream)))
        #expect(file.read(1..<4) == [2, 3, 4])
        #expect(file.read(3..<9) == [4, 5])
        let names = try seedNames()
        let encoded = EncodedNames(names[0]).bytes
        #expect(EncodedNames(bytes: Array(encoded.prefix(encoded.count / 2))).decoded() == nil)
    }
}
