import Foundation
import Testing
@testable import DossierModel

/// A long article is analysed a window of paragraphs at a time, and what it finds there is
/// what the analysis of the whole finds.
@Suite struct AnalysisWindowTests {
    /// Paragraphs that each name their own speakers, with a quote over two paragraphs (its
    /// continuation opens with a mark) and a quote that loses its closing mark.
    static let text: String = {
        let people = ["Governor Mira Holt", "Minister Erik Lindqvist", "Senator Ana Ruiz", "Mayor Tomas Brenner"]
        var paragraphs = ["A long report on the budget talks"]
        for n in 0..<60 {
            let who = people[n % people.count]
            switch n % 5 {
            case 0: paragraphs.append("“We will not accept plan \(n) at any price,” said \(who), who left early.")
            case 1: paragraphs.append("\(who) said that the budget \(n) would pass this week, and officials agreed.")
            case 2: paragraphs.append("In a statement, \(who) wrote: “The vote on item \(n) is final and we move on.")
            case 3: paragraphs.append("“Nobody will stop this, and the council knows it,” \(who) added on Tuesday.")
            default: paragraphs.append("\(who) described the deal as “a turning point for the \(n) districts” and left.")
            }
            if n % 13 == 7 {
                paragraphs.append("“The first part of a long statement on item \(n) goes here,” said \(who).")
                paragraphs.append("“It goes on in a second paragraph about the schedule")
                paragraphs.append("“And ends in a third one, where it closes at last.”")
            }
        }
        return paragraphs.joined(separator: "\n\n") + "\n"
    }()

    static func article() -> Article {
        ArticleBuilder.build(id: "long", file: "long.txt", text: text, markdown: false, given: GivenMetadata())
    }

    /// The same sentences as one paragraph (a file with no line breaks), with an abbreviation
    /// and initials at sentence ends, where no window may start.
    static func oneParagraph() -> Article {
        let body = text.split(separator: "\n\n").dropFirst().joined(separator: " Officials met the U.S. envoy, and Mr. Holt spoke. ")
        return ArticleBuilder.build(id: "line", file: "line.txt", text: "One line\n\n" + body + "\n", markdown: false, given: GivenMetadata())
    }

    @Test func windowsCoverTheTextAtParagraphEdgesWithoutCuttingAQuote() throws {
        let article = Self.article()
        let scalars = ScalarArray.of(article.text)
        let spans = QuoteSpans.find(in: article, scalars: scalars)
        let windows = AnalysisWindows.of(article, scalars: scalars, limit: 600, keepTogether: spans)
        #expect(windows.count > 5)
        #expect(windows.first?.lowerBound == 0)
        #expect(windows.last?.upperBound == article.paragraphs.last?.end)
        let starts = Set(article.paragraphs.map(\.start)), ends = Set(article.paragraphs.map(\.end))
        for (a, b) in zip(windows, windows.dropFirst()) {
            #expect(ends.contains(a.upperBound) && starts.contains(b.lowerBound))
            #expect(b.lowerBound == a.upperBound + 2)  // only the blank line between
            #expect(!spans.contains { $0.open < a.upperBound && $0.close >= b.lowerBound }, "a quote crosses \(a) | \(b)")
        }
        // a window is over the limit only when it must be: it is one paragraph, or a quote
        // runs on into its last paragraph
        var overLimit = 0
        for w in windows where w.count > 600 {
            overLimit += 1
            let inside = article.paragraphs.filter { w.contains($0.start) }
            let (a, b) = (inside[max(0, inside.count - 2)], inside[inside.count - 1])
            #expect(inside.count == 1 || spans.contains { $0.open < a.end && $0.close >= b.start })
        }
        #expect(overLimit >= 1)
        // the whole text is one window below the limit
        #expect(AnalysisWindows.of(article, scalars: scalars, limit: 1 << 19) == [0..<article.paragraphs.last!.end])
    }

