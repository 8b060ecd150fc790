import DossierModel
import DossierUI
import Foundation
import Testing
@testable import dossier

/// The browser's loading thread, as it posts to the input loop: the articles first, then (after
/// the analysis) the complete model, whether the corpus is new or changed since its snapshot.
@Suite struct BackgroundLoadTests {
    /// The events posted until the complete model (or a failure), in order; at most a minute.
    func events(folder: String, cacheFolder: String?) throws -> [Event] {
        let inbox = Inbox()
        BackgroundLoad.start(folder: folder, name: "seeds", source: nil, actor: nil, cacheFolder: cacheFolder, inbox: inbox)
        var events: [Event] = []
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, inbox.failure == nil {
            events += inbox.drain()
            if events.contains(where: { if case .loaded(_, true) = $0 { true } else { false } }) { break }
            Thread.sleep(forTimeInterval: 0.01)
        }
        #expect(inbox.failure == nil)
        return events
    }

    func models(_ events: [Event]) -> [(model: BrowserModel, complete: Bool)] {
        events.compactMap { if case .loaded(let model, let complete) = $0 { (model, complete) } else { nil } }
    }

    func progress(_ events: [Event]) -> [String] {
        events.compactMap { if case .progress(let text) = $0 { text } else { nil } }
    }

    /// The models posted: first `articles` articles alone, last the complete analysis, which
    /// exports as `scratch` (a fresh analysis of the folder) does.
    func expectArticlesThenAnalysis(_ posted: [Event], articles: Int, as scratch: Corpus) throws {
        let loaded = models(posted)
        let first = try #require(loaded.first)
        #expect(!first.complete)
        #expect(first.model.corpus.articles.count == articles)
        #expect(first.model.corpus.actors.isEmpty && first.model.corpus.quotes.isEmpty)
        let last = try #require(loaded.last)
        #expect(last.complete)
        #expect(ExportDocument(last.model.corpus).json() == ExportDocument(scratch).json())
    }

    func seedsCopy() throws -> String {
        let folder = NSTemporaryDirectory() + "dossier-load-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: Run.seeds, toPath: folder)
        return folder
    }

    @Test func withoutACacheTheArticlesComeFirstThenTheWholeAnalysis() throws {
        let folder = try seedsCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let posted = try events(folder: folder, cacheFolder: nil)
        try expectArticlesThenAnalysis(posted, articles: 5, as: try Corpus.load(folder: folder))
        #expect(progress(posted).contains("analysing actors and quotes in 5 articles…"))
    }

    /// After an article is added, the snapshot's analysis is not shown: the articles come first,
    /// as on a first open, and the complete model is the one a fresh analysis makes.
    @Test func afterAChangeTheArticlesComeFirstAndTheAnalysisIsAsFromScratch() throws {
        let folder = try seedsCopy(), cache = NSTemporaryDirectory() + "dossier-load-cache-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder); try? FileManager.default.removeItem(atPath: cache) }
        _ = try CorpusCache.load(folder: folder, cacheFolder: cache)
        try "Added Report\n\n“Nothing is settled,” Minister Lena Berg said on Friday.\n"
            .write(toFile: folder + "/009_added.txt", atomically: true, encoding: .utf8)
        let posted = try events(folder: folder, cacheFolder: cache)
        let scratch = try Corpus.load(folder: folder)
        try expectArticlesThenAnalysis(posted, articles: 6, as: scratch)
        #expect(progress(posted).contains("analysing the changes to 6 articles…"))
        #expect(models(posted).last?.model.corpus.actors.contains { $0.name == "Lena Berg" } == true)
        // the new snapshot is stored, and current: the next open takes the analysis whole
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, CorpusCache.cached(folder: folder, cacheFolder: cache).corpus == nil {
            Thread.sleep(forTimeInterval: 0.05)
        }
        let reopened = try #require(CorpusCache.cached(folder: folder, cacheFolder: cache).corpus)
        #expect(ExportDocument(reopened).json() == ExportDocument(scratch).json())
    }
}
