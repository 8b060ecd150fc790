import Foundation
import Testing
@testable import DossierModel

@Suite struct CleaningAgainstGold {
    let corpus = try! Corpus.load(folder: Paths.seeds)

    @Test(arguments: Gold.shared.articles.map(\.file))
    func noClutterOrMetadataLineStaysInTheBody(file: String) throws {
        let gold = try #require(Gold.shared.articles.first { $0.file == file })
        let article = try #require(corpus.articles.first { $0.file == file })
        for line in gold.boilerplate + gold.metadata_lines {
            let normalised = squeezed(line)
            #expect(!article.paragraphs.contains { squeezed($0.text).contains(normalised) }, "\(normalised) left in \(file)")
        }
    }

    @Test(arguments: Gold.shared.articles.map(\.file))
    func noQuotedSentenceIsLost(file: String) throws {
        let gold = try #require(Gold.shared.articles.first { $0.file == file })
        let article = try #require(corpus.articles.first { $0.file == file })
        let body = squeezed(article.text)
        for quote in gold.quotes {
            #expect(body.contains(squeezed(quote.text)), "lost: \(quote.text.prefix(50))")
        }
    }

    @Test func titlesAreTheGoldHeadlinesExactly() throws {
        let bare = try Corpus.load(folder: Paths.seedsWithoutCSV())
        for gold in Gold.shared.articles {
            #expect(bare.articles.first { $0.file == gold.file }?.title == gold.title)
        }
    }

    @Test func withoutTheCSVTheTextGivesSourceAuthorAndDate() throws {
        let bare = try Corpus.load(folder: Paths.seedsWithoutCSV())
        func article(_ prefix: String) -> Article? { bare.articles.first { $0.file.hasPrefix(prefix) } }
        #expect(article("000")?.source == "American Thinker")      // helpdesk@americanthinker.com
        #expect(article("001")?.author == "Yossi Mansharof")       // By …
        #expect(article("002")?.author == "PMOI/MEK")              // Analysis by …
        #expect(article("002")?.source == "PMOI/MEK")              // institutional byline
        #expect(article("002")?.date?.description == "2019-06-08") // Iran, June 8, 2019 -
        #expect(article("003")?.author == "Asa Fitch")             // Write to … at
        #expect(article("000")?.credit == "Erfan Kouchari via Tasnim News Agency")
        #expect(article("004")?.source == nil)
    }

