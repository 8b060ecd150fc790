import Foundation
import Testing
@testable import DossierModel

private func quotes(_ text: String) -> (Corpus, [Quote]) {
    let c = corpus(text)
    return (c, c.quotes.filter { $0.kind != .reported })
}

private func speaker(_ c: Corpus, _ q: Quote?) -> String? { q?.speaker.map { c.actors[$0].name } }

@Suite struct QuoteSpanRules {
    @Test func straightAndCurlyMarksBothQuote() {
        let (_, q) = quotes("Headline\n\n\"We will not yield to anyone at all,\" said Governor Ana Ruiz. “Nor will we wait for them,” she added.\n")
        #expect(q.map(\.text) == ["We will not yield to anyone at all,", "Nor will we wait for them,"])
    }

    @Test func singleQuotesInsideStayPartOfTheQuote() {
        let (_, q) = quotes("Headline\n\nThe site said: “He told me: 'I was there at the summit.' Then he left the room.”\n")
        #expect(q.count == 1)
        #expect(q.first?.text == "He told me: 'I was there at the summit.' Then he left the room.")
    }

    @Test func apostrophesAreNeverQuoteMarks() {
        let (_, q) = quotes("Headline\n\nIran’s leaders and the mullahs’ allies don’t agree; it's the regime's choice, Tehran’s officials say, and the Joneses' neighbours’ too.\n")
        #expect(q.isEmpty)
    }

    @Test func aQuoteOverThreeParagraphsIsOne() {
        let (c, q) = quotes("Headline\n\nSenator Mira Holt said the plan was bold.\n\n“The first part of this plan is about schools and the people who teach in them.\n\n“The second part is about hospitals and the nurses we cannot keep.\n\n“The third part is about roads,” she said.\n")
        #expect(q.count == 1)
        #expect(q.first?.text.hasPrefix("The first part") == true)
        #expect(q.first?.text.hasSuffix("about roads,") == true)
        #expect(speaker(c, q.first) == "Mira Holt")
    }

    @Test func aStrayMarkDoesNotSwallowTheRest() {
        let (_, q) = quotes("Headline\n\nThe mayor said “the budget is fine and will pass next week without trouble.\n\nIn other news, the bridge reopened on Monday after repairs.\n\nThe council met “briefly” on Tuesday.\n")
        #expect(q.count == 2)
        #expect(q.first?.text == "the budget is fine and will pass next week without trouble.")
        #expect(q.last?.text == "briefly")
    }

    @Test func aClosingMarkUsedToOpenIsRecovered() {
        // 004: `saying that,” THERE WILL BE NO WAR …”.`
        let (c, q) = quotes("Headline\n\nAyatollah Ali Khamenei rejected talks. He cleared the air by saying that,” THERE WILL BE NO WAR, NOR WILL WE NEGOTIATE”.\n")
        #expect(q.map(\.text) == ["THERE WILL BE NO WAR, NOR WILL WE NEGOTIATE"])
        #expect(speaker(c, q.first) == "Ali Khamenei")
    }

    @Test func theSeedQuoteBrokenOverBlankLinesIsWhole() throws {
        let c = try Corpus.load(folder: Paths.seeds)
        let q = try #require(c.quotes.first { $0.text.hasPrefix("Should they believe") })
        #expect(q.text == "Should they believe 12 preconditions or the president’s unconditional proposition? At this stage, no Iranian leader can afford to negotiate with a gun to their head.")
        #expect(speaker(c, q) == "Ali Vaez")
    }

    @Test func offsetsPointExactlyAtTheWords() throws {
        let c = try Corpus.load(folder: Paths.seeds)
        for q in c.quotes {
            let article = try #require(c.article(id: q.article))
            let scalars = Array(article.text.unicodeScalars)
            #expect(String(String.UnicodeScalarView(scalars[q.start..<q.end])) == q.text)
        }
    }
}

@Suite struct QuoteKindRules {
    @Test func scareQuotedShortPhrasesAreTerms() {
        let (_, q) = quotes("Headline\n\nHe warned of what he called “cultural penetration” and of the “big Satan,” which worried him. She also put forth the idea of “axis of resistance” again.\n")
        #expect(q.map(\.kind) == [.term, .term, .term])
    }

    @Test func aShortQuotedSentenceIsSpeech() {
        let (_, q) = quotes("Headline\n\nMinister Lena Berg said the partner had shown itself to be “totally unreliable.”\n")
        #expect(q.first?.kind == .speech)
    }

