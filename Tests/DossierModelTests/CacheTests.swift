import Foundation
#if canImport(Glibc)
import Glibc
#endif
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

    /// In a copy of the seeds: 004 changed, 005 added, 000 removed (001–003 as they were).
    func changeOneAddOneRemoveOne(_ folder: String) throws {
        try "New Headline\n\nMinister Lena Berg said: “We changed it.”\n"
            .write(toFile: folder + "/004_55a2b388bbf5f81d.txt", atomically: true, encoding: .utf8)
        try "Another Report\n\n“Nothing is settled,” Lena Berg said on Friday.\n"
            .write(toFile: folder + "/005_added.txt", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: folder + "/000_121963db264eac04.txt")
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

    @Test func aChangedFileIsAnalysedAloneAndTheResultIsAsFromScratch() throws {
        let cache = Paths.temporaryFolder().path, folder = try corpusCopy()
        _ = try CorpusCache.load(folder: folder, cacheFolder: cache)
        try changeOneAddOneRemoveOne(folder)
        let lookup = CorpusCache.cached(folder: folder, cacheFolder: cache)
        let stale = try #require(lookup.stale)
        #expect(lookup.corpus == nil)
        let loaded = try stale.reload(folder: folder)
        #expect(loaded.reusedIds.count == 3)          // 001, 002, 003 not read again
        #expect(!loaded.reusedIds.contains("004_55a2b388bbf5f81d"))
        let again = try CorpusCache.load(folder: folder, cacheFolder: cache)
        #expect(!again.fromCache)
        let scratch = try Corpus.load(folder: folder)
        #expect(ExportDocument(again.corpus).json() == ExportDocument(scratch).json())
        #expect(again.corpus.mentions == scratch.mentions)
        #expect(again.corpus.actors.contains { $0.name == "Lena Berg" && $0.articles.count == 2 })
        #expect(try CorpusCache.load(folder: folder, cacheFolder: cache).fromCache)
    }

    @Test func anUnchangedArticleKeepsItsQuotesOnlyWhileItsMentionsResolveAsBefore() throws {
        let loaded = try CorpusLoader.load(folder: Paths.seeds)
        let corpus = Corpus(articles: loaded.articles, warnings: [])
        let stored = try storedAnalysis(corpus, loaded: loaded)
        let prior = PriorAnalysis(stored, of: corpus.articles, for: corpus.articles, unchanged: Set(corpus.articles.map(\.id)))
        var index: [String: Int] = [:]
        for (i, a) in corpus.actors.enumerated() { index[a.id] = i }
        let i = try #require(corpus.articles.indices.first { a in
            !corpus.mentions[a].isEmpty && corpus.quotes.contains { $0.article == corpus.articles[a].id && $0.speaker != nil }
        })
        let article = corpus.articles[i]
        var expected = corpus.quotes.filter { $0.article == article.id }
        for k in expected.indices { expected[k].group = nil }
        // nothing is lent before the article's slice is
        #expect(prior.quotes(of: article, mentions: corpus.mentions[i], actors: corpus.actors, index: index) == nil)
        prior.lend(for: corpus.articles[...])
        #expect(prior.quotes(of: article, mentions: corpus.mentions[i], actors: corpus.actors, index: index) == expected)
        // a mentioned actor renamed, or one mention fewer: the quotes are found again
        var renamed = corpus.actors
        renamed[corpus.mentions[i][0].actor].name += " Jr"
        #expect(prior.quotes(of: article, mentions: corpus.mentions[i], actors: renamed, index: index) == nil)
        #expect(prior.quotes(of: article, mentions: Array(corpus.mentions[i].dropLast()), actors: corpus.actors, index: index) == nil)
        // a slice without the article lends nothing for it
        prior.lend(for: corpus.articles[(i == 0 ? 1 : 0)...(i == 0 ? 1 : 0)])
        #expect(prior.quotes(of: article, mentions: corpus.mentions[i], actors: corpus.actors, index: index) == nil)
        // an article that changed lends nothing
        let changed = PriorAnalysis(stored, of: corpus.articles, for: corpus.articles, unchanged: [])
        changed.lend(for: corpus.articles[...])
        #expect(changed.quotes(of: article, mentions: corpus.mentions[i], actors: corpus.actors, index: index) == nil)
        #expect(changed.takeNames(of: article) == nil)
        // an unchanged article's candidates come back as they were, once
        let kept = PriorAnalysis(stored, of: corpus.articles, for: corpus.articles, unchanged: [article.id])
        let taken = try #require(kept.takeNames(of: article))
        let expectedNames = try #require(corpus.names[i].decoded())
        #expect(taken.persons.map(\.name) == expectedNames.persons.map(\.name))
        #expect(taken.organizations.map(\.name) == expectedNames.organizations.map(\.name))
        #expect(kept.takeNames(of: article) == nil)
    }

    /// Every article's quotes and mentions read from the stored analysis a few articles at a
    /// time, as the quote collection asks for them, are the snapshot's own.
    @Test func theStoredAnalysisLendsEachArticlesQuotesAndMentionsAsTheCorpusHadThem() throws {
        let loaded = try CorpusLoader.load(folder: Paths.seeds)
        let corpus = Corpus(articles: loaded.articles, warnings: [])
        let stored = try storedAnalysis(corpus, loaded: loaded)
        let names = stored.actorFacts().map(\.name)
        #expect(names == corpus.actors.map(\.name))
        for places in [[0], [1, 2], [3], [4], [0, 2, 4], Array(corpus.articles.indices)] {
            // the articles asked for; the others' quotes in the same blocks are passed over
            let asked = Set(places), articles = corpus.articles
            let article: @Sendable (Int) -> ArticleText? = { asked.contains($0) ? (articles[$0].id, articles[$0].body) : nil }
            let quotes = try #require(stored.quotes(of: places, article: article, actorNames: names))
            let mentions = try #require(stored.mentions(of: places, actors: names.count))
            #expect(Set(quotes.keys) == Set(places))
            for p in places {
                #expect(quotes[p] == corpus.quotes.filter { $0.article == corpus.articles[p].id })
                #expect(mentions[p] == corpus.mentions[p])
            }
        }
        // the whole analysis reads back as the corpus
        let whole = try #require(stored.corpus(articles: corpus.articles, warnings: [], idIndex: nil))
        #expect(stored.corpus(articles: Array(corpus.articles.dropLast()), warnings: [], idIndex: nil) == nil)
        #expect(whole.quotes == corpus.quotes)
        #expect(whole.actors == corpus.actors)
        #expect(whole.mentions == corpus.mentions)
        #expect(whole.names.count == corpus.articles.count)
    }

    /// Quotes written in several blocks (1,024 a block), lent a slice of articles at a time:
    /// each article's come back whole, even one whose run goes on from one block into the next.
    @Test func quotesOverSeveralBlocksAreLentWholeForAnySliceOfArticles() throws {
        let articles = (0..<260).map { i in
            let quotes = (0..<5).map { k in "“Words number \(k) of report \(i) stand,” the minister said." }
            return ArticleBuilder.build(id: "a\(i)", file: "a\(i).txt", text: "Report \(i)\n\n" + quotes.joined(separator: " ") + "\n",
                                        markdown: false, given: GivenMetadata())
        }
        let corpus = Corpus(articles: articles)
        #expect(corpus.quotes.count == 1300)
        let stored = try storedAnalysis(corpus, loaded: CorpusLoader.Result(articles: articles, warnings: []))
        #expect(stored.sections.quotes.spans.count == 2)
        let names = stored.actorFacts().map(\.name)
        // article 204's five quotes are the 1,021st to the 1,025th
        for slice in [0..<1, 204..<205, 203..<206, 100..<260, 0..<260] {
            let places = Array(slice), all = corpus.articles
            let article: @Sendable (Int) -> ArticleText? = { slice.contains($0) ? (all[$0].id, all[$0].body) : nil }
            let lent = try #require(stored.quotes(of: places, article: article, actorNames: names))
            for p in places { #expect(lent[p] == corpus.quotes.filter { $0.article == all[p].id }, "article \(p)") }
        }
    }

    /// Quote blocks are chosen by the article their first quote belongs to: an article's run
    /// may start at the end of the block before those that start with it.
    @Test func theBlocksThatCanHoldAnArticlesQuotesAreFoundByTheirFirstArticle() {
        let starts = [0, 0, 2, 5, 5, 9]
        #expect(QuoteBlocks.holding(article: 0, blockStarts: starts) == 0...1)
        #expect(QuoteBlocks.holding(article: 1, blockStarts: starts) == 1...1)
        #expect(QuoteBlocks.holding(article: 2, blockStarts: starts) == 1...2)
        #expect(QuoteBlocks.holding(article: 5, blockStarts: starts) == 2...4)
        #expect(QuoteBlocks.holding(article: 7, blockStarts: starts) == 4...4)
        #expect(QuoteBlocks.holding(article: 12, blockStarts: starts) == 5...5)
        #expect(QuoteBlocks.holding(article: 3, blockStarts: [5, 9]) == nil)
    }

    @Test func aFileWhoseIdChangesIsReadAgain() throws {
        let cache = Paths.temporaryFolder().path, folder = try corpusCopy()
        _ = try CorpusCache.load(folder: folder, cacheFolder: cache)
        // a new `.md` twin: the unchanged `.txt` now needs its whole path as its id
        try "Twin\n\nBody.\n".write(toFile: folder + "/003_50278eebba9f24ec.md", atomically: true, encoding: .utf8)
        let again = try CorpusCache.load(folder: folder, cacheFolder: cache)
        #expect(again.corpus.articles.contains { $0.id == "003_50278eebba9f24ec.txt" })
        #expect(again.corpus.articles.contains { $0.id == "003_50278eebba9f24ec.md" })
        #expect(ExportDocument(again.corpus).json() == ExportDocument(try Corpus.load(folder: folder)).json())
    }

    @Test func anUnchangedStampMeansTheFileIsNotReadAgain() throws {
        let cache = Paths.temporaryFolder().path, folder = try corpusCopy()
        _ = try CorpusCache.load(folder: folder, cacheFolder: cache)
        let kept = folder + "/001_1a5c39e75b87a5a9.txt"
        var before = stat()
        #expect(stat(kept, &before) == 0)
        // same size and modification time (to the nanosecond), other bytes: the snapshot's version stays
        try Data(repeating: UInt8(ascii: "x"), count: Int(before.st_size)).write(to: URL(fileURLWithPath: kept))
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, kept, &times, 0) == 0)
        try "Changed\n\nBody.\n".write(toFile: folder + "/004_55a2b388bbf5f81d.txt", atomically: true, encoding: .utf8)
        let again = try CorpusCache.load(folder: folder, cacheFolder: cache)
        #expect(!again.fromCache)
        #expect(again.corpus.articles.first { $0.id == "001_1a5c39e75b87a5a9" }?.text.hasPrefix("xxx") == false)
        #expect(again.corpus.articles.contains { $0.title == "Changed" })
    }

    /// Sets a file's modification time `seconds` later than it is, its bytes untouched.
    func touch(_ path: String, by seconds: Int = 3600) {
        var st = stat()
        #expect(stat(path, &st) == 0)
        var times = [st.st_atim, st.st_mtim]
        times[1].tv_sec += seconds
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
    }

    @Test func filesTouchedButNotChangedAreNotAnalysedAgain() throws {
        let cache = Paths.temporaryFolder().path, folder = try corpusCopy()
        let first = try CorpusCache.load(folder: folder, cacheFolder: cache)
        for name in ["001_1a5c39e75b87a5a9.txt", "003_50278eebba9f24ec.txt"] { touch(folder + "/" + name) }
        // the stamps say stale; the bytes say the same
        let stale = try #require(CorpusCache.cached(folder: folder, cacheFolder: cache).stale)
        let reloaded = try stale.reload(folder: folder)
        #expect(reloaded.reusedIds.count == 5)
        let again = try CorpusCache.load(folder: folder, cacheFolder: cache)
        #expect(again.fromCache)
        #expect(ExportDocument(again.corpus).json() == ExportDocument(first.corpus).json())
        #expect(again.corpus.mentions == first.corpus.mentions)
        // written again with the new times: current from here on
        #expect(CorpusCache.cached(folder: folder, cacheFolder: cache).corpus != nil)
    }

    @Test func newBytesOfTheSameSizeAreAnalysedAgain() throws {
        let cache = Paths.temporaryFolder().path, folder = try corpusCopy()
        _ = try CorpusCache.load(folder: folder, cacheFolder: cache)
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasPrefix("002_") })
        let file = folder + "/" + name
        var bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        // one letter of the title changed, in place
        let at = try #require(bytes.firstIndex { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "y") })
        bytes[at] += 1
        try bytes.write(to: URL(fileURLWithPath: file))
        touch(file)
        let again = try CorpusCache.load(folder: folder, cacheFolder: cache)
        #expect(!again.fromCache)
        let scratch = try Corpus.load(folder: folder)
        #expect(ExportDocument(again.corpus).json() == ExportDocument(scratch).json())
        // a touched file beside a changed one is taken over; the changed one is read again
        touch(folder + "/001_1a5c39e75b87a5a9.txt")
        try "Changed\n\nBody.\n".write(toFile: folder + "/004_55a2b388bbf5f81d.txt", atomically: true, encoding: .utf8)
        let stale = try #require(CorpusCache.cached(folder: folder, cacheFolder: cache).stale)
        let reloaded = try stale.reload(folder: folder)
        #expect(reloaded.reusedIds.contains("001_1a5c39e75b87a5a9"))
        #expect(!reloaded.reusedIds.contains("004_55a2b388bbf5f81d"))
        let third = try CorpusCache.load(folder: folder, cacheFolder: cache)
        #expect(!third.fromCache)
        #expect(ExportDocument(third.corpus).json() == ExportDocument(try Corpus.load(folder: folder)).json())
    }

    @Test func searchFiltersOfUnchangedArticlesComeFromTheSnapshot() throws {
        let cache = Paths.temporaryFolder().path, folder = try corpusCopy()
        _ = try CorpusCache.load(folder: folder, cacheFolder: cache)
        try changeOneAddOneRemoveOne(folder)
        let lookup = CorpusCache.cached(folder: folder, cacheFolder: cache)
        let loaded = try lookup.load(folder: folder)
        #expect(loaded.reusedIds.count == 3)
        let lent = try #require(lookup.searchFilters(for: loaded))
        #expect(lent.words == TextFilterTable(articles: loaded.articles).words)
        var partial = Corpus(articles: loaded.articles, analyze: false)
        partial.buildSearchFilters(given: lent)
        #expect(partial.searchFilters?.words == lent.words)
        // none to lend without a snapshot
        #expect(CorpusCache.Lookup().searchFilters(for: loaded) == nil)
        // the next snapshot copies the lent ones and makes the rest: as if all were made anew
        let again = try CorpusCache.load(folder: folder, cacheFolder: cache)
        #expect(!again.fromCache)
        #expect(again.corpus.searchFilters == nil)
        let reopened = try #require(CorpusCache.cached(folder: folder, cacheFolder: cache, searchFilters: true).corpus)
        #expect(reopened.searchFilters?.words == TextFilterTable(articles: reopened.articles).words)
        // and so does a snapshot stored again after files were only touched
        touch(folder + "/001_1a5c39e75b87a5a9.txt")
        #expect(try CorpusCache.load(folder: folder, cacheFolder: cache).fromCache)
        let touched = try #require(CorpusCache.cached(folder: folder, cacheFolder: cache, searchFilters: true).corpus)
        #expect(touched.searchFilters?.words == TextFilterTable(articles: touched.articles).words)
    }

    @Test func aReloadKeepsTheListingsWarningsOnce() throws {
        let cache = Paths.temporaryFolder().path, folder = try corpusCopy()
        #expect(mkfifo(folder + "/pipe.txt", 0o644) == 0)
        let warned: (Corpus) -> Int = { corpus in corpus.warnings.filter { $0.file == "pipe.txt" }.count }
        let first = try CorpusCache.load(folder: folder, cacheFolder: cache)
        #expect(warned(first.corpus) == 1)
        try "Changed\n\nBody.\n".write(toFile: folder + "/004_55a2b388bbf5f81d.txt", atomically: true, encoding: .utf8)
        let stale = try #require(CorpusCache.cached(folder: folder, cacheFolder: cache).stale)
        #expect(try stale.reload(folder: folder).warnings.filter { $0.file == "pipe.txt" }.count == 1)
        let again = try CorpusCache.load(folder: folder, cacheFolder: cache)
        #expect(!again.fromCache)
        #expect(warned(again.corpus) == 1)
        #expect(ExportDocument(again.corpus).json() == ExportDocument(try Corpus.load(folder: folder)).json())
    }

    @Test func aDigestTellsOneChangedByte() {
        let text = Data("The council met on Monday and said “no” to the plan.".utf8)
        var other = text
        other[7] ^= 1
        #expect(ContentDigest.of(text) != ContentDigest.of(other))
        #expect(ContentDigest.of(text) == ContentDigest.of(Data(text)))
        #expect(ContentDigest.of(Data()) != 0)
        #expect(ContentDigest.of(text + Data([0])) != ContentDigest.of(text))
    }

    @Test func aChangedMetadataFileReadsEveryFileAgain() throws {
        let cache = Paths.temporaryFolder().path, folder = try corpusCopy()
        _ = try CorpusCache.load(folder: folder, cacheFolder: cache)
        let csv = folder + "/metadata.csv"
        try (try String(contentsOfFile: csv, encoding: .utf8) + "\n").write(toFile: csv, atomically: true, encoding: .utf8)
        let stale = try #require(CorpusCache.cached(folder: folder, cacheFolder: cache).stale)
        #expect(try stale.reload(folder: folder).reusedIds.isEmpty)
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

    @Test func everyTruncationIsRejectedAndNoDamageCrashes() throws {
        let folder = try corpusCopy()
        let loaded = try CorpusLoader.load(folder: folder)
        let data = CorpusCache.encode(Corpus(articles: loaded.articles, warnings: loaded.warnings), loaded: loaded).data
        for cut in stride(from: 0, to: data.count, by: max(1, data.count / 97)) {
            #expect(throws: BinaryReader.Corrupt.self) { _ = try CorpusCache.decode(data.prefix(cut)) }
        }
        // a flipped byte anywhere is caught (by the checksum past the header's first bytes)
        for position in stride(from: 0, to: data.count, by: max(1, data.count / 89)) {
            var damaged = data
            damaged[position] ^= 0x5A
            #expect((try? CorpusCache.decode(damaged)) == nil, "byte \(position)")
        }
    }

    @Test func quoteWordsShareTheirArticleTextBeforeAndAfterTheSnapshot() throws {
        let folder = try corpusCopy()
        let loaded = try CorpusLoader.load(folder: folder)
        let corpus = Corpus(articles: loaded.articles, warnings: loaded.warnings)
        let back = try #require(try CorpusCache.decode(CorpusCache.encode(corpus, loaded: loaded).data, isCurrent: { _ in true })?.snapshot.corpus)
        for c in [corpus, back] {
            #expect(c.quotes.count >= 30)   // 35 on the seeds
            for q in c.quotes {
                let text = try #require(c.article(id: q.article)?.text)
                // a view of the article's own string, not a copy of its words
                #expect(q.text.base.utf8.count == text.utf8.count)
                #expect(q.text.utf8Range(in: text) != nil, "\(q.id)")
            }
        }
        #expect(back.quotes == corpus.quotes)
        #expect(back.quotes.map(\.id) == corpus.quotes.map(\.id))
    }

    @Test func actorsArticlePlacesComeBackWithTheSnapshotAndGoWhenTheActorsChange() throws {
        let folder = try corpusCopy()
        let loaded = try CorpusLoader.load(folder: folder)
        let corpus = Corpus(articles: loaded.articles, warnings: loaded.warnings)
        #expect(corpus.actorArticleIndices == nil)
        var back = try #require(try CorpusCache.decode(CorpusCache.encode(corpus, loaded: loaded).data, isCurrent: { _ in true })?.snapshot.corpus)
        let places = try #require(back.actorArticleIndices)
        #expect(places.count == back.actors.count)
        for (actor, list) in zip(back.actors, places) {
            #expect(list == actor.articles.compactMap { back.articleIndex(of: $0) }.sorted(), "\(actor.name)")
            #expect(!list.isEmpty)
        }
        back.actors.removeLast()
        #expect(back.actorArticleIndices == nil)
    }

    @Test func quotesTheSnapshotCannotPointAtAreWrittenOut() throws {
        let folder = try corpusCopy()
        let loaded = try CorpusLoader.load(folder: folder)
        var corpus = Corpus(articles: loaded.articles, warnings: loaded.warnings)
        // words that are not in the article, a speaker name that is not the actor's, an
        // article id the corpus does not have
        corpus.quotes[0].text = "words from elsewhere ✓"
        corpus.quotes[1].speakerName = "Someone Else"
        corpus.quotes[2].article = "no-such-article"
        corpus.quotes[2].speaker = nil
        let back = try #require(try CorpusCache.decode(CorpusCache.encode(corpus, loaded: loaded).data, isCurrent: { _ in true })?.snapshot.corpus)
        #expect(back.quotes == corpus.quotes)
        #expect(back.quotes[0].text == "words from elsewhere ✓")
        #expect(back.quotes[1].speakerName == "Someone Else")
        #expect(back.quotes[2].id.hasPrefix("no-such-article#"))
    }

    @Test func datesComeBackAsStoredEvenOutsideTheParsersRange() throws {
        let folder = try corpusCopy()
        let loaded = try CorpusLoader.load(folder: folder)
        var corpus = Corpus(articles: loaded.articles, warnings: loaded.warnings)
        var odd = try #require(PartialDate(year: 2019, month: 6))
        odd.year = 50
        corpus.articles[0].date = odd
        corpus.articles[1].date = nil
        let back = try #require(try CorpusCache.decode(CorpusCache.encode(corpus, loaded: loaded).data, isCurrent: { _ in true })?.snapshot.corpus)
        #expect(back.articles.map(\.date) == corpus.articles.map(\.date))
    }

    @Test func aStreamedSnapshotIsByteForByteTheOneBuiltInMemory() throws {
        let folder = try corpusCopy(), cache = Paths.temporaryFolder().path
        let loaded = try CorpusLoader.load(folder: folder)
        let corpus = Corpus(articles: loaded.articles, warnings: loaded.warnings)
        CorpusCache.store(corpus, loaded: loaded, folder: folder, cacheFolder: cache)
        let files = try FileManager.default.contentsOfDirectory(atPath: cache)
        #expect(files.count == 1 && files[0].hasSuffix(".snapshot"))
        let streamed = try Data(contentsOf: URL(fileURLWithPath: cache + "/" + files[0]))
        #expect(streamed == CorpusCache.encode(corpus, loaded: loaded).data)
    }

    @Test func aStreamedChecksumOverSeveralPiecesIsTheWholeOne() throws {
        // 40 MB: three checksum pieces, several flushes, and pieces that do not start at a flush
        func fill(_ w: inout BinaryWriter) {
            w.string("HEAD")
            let slot = w.checksumSlot()
            for k in 0..<40 {
                var block = BinaryWriter()
                block.string(String(repeating: Character(UnicodeScalar(UInt8(97 + k % 26))), count: 1_000_003))
                w.append(block)
            }
            w.sealChecksum(slot)
        }
        let path = Paths.temporaryFolder().appendingPathComponent("big").path
        var streamed = BinaryWriter(spillingTo: try #require(BinarySpill(path: path)))
        fill(&streamed)
        let finished = streamed.finish()
        #expect(finished)
        var whole = BinaryWriter()
        fill(&whole)
        let written = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(written.count == whole.data.count)
        #expect(written == whole.data)
        // and the reader accepts it
        try written.withUnsafeBytes { bytes in
            var r = BinaryReader(bytes)
            let head = try r.string()
            #expect(head == "HEAD")
            try r.verifyChecksum()
        }
    }

    @Test func aStreamingWriterHoldsAtMostAMegabyteOfItemsWrittenOneByOne() throws {
        // 3 MB of small items, as a snapshot's header lists 100k files
        let path = Paths.temporaryFolder().appendingPathComponent("items").path
        var streamed = BinaryWriter(spillingTo: try #require(BinarySpill(path: path)))
        var most = 0
        for k in 0..<60_000 {
            streamed.string("folder/file-\(k).txt, forty-odd bytes of path and stamp")
            streamed.flushWhenFull()
            most = max(most, streamed.heldBytes)
        }
        let finished = streamed.finish()
        #expect(finished)
        #expect(most < (1 << 20) + 64)
        var whole = BinaryWriter()
        for k in 0..<60_000 {
            whole.string("folder/file-\(k).txt, forty-odd bytes of path and stamp")
            whole.flushWhenFull()
        }
        // one held in memory keeps everything; both wrote the same bytes
        #expect(whole.heldBytes > 3_000_000)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == whole.data)
    }

    @Test func aPieceSumFedInPartsIsTheSumOfTheWhole() {
        var rng = SplitMix(seed: 11)
        let bytes = (0..<1000).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        let whole = bytes.withUnsafeBytes { Checksum.ofPiece($0) }
        for _ in 0..<200 {
            var sum = PieceSum(), at = 0
            while at < bytes.count {
                let n = min(Int(rng.next() % 77), bytes.count - at)
                bytes[at..<(at + n)].withUnsafeBytes { sum.feed($0) }
                at += n
            }
            #expect(sum.value() == whole)
        }
        // every byte counts, wherever it falls among the words mixed side by side
        for at in [0, 7, 8, 31, 32, 500, 991, 999] {
            var changed = bytes
            changed[at] ^= 0x10
            #expect(changed.withUnsafeBytes { Checksum.ofPiece($0) } != whole, "\(at)")
        }
        // so does the order of the words
        var swapped = bytes
        for k in 0..<8 { swapped.swapAt(k, 8 + k) }
        #expect(swapped.withUnsafeBytes { Checksum.ofPiece($0) } != whole)
        // the length counts: trailing zero bytes change the sum
        #expect(([0, 0, 0] as [UInt8]).withUnsafeBytes { Checksum.ofPiece($0) }
                != ([0, 0] as [UInt8]).withUnsafeBytes { Checksum.ofPiece($0) })
    }

    @Test func nameCandidatesKeptAsBytesComeBackAsTheyWere() throws {
        let c = try Corpus.load(folder: Paths.seeds)
        for article in c.articles {
            let scalars = Array(article.text.unicodeScalars)
            let found = NameFinder.find(in: scalars, tokens: Tokenizer.tokenize(scalars))
            let encoded = EncodedNames(found)
            let back = try #require(encoded.decoded())
            #expect(back.persons.map(\.name) == found.persons.map(\.name))
            #expect(back.persons.map(\.start) == found.persons.map(\.start))
            #expect(back.organizations.map(\.name) == found.organizations.map(\.name))
            #expect(EncodedNames(back).bytes == encoded.bytes)
            // cut short, the bytes are refused (and the article is searched again)
            if encoded.bytes.count > 1 { #expect(EncodedNames(bytes: Array(encoded.bytes.dropLast())).decoded() == nil) }
        }
    }

    @Test func newRulesRebuild() throws {
        let folder = try corpusCopy()
        let loaded = try CorpusLoader.load(folder: folder)
        var data = CorpusCache.encode(Corpus(articles: loaded.articles, warnings: loaded.warnings), loaded: loaded).data
        #expect(try CorpusCache.decode(data)?.snapshot.analysis?.sections.names?.total == 5)
        // the rules version follows the magic string (length byte + 13 bytes)
        data[14] = UInt8(truncatingIfNeeded: (CorpusCache.rulesVersion - 1) << 1)
        #expect(try CorpusCache.decode(data) == nil)
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

    @Test func blocksComeBackInOrderAndABadItemFailsTheWholeList() throws {
        let items = (0..<5000).map { "item \($0) ✓" }
        var w = BinaryWriter()
        w.blocks(items, size: 64) { w, s in w.string(s) }
        let data = w.data
        let back = try data.withUnsafeBytes { bytes in
            var r = BinaryReader(bytes)
            return try r.blocks { r in try r.string() }
        }
        #expect(back == items)
        // the reader wants one more item per block than was written: every block fails part
        // way, and what was read is given back (no leak, no crash)
        #expect(throws: BinaryReader.Corrupt.self) {
            _ = try data.withUnsafeBytes { bytes in
                var r = BinaryReader(bytes)
                return try r.blocks { r in try r.string() + (try r.string()) }
            }
        }
    }

    @Test func aBlockWrittenIntoABufferThatHeldALongerOneCarriesNothingOfIt() throws {
        // Each wave's blocks are written into the buffers the wave before used. Items that
        // shrink from block to block leave a longer block in every buffer before a shorter
        // one: a buffer not emptied would put the old bytes after the new.
        let items = (0..<3000).map { i in String(repeating: "ü", count: max(1, 3000 - i)) + " \(i)" }
        var inMemory = BinaryWriter()
        inMemory.blocks(items, size: 16) { w, s in w.string(s) }
        let back = try inMemory.data.withUnsafeBytes { bytes in
            var r = BinaryReader(bytes)
            return try r.blocks { r in try r.string() }
        }
        #expect(back == items)
        // and the same bytes streamed to a file
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("blocks-\(UUID().uuidString)").path
        defer { unlink(path) }
        let spill = try #require(BinarySpill(path: path))
        var streamed = BinaryWriter(spillingTo: spill)
        streamed.blocks(items, size: 16) { w, s in w.string(s) }
        let finished = streamed.finish()
        #expect(finished)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == inMemory.data)
    }
}

/// The snapshot of `corpus` read back as stale (as if every file had changed since): its
/// analysis left in its bytes.
func storedAnalysis(_ corpus: Corpus, loaded: CorpusLoader.Result) throws -> StoredAnalysis {
    let snapshot = try #require(try CorpusCache.decode(CorpusCache.encode(corpus, loaded: loaded).data)?.snapshot)
    #expect(snapshot.corpus.quotes.isEmpty && snapshot.corpus.actors.isEmpty)
    return try #require(snapshot.analysis)
}