    @Test func theCSVSuppliesWhatTheTextDoesNot() {
        func article(_ prefix: String) -> Article? { corpus.articles.first { $0.file.hasPrefix(prefix) } }
        #expect(article("003")?.source == "The Wall Street Journal")
        #expect(article("003")?.date?.description == "2018-07-31")
        #expect(article("000")?.date?.description == "2019-10")
        #expect(article("004")?.source == "Geopolitical Daily")
        for gold in Gold.shared.articles {
            let a = corpus.articles.first { $0.file == gold.file }
            #expect(a?.title == gold.title)
            if let s = gold.source { #expect(a?.source == s) }
            if let au = gold.author { #expect(a?.author == au) }
            if let d = gold.date { #expect(a?.date?.description == d) }
        }
    }

    @Test func listIsInDateOrderUndatedLast() throws {
        let bare = try Corpus.load(folder: Paths.seedsWithoutCSV())
        let dates = bare.articles.map(\.date)
        let firstUndated = dates.firstIndex { $0 == nil } ?? dates.count
        #expect(dates[firstUndated...].allSatisfy { $0 == nil })
        let dated = dates[..<firstUndated].compactMap { $0 }
        #expect(dated == dated.sorted())
        #expect(corpus.articles.map { String($0.file.prefix(3)) } == ["003", "001", "004", "002", "000"])
    }

    @Test func paragraphsKeepTheirRangeInTheOriginalFile() throws {
        let raw = try String(contentsOfFile: Paths.seeds + "/002_c0ecdda27fc1ec1f.txt", encoding: .utf8)
        let scalars = Array(raw.unicodeScalars)
        let article = try #require(corpus.articles.first { $0.file.hasPrefix("002") })
        for p in article.paragraphs {
            let original = String(String.UnicodeScalarView(scalars[p.sourceStart..<p.sourceEnd]))
            #expect(squeezed(original) == squeezed(p.text))
            let cleaned = String(String.UnicodeScalarView(Array(article.text.unicodeScalars)[p.start..<p.end]))
            #expect(cleaned == p.text)
        }
    }
}

@Suite struct ParagraphRebuilding {
    @Test func hardWrappedLinesJoinAndTheMovedPeriodGoesBack() {
        let text = """
        Title of the piece
        By Jane Roe
        The first line of a wrapped paragraph that goes on for a while and
        continues on the next line as PDF extraction leaves it, between Tehran
        .and Washington
        A second paragraph starts here and it too is wrapped at the same width as
        the one before it, ending with its own period moved to the next line
        .of the text
        """
        let cleaned = ArticleCleaner.clean(text)
        #expect(cleaned.title == "Title of the piece")
        #expect(cleaned.byline == "Jane Roe")
        #expect(cleaned.paragraphs.map(\.text) == [
            "The first line of a wrapped paragraph that goes on for a while and continues on the next line as PDF extraction leaves it, between Tehran and Washington.",
            "A second paragraph starts here and it too is wrapped at the same width as the one before it, ending with its own period moved to the next line of the text.",
        ])
    }

    @Test func linkTextsSplitBetweenBlankLinesRejoin() {
        let text = "Headline Here\n\nPressure on the\n\nPrime Minister\n\nto act grew after\n\n\nthe vote, said\n\nJane Roe,\n\nthe party's leader.\n\nA new paragraph begins.\n"
        let cleaned = ArticleCleaner.clean(text)
        #expect(cleaned.paragraphs.map(\.text) == [
            "Pressure on the Prime Minister to act grew after the vote, said Jane Roe, the party's leader.",
            "A new paragraph begins.",
        ])
    }

    @Test func aHeadingBeforeALongParagraphStaysApart() {
        let cleaned = ArticleCleaner.clean("Title\n\nBackground\n\nThe talks began in 2013 when both sides agreed to meet in Geneva for a first round.\n")
        #expect(cleaned.paragraphs.map(\.text) == ["Background", "The talks began in 2013 when both sides agreed to meet in Geneva for a first round."])
    }

    @Test func longLinesAreEachAParagraph() {
        let long1 = String(repeating: "First paragraph words that run long. ", count: 6)
        let long2 = String(repeating: "Second paragraph words that run long. ", count: 6)
        let cleaned = ArticleCleaner.clean("Title\n" + long1 + "\n" + long2 + "\n")
        #expect(cleaned.paragraphs.count == 2)
    }

    @Test func noBreakSpacesAndRunsOfBlanksAreNormalised() {
        let cleaned = ArticleCleaner.clean("Title\n\nOne.\u{00A0}\u{00A0}Two   three\tfour.\n")
        #expect(cleaned.paragraphs.map(\.text) == ["One. Two three four."])
    }
}

@Suite struct ClutterLines {
    @Test(arguments: ["728 x 90", "300x250", "Leave a Reply", "Read More", "SHARE THIS:", "Related Posts »",
                      "ADVERTISEMENT - CONTINUE READING BELOW", "Copyright © 2024 Example Media",
                      "Your email address will not be published. Required fields are marked *",
                      "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
                      "%d bloggers like this:", "If you experience technical problems, please write to help@example.org"])
    func isClutter(line: String) {
        #expect(Clutter.isClutter(line))
    }

    @Test(arguments: ["Read more about the deal in our earlier report.", "Credit Suisse said on Monday it would cut jobs.",
                      "1998 x 2000 people marched", "Share prices fell."])
    func isNotClutter(line: String) {
        #expect(!Clutter.isClutter(line))
        #expect(Clutter.credit(line) == nil)
    }

    @Test func spacesCollapseAndEndsAreTrimmed() {
        #expect(Whitespace.normalize("\t Zürich\u{00A0}\u{00A0}said  “yes”\u{3000}") == "Zürich said “yes”")
        #expect(Whitespace.normalize("   ") == "")
        #expect(Whitespace.normalize("😀 a") == "😀 a")
    }

    @Test(arguments: ["", "   ", "\t Zürich\u{00A0}", "a b", "\u{3000}中文 😀\u{2009}", " \n line \r\n", "\u{2028}x\u{85}",
                      "e\u{301} ", "\u{200B}zero width\u{200B}", "x"])
    func trimmingAgreesWithFoundation(_ text: String) {
        #expect(Whitespace.trimmed(text) == text.trimmingCharacters(in: .whitespaces))
        #expect(Whitespace.trimmed(text, Whitespace.isSpaceOrNewline) == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(Whitespace.trimmed(text.dropFirst()) == String(text.dropFirst()).trimmingCharacters(in: .whitespaces))
    }

