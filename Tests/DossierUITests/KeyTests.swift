import Testing
import DossierModel
@testable import DossierUI

@Suite struct Keys {
    let start = Fixture.state()
    var corpus: Corpus { Fixture.model.corpus }
    func title(_ s: AppState) -> String? { s.readerArticle.map { corpus.articles[$0].title } }

    @Test func tabAndNumbersMoveFocus() {
        #expect(start.focus == .articles)
        #expect(start.key(.tab).focus == .reader)
        #expect(start.key(.tab, times: 4).focus == .articles)
        #expect(start.key(.backTab).focus == .quotes)
        #expect(start.keys("3").focus == .actors)
        #expect(start.keys("4").focus == .quotes)
        #expect(start.keys("42").focus == .reader)
        #expect(start.keys("1").focus == .articles)
    }

    @Test func jkAndArrowsMoveTheArticleSelectionAndTheReaderFollows() {
        #expect(title(start) == "Iranian Officials Rebuff Trump Meeting Offer")
        let down = start.keys("j")
        #expect(down.articles.selected == 1)
        #expect(title(down) == "Is Khamenei Ruling out Dialogue with Trump?")
        #expect(start.key(.down).articles.selected == 1)
        #expect(down.keys("k").articles.selected == 0)
        #expect(down.key(.up).articles.selected == 0)
        #expect(start.keys("k").articles.selected == 0) // stays at the top
    }

    @Test func gGHomeEndGoToTheEnds() {
        #expect(start.keys("G").articles.selected == 4)
        #expect(start.key(.end).articles.selected == 4)
        #expect(start.keys("Gg").articles.selected == 0)
        #expect(start.keys("G").key(.home).articles.selected == 0)
        let actors = start.keys("3G")
        #expect(actors.actors.selected == actors.actors.count - 1)
    }

    @Test func pagesMoveByAScreen() {
        let reader = start.keys("2")
        let paged = reader.key(.pageDown)
        #expect(paged.readerTop > 0)
        #expect(reader.keys(" ").readerTop == paged.readerTop)
        #expect(paged.key(.pageUp).readerTop == 0)
        let actors = start.keys("3").key(.pageDown)
        #expect(actors.actors.selected > 1)
    }

    @Test func theReaderScrollsWithJK() {
        let reader = start.keys("2jjj")
        #expect(reader.readerTop == 3)
        #expect(reader.keys("k").readerTop == 2)
        #expect(reader.keys("G").readerTop > 3)
    }

    @Test func movingOntoAnActorShowsTheirQuotes() throws {
        let s = start.keys("3jj")
        let actor = try #require(s.actors.selectedItem)
        #expect(corpus.actors[actor].name == "Ali Khamenei")
        #expect(s.quotesOfActor == actor)
        #expect(!s.quotes.isEmpty)
        #expect(s.quotes.items.allSatisfy { corpus.quotes[$0].speaker == actor })
        #expect(s.screen.text.contains("Quotes: Ali Khamenei"))
    }

    @Test func enterOpensArticlesActorsAndQuotes() throws {
        let opened = start.keys("jj").key(.enter)
        #expect(opened.focus == .reader)
        #expect(title(opened) == "Ayatollah Khamenei: No direct talks with Trump")
        let actor = start.keys("3jj").key(.enter)
        #expect(actor.focus == .quotes)
        let jumped = actor.keys("j").key(.enter)
        let q = try #require(jumped.markedQuote)
        #expect(jumped.focus == .reader)
        #expect(jumped.readerArticle == Fixture.model.articleIndex(of: corpus.quotes[q].article))
        // the marked quote is on screen
        let text = ReaderText(article: corpus.articles[jumped.readerArticle!], width: jumped.layout.contentWidth(.reader))
        let line = try #require(text.line(containing: corpus.quotes[q].start))
        #expect(line >= jumped.readerTop && line < jumped.readerTop + jumped.layout.rows(.reader))
    }

    @Test func bracketsJumpBetweenQuotesOfTheArticle() throws {
        let first = start.keys("2]")
        let q1 = try #require(first.markedQuote)
        let second = first.keys("]")
        let q2 = try #require(second.markedQuote)
        #expect(corpus.quotes[q2].start > corpus.quotes[q1].start)
        #expect(second.keys("[").markedQuote == q1)
    }

    @Test func searchIsIncrementalAndEnterKeepsIt() {
        let typing = start.keys("/tox")
        #expect(typing.typingSearch == .articles)
        #expect(title(typing) == "Toxic negotiations and a dead-end for Iran’s regime")
        let kept = typing.key(.enter)
        #expect(kept.typingSearch == nil)
        #expect(kept.filters == [.search(.articles, "tox")])
        #expect(kept.searchQuery(.articles) == "tox")
        let cancelled = start.keys("/tox").key(.escape)
        #expect(cancelled.filters.isEmpty)
        #expect(start.keys("/toxx").key(.backspace).searchDraft == "tox")
    }

