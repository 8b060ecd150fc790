import Testing
@testable import DossierUI

@Suite struct IdleWorkTests {
    @Test func theWorkStartsOnceAModelHasBeenQuietLongEnoughAndOncePerModel() {
        var idle = IdleWork<ObjectIdentifier>(quietTurns: 3)
        let first = Fixture.model
        var started: [Bool] = []
        // quiet, quiet, a key (the quiet starts over), then three quiet turns in a row, and one more
        for quiet in [true, true, false, true, true, true, true] { started.append(idle.turn(quiet: quiet, model: first)) }
        #expect(started == [false, false, false, false, false, true, false])
        // a new model (the analysed one after the first) gets its turn, once
        let second = BrowserModel(corpus: first.corpus, name: "again")
        let again = [idle.turn(quiet: true, model: second), idle.turn(quiet: true, model: second)]
        #expect(again == [true, false])
    }

    @Test func preparedOrdersAreTheOnesASortShows() {
        let model = BrowserModel(corpus: Fixture.model.corpus, name: "prepared")
        model.prepareSortOrders()
        let state = AppState(model: model, size: Size(width: 120, height: 40)).keys("oo")
        #expect(state.sort == .title)
        let titles = state.articles.items.map { model.corpus.articles[$0].title.lowercased() }
        #expect(titles == titles.sorted())
    }

    @Test func eachPlaceGetsItsTurnOnceInARow() {
        var idle = IdleWork<ReaderPlace?>(quietTurns: 2)
        let a = ReaderPlace(model: ObjectIdentifier(Fixture.model), article: 1, width: 60)
        let b = ReaderPlace(model: ObjectIdentifier(Fixture.model), article: 2, width: 60)
        let turns = [a, a, a, b, b, b].map { idle.turn(quiet: true, key: $0) }
        #expect(turns == [false, true, false, true, false, false])
        // a key resets the quiet spell
        #expect(idle.turn(quiet: false, key: a) == false)
        #expect(idle.turn(quiet: true, key: a) == false)
        #expect(idle.turn(quiet: true, key: a) == true)
    }
}
