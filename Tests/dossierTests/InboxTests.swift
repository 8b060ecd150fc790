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
}