    @Test func nAndNGoToTheNextAndPreviousMatch() {
        let s = start.keys("/khamenei").key(.enter)
        let first = s.articles.selected
        let next = s.keys("n").articles.selected
        #expect(next != first)
        #expect(s.keys("n").keys("N").articles.selected == first)
        let actors = start.keys("3/zarif").key(.enter)
        #expect(corpus.actors[actors.actors.selectedItem!].name == "Mohammad Javad Zarif")
    }

    @Test func searchInTheReaderScrollsToTheMatch() {
        let s = start.keys("2/Goudarzi").key(.enter)
        #expect(s.readerTop > 0)
        #expect(s.screen.text.contains("Goudarzi"))
    }

    @Test func theSourcePickerTicksSeveralAndApplies() {
        let picker = start.keys("s")
        #expect(picker.picker != nil)
        #expect(picker.screen.text.contains("[ ] American Thinker"))
        let ticked = picker.keys(" j ")
        #expect(ticked.pickerTicked.count == 2)
        #expect(ticked.screen.text.contains("[x]"))
        let applied = ticked.key(.enter)
        #expect(applied.picker == nil)
        #expect(applied.articles.count == 2)
        #expect(applied.filters.count == 1)
        #expect(applied.key(.escape).articles.count == 5)
    }

    @Test func aFiltersToTheActorAndEscRemovesIt() throws {
        let s = start.keys("3jj").keys("a")
        let actor = try #require(s.actorFilter)
        #expect(corpus.actors[actor].name == "Ali Khamenei")
        #expect(s.articles.count == 4)
        #expect(s.actors.count == 1)
        #expect(s.quotes.items.allSatisfy { corpus.quotes[$0].speaker == actor })
        let back = s.key(.escape)
        #expect(back.actorFilter == nil)
        #expect(back.articles.count == 5)
        let fromQuote = start.keys("4a")
        #expect(fromQuote.actorFilter == corpus.quotes[start.quotes.selectedItem!].speaker)
    }

    @Test func yCopiesTheQuoteAsACitation() {
        let s = start.keys("4y")
        guard case .copy(let text)? = s.effects.first else { Issue.record("no copy effect"); return }
        #expect(text == "“Today, negotiations with the U.S. bring humiliation,” — Ali Motahari, The Wall Street Journal, 2018-07-31")
        #expect(s.status?.hasPrefix("copied: “Today") == true)
        #expect(Citation.osc52("hi") == "\u{1B}]52;c;aGk=\u{07}")
    }

    @Test func qQuitsButClosesHelpAndPickerFirst() {
        #expect(start.keys("q").quitting)
        #expect(start.keys("q").effects == [.quit])
        let help = start.keys("?")
        #expect(help.helpVisible)
        #expect(help.screen.text.contains("Keys (? or q closes)"))
        #expect(!help.keys("q").quitting)
        #expect(!help.keys("q").helpVisible)
        let picker = start.keys("s")
        #expect(!picker.keys("q").quitting)
        #expect(picker.keys("q").picker == nil)
    }

    @Test func oCyclesTheSort() {
        let bySource = start.keys("o")
        #expect(bySource.sort == .source)
        #expect(bySource.articles.items.map { corpus.articles[$0].source ?? "~" } == ["American Thinker", "Geopolitical Daily", "PMOI/MEK", "The Wall Street Journal", "~"])
        let byTitle = bySource.keys("o")
        #expect(byTitle.sort == .title)
        let titles = byTitle.articles.items.map { corpus.articles[$0].title.lowercased() }
        #expect(titles == titles.sorted() && titles.count == 5)
        // a filtered list keeps the order: the articles of one actor, by title
        let filtered = byTitle.keys("3j").keys("a")
        let kept = filtered.articles.items.map { corpus.articles[$0].title.lowercased() }
        #expect(kept == kept.sorted() && kept.count > 1 && kept.count < 5)
        #expect(byTitle.keys("o").sort == .date)
    }

    @Test func aClickFocusesAndSelectsAndTheWheelScrolls() {
        let layout = start.layout
        let actorsRect = layout.panes[.actors]!
        let clicked = update(start, .mouse(Mouse(x: actorsRect.x + 3, y: actorsRect.y + 3, action: .click)))
        #expect(clicked.focus == .actors)
        #expect(clicked.actors.selected == 2)
        let reader = layout.panes[.reader]!
        let wheeled = update(start, .mouse(Mouse(x: reader.x + 5, y: reader.y + 5, action: .wheelDown)))
        #expect(wheeled.readerTop == 3)
    }

    @Test func resizingKeepsTheSelectionAndTheReadingPlace() {
        let s = start.keys("jj").keys("2jjjjj")
        let resized = update(s, .resize(Size(width: 80, height: 24)))
        #expect(resized.articles.selected == 2)
        #expect(resized.readerArticle == s.readerArticle)
        #expect(resized.layout.mode == .rightTabs)
        // the same words are at the top of the reader, rewrapped
        let before = s.readerText!.lines[s.readerTop...].first { $0.kind == .body }!.start
        let after = resized.readerText!.lines[resized.readerTop]
        #expect(after.start <= before && before <= after.end)
    }
}