    @Test func aTitleCasedShortSpanIsATerm() {
        let (_, q) = quotes("Headline\n\nShe reviewed the book “The Art of the Deal” for the paper.\n")
        #expect(q.first?.kind == .term)
    }

    @Test func aTitleEndingWithAPeriodIsStillATerm() {
        let (_, q) = quotes("Headline\n\nThe singer thanked the crowd before closing with “Shake It Off.”\n")
        #expect(q.first?.kind == .term)
        let (_, said) = quotes("Headline\n\nMinister Lena Berg said: “Thank You All.”\n")
        #expect(said.first?.kind == .speech)
    }

    @Test func reportedSpeechWithoutMarksIsReported() throws {
        let c = corpus("Headline\n\nMinister Lena Berg said on Monday that the talks would resume in June.\n")
        let r = try #require(c.quotes.first { $0.kind == .reported })
        #expect(r.text == "the talks would resume in June")
        #expect(speaker(c, r) == "Lena Berg")
    }
}

@Suite struct SpeakerSieveRules {
    @Test func aNamedSpeakerAfterTheQuote() {
        let (c, q) = quotes("Headline\n\nAhmad Norouzi, a senior cleric, spoke. “We will not negotiate about that,” Norouzi added.\n")
        #expect(speaker(c, q.first) == "Ahmad Norouzi")
        #expect(q.first?.cue == "Norouzi added")
    }

    @Test func anInvertedCueWithAnAppositive() {
        let (c, q) = quotes("Headline\n\n“Why would they negotiate now?” said Ali Vaez, the director of the Iran Project at the Crisis Group.\n")
        #expect(speaker(c, q.first) == "Ali Vaez")
    }

    @Test func aNameWithAnAppositiveThenTheVerb() {
        let (c, q) = quotes("Headline\n\n“If they want talks, they must first rebuild trust,” Masoud Goudarzi, a member of the security commission, said Tuesday, according to ISNA.\n")
        #expect(speaker(c, q.first) == "Masoud Goudarzi")
        #expect(q.first?.via == "ISNA")
    }

    @Test func aSpeakerWithAColonBeforeTheQuote() {
        let (c, q) = quotes("Headline\n\nSpeaking to reporters, President Emmanuel Macron said during his flight: “They are flexible about the parameters of a meeting.”\n")
        #expect(speaker(c, q.first) == "Emmanuel Macron")
    }

    @Test func aPronounResolvesToTheLastNamedSubject() {
        let (c, q) = quotes("Headline\n\nFuad Izadi, a political pundit close to Mr. Khamenei’s faction, attacked the opposing faction.\n\n“Our problem is with our own domestic figures who look to the West,” he added.\n")
        #expect(speaker(c, q.first) == "Fuad Izadi")
    }

    @Test func aPronounSkipsAPersonOfTheOtherGender() {
        let (c, q) = quotes("Headline\n\nMr. Paul Tran met Ms. Ingrid Sorensen on Monday. Ms. Sorensen later left.\n\n“We made real progress on every point today,” he said.\n")
        #expect(speaker(c, q.first) == "Paul Tran")
    }

    @Test func aRoleSpeakerIsTheActorWithThatRole() {
        let (c, q) = quotes("Headline\n\nThe ministry’s spokesman, Bahram Ghasemi, held a briefing with Ali Vaez in the room.\n\n“There is no possibility of dialogue at this time,” the spokesman said.\n")
        #expect(speaker(c, q.first) == "Bahram Ghasemi")
    }

    @Test func aRoleWordInsideALongerRoleFindsItsActor() {
        let (c, q) = quotes("Headline\n\nThe talks were led by Deputy Foreign Minister Anoush Kerrigan and the analyst Ali Vaez.\n\n“There is no possibility of a deal at this time,” the minister said.\n")
        #expect(speaker(c, q.first) == "Anoush Kerrigan")
    }

    @Test func aRoleThatTwoPeopleHoldNamesNoSpeaker() {
        let (c, q) = quotes("Headline\n\nThe ministry’s spokesman, Bahram Ghasemi, met the army’s spokesman, Tomas Brenner, in the room.\n\n“There is no possibility of dialogue at this time,” the spokesman said.\n")
        #expect(c.person("Bahram Ghasemi")?.roles.isEmpty == false)
        #expect(c.person("Tomas Brenner")?.roles.isEmpty == false)
        #expect(q.count == 1)
        #expect(speaker(c, q.first) == nil)
    }

    @Test func aQuoteOnlyParagraphContinuesThePreviousSpeaker() {
        let (c, q) = quotes("Headline\n\n“The important issue is the trust between the two sides,” Ahmad Khatami said.\n\n“There is only one voice coming from here and it says no.”\n")
        #expect(speaker(c, q.last) == "Ahmad Khatami")
    }