    @Test(arguments: [false, true]) func windowTokensAreTheWholeTextsTokens(oneParagraph: Bool) {
        let article = oneParagraph ? Self.oneParagraph() : Self.article()
        let scalars = ScalarArray.of(article.text)
        let whole = Tokenizer.tokenize(scalars)
        let windows = AnalysisWindows.of(article, scalars: scalars, limit: 500)
        #expect(windows.count > 5)
        let windowed = windows.flatMap { Tokenizer.tokenize(scalars, in: $0) }
        #expect(windowed.count == whole.count)
        #expect(zip(windowed, whole).allSatisfy { a, b in
            a.start == b.start && a.end == b.end && a.lower == b.lower && a.sentenceStart == b.sentenceStart
                && a.paragraphStart == b.paragraphStart && a.possessive == b.possessive && a.spaceBefore == b.spaceBefore
        })
    }

    @Test(arguments: [false, true]) func namesFoundByWindowAreTheNamesOfTheWhole(oneParagraph: Bool) {
        let article = oneParagraph ? Self.oneParagraph() : Self.article()
        let scalars = ScalarArray.of(article.text)
        let whole = NameFinder.find(in: scalars, tokens: Tokenizer.tokenize(scalars))
        let windowed = NameFinder.find(in: scalars, windows: AnalysisWindows.of(article, scalars: scalars, limit: 500))
        #expect(windowed.persons.count == whole.persons.count)
        #expect(windowed.persons.map(\.name) == whole.persons.map(\.name))
        #expect(windowed.persons.map(\.start) == whole.persons.map(\.start))
        #expect(windowed.persons.map(\.tokenIndex) == whole.persons.map(\.tokenIndex))
        #expect(windowed.persons.map(\.roles) == whole.persons.map(\.roles))
        #expect(windowed.organizations.map(\.name) == whole.organizations.map(\.name))
    }

    @Test(arguments: [false, true]) func quotesFoundByWindowAreTheQuotesOfTheWhole(oneParagraph: Bool) {
        let corpus = Corpus(articles: [oneParagraph ? Self.oneParagraph() : Self.article()])
        let article = corpus.articles[0]
        let whole = QuoteExtraction.extract(article: article, actors: corpus.actors, mentions: corpus.mentions[0])
        let windowed = QuoteExtraction.extract(article: article, actors: corpus.actors, mentions: corpus.mentions[0], windowLimit: 500)
        #expect(whole.count > 40)
        #expect(whole.contains { $0.kind == .reported })
        #expect(windowed.map(\.id) == whole.map(\.id))
        #expect(windowed.map(\.start) == whole.map(\.start))
        #expect(windowed.map(\.end) == whole.map(\.end))
        #expect(windowed.map(\.kind) == whole.map(\.kind))
        #expect(windowed.map(\.cue) == whole.map(\.cue))
        if oneParagraph {
            // a quote with a cue of its own keeps its speaker; one without takes the last
            // speaker of its paragraph, which a window does not see past its edge
            #expect(zip(windowed, whole).allSatisfy { w, q in q.cue == nil || w.speaker == q.speaker })
        } else {
            #expect(windowed.map(\.speaker) == whole.map(\.speaker))
        }
        // every quote with its speaker named in its own paragraph has one
        #expect(whole.filter { $0.kind == .speech && $0.speaker == nil }.count <= 4)
    }

    @Test func aLongParagraphIsCutBeforeSentencesOutsideQuotes() {
        let article = Self.oneParagraph()
        let scalars = ScalarArray.of(article.text)
        let spans = QuoteSpans.find(in: article, scalars: scalars)
        let windows = AnalysisWindows.of(article, scalars: scalars, limit: 500, keepTogether: spans)
        #expect(windows.count > 5)
        for (a, b) in zip(windows, windows.dropFirst()) {
            #expect(b.lowerBound == a.upperBound + 1 && scalars[a.upperBound] == " ")
            #expect(AnalysisWindows.sentenceStart(at: b.lowerBound, scalars))
            #expect(!spans.contains { $0.open < b.lowerBound && $0.close >= b.lowerBound })
        }
        // never after an abbreviation or initials
        func at(_ text: String) -> Bool {
            let s = Array(text.unicodeScalars)
            return AnalysisWindows.sentenceStart(at: s.count - 1, s)
        }
        #expect(at("the talks ended. T"))
        #expect(!at("met the U.S. T"))
        #expect(!at("said Mr. T"))
        #expect(!at("and so on etc. T"))
        #expect(!at("it ended. t"))
        #expect(!at("2024. T"))
    }

    @Test func randomArticlesAreCutOnlyWhereTheWholeTextsTokensAgree() {
        let pieces = ["The talks ended.", "Mr. Holt spoke.", "Officials met the U.S. envoy.", "“We will not go,” said Ana Ruiz.",
                      "“A quote that runs on", "and on,” he added.", "J. R. Smith left at 5 p.m. yesterday.", "it rained.",
                      "Prices rose 2.5 percent.", "The council’s vote failed!", "Was it fair?", "“Lost its mark"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<60 {
            var paragraphs = ["Random report"]
            for _ in 0..<Int.random(in: 1...30, using: &rng) {
                paragraphs.append((0..<Int.random(in: 1...12, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined(separator: " "))
            }
            let article = ArticleBuilder.build(id: "r", file: "r.txt", text: paragraphs.joined(separator: "\n\n") + "\n", markdown: false,
                                               given: GivenMetadata())
            let scalars = ScalarArray.of(article.text)
            let spans = QuoteSpans.find(in: article, scalars: scalars)
            let limit = Int.random(in: 60...600, using: &rng)
            let windows = AnalysisWindows.of(article, scalars: scalars, limit: limit, keepTogether: spans)
            #expect(windows.first?.lowerBound == 0 && windows.last?.upperBound == article.paragraphs.last?.end)
            for (a, b) in zip(windows, windows.dropFirst()) {
                #expect(a.lowerBound < a.upperBound && a.upperBound < b.lowerBound)
                #expect(!spans.contains { $0.open < b.lowerBound && $0.close >= b.lowerBound })
            }
            let whole = Tokenizer.tokenize(scalars)
            let windowed = windows.flatMap { Tokenizer.tokenize(scalars, in: $0) }
            #expect(windowed.map(\.start) == whole.map(\.start))
            #expect(windowed.map(\.lower) == whole.map(\.lower))
            #expect(windowed.map(\.sentenceStart) == whole.map(\.sentenceStart), "\(article.text.debugDescription) \(windows)")
            #expect(windowed.map(\.paragraphStart) == whole.map(\.paragraphStart))
        }
    }
}