    @Test func wordsAreLoweredAndSplitOnNonLetters() {
        #expect(Words.lowercased("The BUDGET, in 2024—Zürich's e\u{301}lan!", digits: true)
                == ["the", "budget", "in", "2024", "zürich", "s", "e\u{301}lan"])
        #expect(Words.lowercased("The BUDGET, in 2024", digits: false, minLength: 4) == ["budget"])
        #expect(Words.lowercased("ΑΘΗΝΑ Ōsaka", digits: false) == ["αθηνα", "ōsaka"])
    }

    @Test func wordsReadAsBytesAreTheWordsReadAsScalars() {
        var random = SystemRandomNumberGenerator()
        let pieces = ["The", "BUDGET", " ", ",", "2024", "—", "Zürich", "’s", "e\u{301}lan", "ΑΘΗΝΑ", "Ōsaka", "東京", "😀",
                      "\u{0663}", "x\u{20DD}", "ǅ", "İ", "ß", "ﬁ", "\n", "“", "”", "a", "Z", "9", "-", "\u{200B}"]
        for round in 0..<300 {
            let text = (0..<(1 + round % 40)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let slice = text.dropFirst(round % 3)  // a substring, as a quote's words are
            for (digits, minLength) in [(true, 1), (false, 1), (false, 4)] {
                #expect(Words.lowercased(slice, digits: digits, minLength: minLength)
                        == Words.lowercased(slice, digits: digits, minLength: minLength, walkingScalars: true), "\(text)")
                #expect(Words.lowercased(text, digits: digits, minLength: minLength)
                        == Words.lowercased(text, digits: digits, minLength: minLength, walkingScalars: true), "\(text)")
                // hashed as read, never kept: the hashes of the words kept
                #expect(Words.lowercasedHashes(slice, digits: digits, minLength: minLength)
                        == Words.lowercased(slice, digits: digits, minLength: minLength).map { FNV1a.hash($0.utf8) }, "\(text)")
            }
        }
    }

    @Test func linesCopiedFromTheTextAreTheLinesWrittenOut() {
        var random = SystemRandomNumberGenerator()
        let pieces = ["The", "budget", " ", " ", "  ", "\t", "\u{00A0}", "\u{2003}", "\u{200B}", "\n", "\r", "\r\n", "\n\n",
                      "“", "”", "Zürich", "東京", "😀", "e\u{301}", "\u{0B}", ",", "-"]
        for round in 0..<400 {
            let text = (0..<(1 + round % 50)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let scalars = ScalarArray.of(text)
            let copied = SourceLines.split(text: text), written = SourceLines.split(scalars)
            #expect(copied.count == written.count, "\(text.debugDescription)")
            for (a, b) in zip(copied, written) {
                #expect(a.start == b.start && a.end == b.end && a.text == b.text && a.indented == b.indented,
                        "\(text.debugDescription)")
            }
        }
    }

    @Test func scalarCountsAreTheUnicodeScalarCounts() {
        for text in ["", "plain", "“curly”", "Zürich e\u{301}", "ΑΘΗΝΑ 東京 😀\u{1F1EB}\u{1F1F7}", String(repeating: "ab€", count: 100)] {
            #expect(TextLength.scalars(text) == text.unicodeScalars.count, "\(text)")
            #expect(TextLength.characters(text) == text.count, "\(text)")
        }
    }

    @Test func scalarArraysDecodeEveryScalar() {
        let text = "Plain, “curly”, Zürich, e\u{301}, ΑΘΗΝΑ, 東京, 😀\u{1F1EB}\u{1F1F7}, \u{10FFFF}."
        #expect(ScalarArray.of(text) == Array(text.unicodeScalars))
        #expect(ScalarArray.of("") == [])
    }

    @Test func wordHashesAreTheHashesOfTheLoweredWords() {
        for (text, digits, minLength) in [("The BUDGET, in 2024—Zürich's e\u{301}lan!", true, 1),
                                          ("The BUDGET, in 2024", false, 4), ("ΑΘΗΝΑ Ōsaka ōsaka", false, 1)] {
            let words = Words.lowercased(text, digits: digits, minLength: minLength)
            #expect(!words.isEmpty)
            #expect(Words.lowercasedHashes(text, digits: digits, minLength: minLength) == words.map { FNV1a.hash($0.utf8) })
        }
        // the same word in two cases is one hash; two words are two
        let hashes = Words.lowercasedHashes("Ōsaka ŌSAKA osaka", digits: false)
        #expect(hashes[0] == hashes[1] && hashes[0] != hashes[2])
    }

    @Test func creditsAndSignoffsBecomeMetadata() {
        let cleaned = ArticleCleaner.clean("Title\n\nBody text here.\n\nPhoto: Jane Roe/Reuters\n\nWrite to John Doe at john@wsj.com\n")
        #expect(cleaned.credit == "Jane Roe/Reuters")
        #expect(cleaned.signoffAuthor == "John Doe")
        #expect(cleaned.paragraphs.map(\.text) == ["Body text here."])
    }

    @Test func aCaptionRepeatedRightAfterItselfGoes() {
        let cleaned = ArticleCleaner.clean("Title\n\nA caption line\nA caption line\n\nBody text.\n")
        #expect(cleaned.paragraphs.map(\.text) == ["Body text."])
    }

    @Test func outletNamesComeFromDomains() {
        #expect(OutletName.fromDomain("americanthinker.com") == "American Thinker")
        #expect(OutletName.fromDomain("news.example-times.co.uk") == "Example Times")
        #expect(OutletName.fromDomain("gmail.com") == nil)
    }

    @Test func agencyDatelineNamesTheSource() {
        let cleaned = ArticleCleaner.clean("Title\n\nTEHRAN (Reuters) - Iran said on Monday it would not talk.\n")
        #expect(MetadataInference.source(cleaned, author: nil) == "Reuters")
    }
}