    @Test func aSecondQuoteInAParagraphKeepsItsSpeaker() {
        let (c, q) = quotes("Headline\n\n“Today, negotiations bring humiliation,” Ali Motahari said Tuesday. “For now, it is not appropriate to talk.”\n")
        #expect(q.count == 2)
        #expect(speaker(c, q.last) == "Ali Motahari")
    }

    @Test func aParagraphThatNamesOnePersonGivesTheSpeaker() {
        let (c, q) = quotes("Headline\n\nIn her speech, Governor Ana Ruiz listed the reasons: “We have the money and we have the people to do it.”\n")
        #expect(speaker(c, q.first) == "Ana Ruiz")
    }

    @Test func accordingToNamesTheSpeakerOrTheVia() {
        let (c, q) = quotes("Headline\n\nThe remarks were blunt. “We do not trust the other side at all,” according to Senator Mira Holt.\n\nMinister Lena Berg spoke too. “Negotiations bring humiliation now,” she said according to the official Islamic Republic News Agency.\n")
        #expect(speaker(c, q.first) == "Mira Holt")
        #expect(speaker(c, q.last) == "Lena Berg")
        #expect(q.last?.via == "Islamic Republic News Agency")
    }

    @Test func anOrganisationCanSpeak() {
        let (c, q) = quotes("Headline\n\nThe Iranian diplomacy site, close to the Foreign Ministry, said: “After the delegation arrived, the president came to visit.”\n")
        #expect(speaker(c, q.first) == "Iranian diplomacy site")
        #expect(q.first.flatMap { $0.speaker }.map { c.actors[$0].kind } == .organization)
    }

    @Test func noCueAndNoOneNamedMeansNoSpeaker() {
        let (_, q) = quotes("Headline\n\nThe streets were quiet. “Nothing will change here for a very long time.”\n")
        #expect(q.first?.speaker == nil)
    }

    @Test func theSameWordsInTwoArticlesShareAGroup() {
        let c = corpus("Headline\n\n“We will never negotiate with a gun to our head,” Ali Vaez said.\n",
                       "Other\n\nAli Vaez told reporters: “We will never negotiate with a gun to our head.”\n")
        let speech = c.quotes.filter { $0.kind == .speech }
        #expect(speech.count == 2)
        #expect(speech[0].group != nil && speech[0].group == speech[1].group)
    }
}

@Suite struct QuoteGrouping {
    @Test func nearlyTheSameWordsOfOneSpeakerShareAGroupAndNothingElseJoins() {
        let c = corpus("One\n\n“The new budget will protect schools and hospitals across the region,” Mira Holt said.\n",
                       "Two\n\nMira Holt said: “The new budget will protect schools and hospitals across the whole region.”\n",
                       "Three\n\nMira Holt said: “Spring weather is lovely for a long walk by the river.”\n",
                       "Four\n\nTomas Reyes said: “The new budget will protect schools and hospitals across the region.”\n")
        let speech = c.quotes.filter { $0.kind == .speech }
        #expect(speech.count == 4)
        #expect(speech[0].group != nil && speech[0].group == speech[1].group)
        #expect(speech[2].group == nil)
        // the same words from someone else are not the same quote
        #expect(speech[3].group == nil)
    }

