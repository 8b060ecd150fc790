import Foundation
import Testing
import DossierModel
import DossierUI
@testable import dossier

/// A stage of the analysis made late is never shown after the complete model.
@Suite struct InboxTests {
    @Test func aStagePostedAfterTheCompleteModelIsDropped() {
        let model = BrowserModel(corpus: Corpus(articles: [], analyze: false), name: "empty")
        let inbox = Inbox()
        inbox.postStage([.loaded(model, complete: false), .progress("analysing quotes")])
        #expect(inbox.drain().count == 2)
        inbox.post(.loaded(model, complete: true))
        inbox.postStage([.loaded(model, complete: false), .progress("analysing quotes")])
        let events = inbox.drain()
        #expect(events.count == 1)
        if case .loaded(_, let complete)? = events.first { #expect(complete) } else { Issue.record("no complete model") }
    }

    /// `--actor` is picked when the model has the actor, and a model without it says so.
    @Test func anActorIsPickedByNameAndAMissingOneIsReported() throws {
        let model = BrowserModel(corpus: try Corpus.load(folder: Run.seeds), name: "seeds")
        let inbox = Inbox()
        let name = try #require(model.corpus.actors.first { $0.kind == .person }?.name)
        let picked = BackgroundLoad.withFilters(model, source: nil, actor: name, inbox: inbox)
        #expect(picked.requestedFilters == [.actor(try #require(model.corpus.actorIndex(matching: name)))])
        #expect(inbox.filterError == nil)
        let missing = BackgroundLoad.withFilters(model, source: nil, actor: "Nobody Atall", inbox: inbox)
        #expect(missing.requestedFilters.isEmpty)
        #expect(inbox.filterError == "no actor matches 'Nobody Atall'")
    }
}