@Suite struct SearchFilter {
    @Test func searchFindsMatchesThroughTheFilter() {
        let s = Fixture.state().keys("/Goudarzi").key(.enter)
        #expect(Fixture.model.corpus.articles[s.articles.selectedItem!].title == "Iranian Officials Rebuff Trump Meeting Offer")
        let none = Fixture.state().keys("j/zzqxw")
        #expect(none.articles.selected == 1)                        // no match: the selection stays
        #expect(none.status == "/zzqxw: no match")
        // a straight apostrophe finds the curly one the outlet printed, in any case
        let typed = Fixture.state().keys("/IRAN'S REGIME").key(.enter)
        #expect(Fixture.model.corpus.articles[typed.articles.selectedItem!].title == "Toxic negotiations and a dead-end for Iran’s regime")
    }
}

@Suite struct SearchMisses {
    @Test func aMissIsRememberedAndRulesOutLongerQueriesHoldingIt() {
        let missed = Fixture.state().keys("/zzq")
        #expect(missed.status == "/zzq: no match")
        // "zz" already matched nothing, so "zzq" was ruled out by it, not searched
        #expect(missed.searchMiss == SearchMiss(pane: .articles, query: "zz", listed: missed.articles.count))
        let miss = SearchMiss(pane: .articles, query: "ZZq", listed: 5)
        #expect(miss.rulesOut("zzqx", in: .articles, listed: 5))
        #expect(miss.rulesOut("a ZZQ b", in: .articles, listed: 5))
        #expect(!miss.rulesOut("zz", in: .articles, listed: 5))        // shorter: searched again
        #expect(miss.rulesOut("zzqé", in: .articles, listed: 5))       // any letters after it
        #expect(!miss.rulesOut("zz’q", in: .articles, listed: 5))       // not holding it
        // other letters are compared folded, as the search compares them
        let accented = SearchMiss(pane: .articles, query: "istè", listed: 5)
        #expect(accented.rulesOut("MINISTÈRE", in: .articles, listed: 5))
        #expect(!accented.rulesOut("ministe\u{300}re", in: .articles, listed: 5))  // e and a combining accent: other scalars
        #expect(SearchMiss(pane: .articles, query: "don't", listed: 5).rulesOut("I DON’T KNOW", in: .articles, listed: 5))
        #expect(!miss.rulesOut("zzqx", in: .quotes, listed: 5))        // another pane
        #expect(!miss.rulesOut("zzqx", in: .articles, listed: 4))      // another list
    }

    @Test func typingOnAfterAMissIsNotSearchedUntilTheListsChange() {
        // a miss planted for a query that does match shows that the rule, not a search, answers
        var planted = Fixture.state()
        planted.searchMiss = SearchMiss(pane: .articles, query: "tox", listed: planted.articles.count)
        let ruled = planted.keys("/toxic")
        #expect(ruled.status == "/toxic: no match")
        #expect(ruled.articles.selected == 0)
        // re-sorting makes the lists again: the miss goes, and the search finds the article
        let resorted = planted.keys("o")
        #expect(resorted.searchMiss == nil)
        let found = resorted.keys("/toxic")
        #expect(found.status != "/toxic: no match")
        #expect(Fixture.model.corpus.articles[found.articles.selectedItem!].title == "Toxic negotiations and a dead-end for Iran’s regime")
    }
}

@Suite struct FilterLists {
    /// Every combination of sources, with and without each of the first actors, against the
    /// filters spelled out article by article.
    @Test func indexedFiltersKeepWhatABruteForceScanKeeps() {
        let model = Fixture.model
        let names = model.sources.map(\.name)
        let actors: [Int?] = [nil] + Array(model.sidebarActors.prefix(6))
        for mask in 0..<(1 << names.count) {
            let chosen = Set(names.indices.filter { mask & (1 << $0) != 0 }.map { names[$0] })
            for actor in actors {
                var filters: [Filter] = mask == 0 ? [] : [.sources(chosen)]
                if let actor { filters.append(.actor(actor)) }
                let s = Fixture.state().applying(filters: filters)
                func passes(_ i: Int) -> Bool {
                    let a = model.corpus.articles[i]
                    if mask != 0, !chosen.contains(a.source) { return false }
                    if let actor, !model.corpus.actors[actor].articles.contains(a.id) { return false }
                    return true
                }
                let expected = model.corpus.articles.indices.filter(passes)
                #expect(s.articles.items == expected)
                let shown = Set(expected)
                let expectedActors = model.sidebarActors.filter { a in
                    if let actor { return a == actor }
                    return mask == 0 || model.corpus.actors[a].articles.contains { shown.contains(model.articleIndex(of: $0)!) }
                }
                #expect(s.actors.items == expectedActors)
                #expect(s.quotes.items.allSatisfy { shown.contains(model.articleIndex(of: model.corpus.quotes[$0].article)!) })
            }
        }
    }
}