    @Test func groupsAreTheSameWhateverTheChunksTheListsAreNumberedIn() {
        // lists in later chunks meet words numbered by earlier ones, and are numbered on all
        // cores; lists in the first chunk are numbered one by one
        let vocabulary = ["budget", "schools", "hospitals", "region", "protect", "never", "talks", "deal", "Vote",
                          "tax", "plan", "2024", "the", "will", "across", "ministry", "rejects", "energy", "water", "roads"]
        var rng = SplitMix(seed: 17)
        var statements: [String] = []
        for _ in 0..<25 {
            statements.append((0..<Int(6 + rng.next() % 8)).map { _ in vocabulary[Int(rng.next() % UInt64(vocabulary.count))] }
                .joined(separator: " "))
        }
        var quotes: [Quote] = []
        for n in 0..<400 {
            var words = statements[Int(rng.next() % UInt64(statements.count))].split(separator: " ").map(String.init)
            // some repeat a statement word for word, some change a word, a few bring a new one
            switch rng.next() % 4 {
            case 0: words[Int(rng.next() % UInt64(words.count))] = vocabulary[Int(rng.next() % UInt64(vocabulary.count))]
            case 1 where n % 7 == 0: words.append("word\(n)")
            default: break
            }
            quotes.append(Quote(number: n, article: "a\(n % 60)", text: Substring(words.joined(separator: " ")), start: 0, end: 1,
                                kind: .speech, speaker: Int(rng.next() % 3)))
        }
        func grouped(_ chunk: Int) -> [Int: Int] {
            Dictionary(uniqueKeysWithValues: QuoteGroups.groups(of: quotes, chunk: chunk).map { ($0.0, $0.1) })
        }
        let whole = grouped(QuoteGroups.chunkSize)
        #expect(whole.count > 50)
        #expect(Set(whole.values).count >= 3)
        for chunk in [1, 2, 7, 64] { #expect(grouped(chunk) == whole, "\(chunk)") }
    }

    @Test func wordNumbersFollowSpellingOrder() {
        let words = ["zeta", "alpha", "é", "e\u{301}x", "Beta", "alpha2", "b"]
        let ranks = QuoteGroups.spellingRanks(words)
        #expect(Set(ranks).count == words.count)
        for a in words.indices { for b in words.indices where words[a] < words[b] { #expect(ranks[a] < ranks[b], "\(words[a]) \(words[b])") } }
        // rarest: frequency first, then spelling
        let frequency: [Int32] = [3, 1, 1, 2]
        #expect(QuoteGroups.rarest([0, 1, 2, 3], frequency) == .init(first: 1, second: 2))
        #expect(QuoteGroups.rarest([3, 0], frequency) == .init(first: 3, second: 0))
        #expect(QuoteGroups.rarest([2], frequency) == .init(first: 2, second: -1))
        #expect(QuoteGroups.rarest([], frequency) == .init())
        // the first two of the words sorted by frequency, then by rank
        var rng = SplitMix(seed: 11)
        for _ in 0..<300 {
            let counts = (0..<40).map { _ in Int32(rng.next() % 6) }
            let list = Array(Set((0..<Int(rng.next() % 12)).map { _ in Int32(rng.next() % 40) })).sorted()
            let sorted = list.sorted { (counts[Int($0)], $0) < (counts[Int($1)], $1) }
            let two = QuoteGroups.rarest(list, counts)
            #expect(two.first == (sorted.first ?? -1) && two.second == (sorted.count > 1 ? sorted[1] : -1), "\(list)")
        }
    }

    @Test func sortedDistinctWordsCountWhatTwoSetsShare() {
        var rng = SplitMix(seed: 7)
        let vocabulary = ["a", "b", "c", "d", "e", "f", "g", "h", "é", "e\u{301}", "zz", "Ab"]
        for _ in 0..<500 {
            let x = (0..<Int(rng.next() % 12)).map { _ in vocabulary[Int(rng.next() % UInt64(vocabulary.count))] }
            let y = (0..<Int(rng.next() % 12)).map { _ in vocabulary[Int(rng.next() % UInt64(vocabulary.count))] }
            let dx = QuoteGroups.sortedDistinct(x), dy = QuoteGroups.sortedDistinct(y)
            #expect(dx.count == Set(x).count)
            #expect(dx == dx.sorted())
            #expect(QuoteGroups.sharedCount(dx, dy) == Set(x).intersection(Set(y)).count, "\(x) \(y)")
        }
    }
}

/// A small seeded generator, so that a failure repeats.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}

@Suite struct QuoteSeedFigures {
    @Test func quoteF1AndSpeakerAccuracyMeetTheFloors() throws {
        let c = try Corpus.load(folder: Paths.seeds)
        let score = SeedScore(gold: Gold.shared, corpus: c)
        #expect(score.quoteF1 >= 0.95, "quote F1 \(score.quoteF1)")
        #expect(score.speakerAccuracy >= 0.95, "speaker accuracy \(score.speakerAccuracy)")
    }
}

@Suite struct SingleQuoteMarks {
    func quoted(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return QuoteSpans.singleQuoted(scalars, 0..<scalars.count).map { span in
            String(String.UnicodeScalarView(scalars[span.start..<span.end]))
        }
    }

    @Test func singleMarksQuoteAndApostrophesDoNot() {
        #expect(quoted("‘The teachers’ union agreed,’ she said.") == ["The teachers’ union agreed,"])
        #expect(quoted("‘Go now,’ he said. ‘Don’t take anything.’") == ["Go now,", "Don’t take anything."])
        #expect(quoted("It was the ‘90s, and rock ‘n’ roll was king.") == [])
        #expect(quoted("She called it ‘reckless’ and left.") == [])
        // no closing mark: nothing, rather than an apostrophe read as one
        #expect(quoted("‘We will see what happens next") == [])
    }
}