@Suite struct Dates {
    @Test func partialAndFullDatesParse() {
        #expect(PartialDate(parsing: "2019-06-08")?.description == "2019-06-08")
        #expect(PartialDate(parsing: "2019-10")?.description == "2019-10")
        #expect(PartialDate(parsing: "2018")?.description == "2018")
        #expect(PartialDate(parsing: "2019-06-08T10:00:00Z")?.description == "2019-06-08")
        #expect(PartialDate(parsing: "June 8, 2019")?.description == "2019-06-08")
        #expect(PartialDate(parsing: "8 June 2019")?.description == "2019-06-08")
        #expect(PartialDate(parsing: "2019-13-01") == nil)
        #expect(PartialDate(parsing: "soon") == nil)
        #expect(PartialDate(parsing: "2018")! < PartialDate(parsing: "2018-01")!)
    }
}

@Suite struct BylinesAndTimedDates {
    @Test func aStaffTitleAfterABylinesCommaIsNoPartOfTheName() {
        #expect(Clutter.byline("By Ana Ruiz, Staff Writer") == "Ana Ruiz")
        #expect(Clutter.byline("By Ana Ruiz, Senior Correspondent") == "Ana Ruiz")
        // other writers after a comma stay
        #expect(Clutter.byline("By Ana Ruiz, Li Wen and Sam Ortega") == "Ana Ruiz, Li Wen and Sam Ortega")
        #expect(Clutter.byline("By Ana Ruiz, Reuters") == "Ana Ruiz, Reuters")
        let cleaned = ArticleCleaner.clean("Title\n\nBy Ana Ruiz, Staff Writer\n\nThe council met on Monday.\n")
        #expect(MetadataInference.author(cleaned) == "Ana Ruiz")
        #expect(MetadataInference.source(cleaned, author: "Ana Ruiz") == nil)
    }

    @Test func aClockTimeBeforeAStandaloneDateIsPassedOver() {
        #expect(ArticleCleaner.standaloneDate("Updated 11:42 p.m. ET, November 5, 2025")?.description == "2025-11-05")
        #expect(ArticleCleaner.standaloneDate("Published 9:05 AM GMT | 3 March 2024")?.description == "2024-03-03")
        #expect(ArticleCleaner.standaloneDate("Posted on 14:30, June 8, 2019")?.description == "2019-06-08")
        #expect(ArticleCleaner.droppingLeadingTime("2024 was a year") == "2024 was a year")
        #expect(ArticleCleaner.droppingLeadingTime("1:2 ratio") == "1:2 ratio")
        #expect(ArticleCleaner.standaloneDate("11:42 p.m. and the polls closed") == nil)
    }
}

@Suite struct WireCredits {
    @Test func theReporterOfACreditLineIsFoundAndHelpersAreNot() {
        #expect(Clutter.reportingCredit("(Reporting by Jane Roe; Editing by John Doe)") == .some("Jane Roe"))
        #expect(Clutter.reportingCredit("Reporting by Jane Roe and Li Wen; editing by John Doe") == .some("Jane Roe and Li Wen"))
        #expect(Clutter.reportingCredit("— Additional reporting by Sam Ortega") == .some(nil))
        #expect(Clutter.reportingCredit("(Editing by John Doe)") == .some(nil))
        // prose is no credit line
        #expect(Clutter.reportingCredit("Reporting by the agency has been cautious.") == nil)
        #expect(Clutter.reportingCredit("Editing by hand is slow.") == nil)
        #expect(Clutter.reportingCredit("Reporters by the dozen waited outside.") == nil)
        #expect(Clutter.reportingCredit("A good body sentence.") == nil)
    }
}

@Suite struct MarkdownEmphasis {
    func stripped(_ text: String) -> String {
        ArticleCleaner.stripMarkdown(SourceLine(start: 0, end: text.unicodeScalars.count, text: text, indented: false)).text
    }

    @Test func aLineWhollyInEmphasisLosesItsMarks() {
        #expect(stripped("*By Jane Roe*") == "By Jane Roe")
        #expect(stripped("**March 3, 2024**") == "March 3, 2024")
        #expect(stripped("_Photo: Jane Roe_") == "Photo: Jane Roe")
        #expect(stripped("## Heading") == "Heading")
        // emphasis in part of a line, or twice, stays
        #expect(stripped("**Update:** the vote was delayed.") == "**Update:** the vote was delayed.")
        #expect(stripped("*a* and *b*") == "*a* and *b*")
        #expect(stripped("***") == "***")
        #expect(stripped("* a list item") == "* a list item")
    }
}

@Suite struct WebPageChrome {
    @Test func aMenuOfShortItemsBetweenBarsIsClutter() {
        #expect(Clutter.isClutter("Home | World | Business | Sport | Culture"))
        #expect(!Clutter.isClutter("Home | World"))
        // a sentence with bars in it stays
        #expect(!Clutter.isClutter("He said the vote | was close | and the count | took all night."))
    }

    @Test func aListHeaderIsKnownAndTheOutletAfterABylineIsFound() {
        #expect(Clutter.isListHeader("Related Topics"))
        #expect(Clutter.isListHeader("More on this story:"))
        #expect(!Clutter.isListHeader("Related reading about the budget"))
        #expect(Clutter.byline("By Eleni Markou, BBC News, Athens") == "Eleni Markou")
        #expect(Clutter.bylineOutlet("By Eleni Markou, BBC News, Athens") == "BBC News")
        #expect(Clutter.bylineOutlet("By Eleni Markou, Athens") == nil)
        #expect(Clutter.bylineOutlet("By Ana Ruiz, Li Wen and Sam Ortega") == nil)
    }

    @Test func theShortLinesUnderAListHeaderGoWithIt() {
        let cleaned = ArticleCleaner.clean("Title\n\nThe vote was held on Monday.\n\nRelated Topics\nGreece\nWildfires\n\nThe count took all night.\n")
        #expect(cleaned.paragraphs.map(\.text) == ["The vote was held on Monday.", "The count took all night."])
    }
}

@Suite struct WireStyleChrome {
    @Test func rulesAndContributorLinesAreClutter() {
        #expect(Clutter.isClutter("___"))
        #expect(Clutter.isClutter("* * *"))
        #expect(Clutter.isClutter("-----"))
        #expect(!Clutter.isClutter("--"))
        #expect(!Clutter.isClutter("- a list item"))
        #expect(Clutter.isClutter("Associated Press writer Kim Lee in Tampa contributed to this report."))
        #expect(!Clutter.isClutter("She said he contributed to this report's delay and more."))
    }

    @Test func anOutletAfterANameInCapitalsIsNoPartOfIt() {
        #expect(Clutter.byline("By JANE ROE and MIGUEL SANTOS Associated Press") == "JANE ROE and MIGUEL SANTOS")
        #expect(Clutter.bylineOutlet("By JANE ROE and MIGUEL SANTOS Associated Press") == "Associated Press")
        #expect(Clutter.byline("By JANE ROE") == "JANE ROE")
        #expect(Clutter.byline("By Jane Roe") == "Jane Roe")
        #expect(Clutter.bylineOutlet("By Jane Roe") == nil)
    }
}
