import Foundation
import Testing
@testable import DossierModel

/// Business, sport and science reports written for these tests: the rules must hold away from
/// the seeds' subject.
@Suite struct OtherSubjects {
    let corpus: Corpus = {
        let url = Bundle.module.url(forResource: "other", withExtension: nil, subdirectory: "Fixtures")!
        return try! Corpus.load(folder: url.path)
    }()

    func speakers(_ file: String) -> [String?] {
        let id = corpus.articles.first { $0.file == file }!.id
        return corpus.quotes.filter { $0.article == id && $0.kind != .reported }.map { $0.speaker.map { corpus.actors[$0].name } }
    }

    @Test func peopleOfEachReportAreFoundAndNothingElse() {
        let persons = Set(corpus.actors.filter { $0.kind == .person && !$0.isByline }.map(\.name))
        #expect(persons == ["Adam Jonas", "Bukayo Saka", "Elon Musk", "Mikel Arteta", "Nikku Madhusudhan", "Cole Palmer",
                            "Declan Rice", "Enzo Maresca", "Jerome Powell", "Sara Seager", "Vaibhav Taneja",
                            "Kathy Hochul", "Andrea Stewart-Cousins", "Carl Heastie", "Chuck Schumer", "Rob Ortt",
                            "Colette Kress", "Fei-Fei Li", "Jensen Huang", "Stacy Rasgon",
                            "Ursula von der Leyen", "Xi Jinping", "Viktor Orban", "Maria Santos",
                            "Anthony S. Fauci", "George W. Bush", "Michelle Obama", "Priya Nair",
                            "Mara Lindqvist", "Dale Ortiz", "Priya Raman", "Tomás Ferreira", "Gwen Aldridge", "Colin Marsh",
                            "Robert L. Hargrove Jr.", "Nancy Delacroix-Whitfield", "Ken Paxworth", "Amelia Okonkwo",
                            "Tobias Brandt", "Ingrid Solberg",
                            "Helen Carstairs", "Oliver Pembroke", "Samir Haddad", "Fiona McAllister",
                            "Kelly Brennan", "Thomas Whitaker", "Dana Kaplan", "Michelle Wu",
                            "Margrethe Vestby", "Raj Mehta",
                            "Gordon Blake", "Tasha Greene", "Paul Nguyen", "Rosa Jimenez",
                            "Christine Lagarde", "Carsten Brzeski", "Christian Lindner",
                            "Walter Pryce", "Megan Pryce-Holt",
                            "Jonathan Kanter", "Brian Foley", "Harold Daggett", "David Adam",
                            "Andrés Manuel López Obrador", "Mohammed Shia al-Sudani", "Francis", "William",
                            "Yiannis Artopios", "Dimitra Kostaki",
                            "Laura Walton", "Stephen Lecce", "Kevin Doyle", "Doug Ford",
                            "Johnson", "Ian McAulay", "James Bevan", "Jane Lowe", "Bevan-Hart", "Ali",
                            "Sushma Nair", "Bhushan Gagrani", "Eknath Shinde",
                            "Charles Whitfield", "Maria Gonzalez", "Tom Bradley",
                            "Ron DeSanto", "Chris McGrath",
                            "James Collins", "Felix Wong", "Tedros Adhanom Ghebreyesus", "Laura Piddock", "Andrew Bailey",
                            "Sofia Lindgren", "Omar Haddad", "John Strickland"])
        // family name first: `Xi said` is Xi Jinping
        #expect(corpus.person("Xi Jinping")?.mentions.count == 2)
        // a company that "reported" is not a person; a person "of" a university is split from it
        #expect(corpus.organization("Stanford University") != nil)
    }

    @Test func rolesComeFromCompoundTitlesAndAppositives() {
        #expect(corpus.person("Vaibhav Taneja")?.roles.first == "Chief Financial Officer")
        #expect(corpus.person("Enzo Maresca")?.roles.first == "Chelsea manager")
        #expect(corpus.person("Adam Jonas")?.roles.first == "analyst at the bank")
        #expect(corpus.person("Rob Ortt")?.roles.first == "Senate Minority Leader")
        #expect(corpus.person("Carl Heastie")?.roles.first == "Assembly Speaker")
    }

    @Test func everyQuoteHasItsSpeaker() {
        #expect(speakers("sport.txt") == ["Mikel Arteta", "Mikel Arteta", "Enzo Maresca", "Enzo Maresca", "Bukayo Saka"])
        #expect(speakers("science.txt") == ["Nikku Madhusudhan", "Nikku Madhusudhan", "Sara Seager"])
        #expect(speakers("biz.txt") == ["Elon Musk", "Elon Musk", "Vaibhav Taneja", "Adam Jonas"])
        #expect(speakers("state.txt") == ["Kathy Hochul", "Kathy Hochul", "Andrea Stewart-Cousins", "Rob Ortt"])
        #expect(speakers("tech.txt") == ["Jensen Huang", "Stacy Rasgon", "Fei-Fei Li"])
        // an organisation speaks; an unnamed official is no speaker; short quoted fragments after
        // a speech verb are speech
        #expect(speakers("health.txt") == ["Health Ministry", "Priya Nair", "Anthony S. Fauci", nil])
        #expect(corpus.quotes.filter { $0.article == "health" && $0.kind == .term }.isEmpty)
        #expect(speakers("eu.txt") == ["Ursula von der Leyen", "Ursula von der Leyen", "Xi Jinping", "Maria Santos"])
    }

    @Test func companiesAreOrganisationsAndARoleWordIsNoFirstName() {
        // `Halvorsen Motors said`: a company speaking, not a person
        #expect(corpus.organization("Halvorsen Motors") != nil)
        #expect(corpus.organization("Meridian Airlines") != nil)
        #expect(corpus.person("Halvorsen Motors") == nil)
        #expect(speakers("carmaker.txt").contains("Halvorsen Motors"))
        // `Substitute Tomás Ferreira converted …`: a sport's role at a sentence start
        #expect(corpus.person("Tomás Ferreira") != nil)
        #expect(speakers("cupfinal.txt") == ["Tomás Ferreira", "Tomás Ferreira", "Gwen Aldridge", "Colin Marsh", "Colin Marsh"])
    }

    @Test func aTitleBeforeTheNameAfterAQuoteKeepsTheCue() {
        let id = corpus.articles.first { $0.file == "carmaker.txt" }!.id
        let quotes = corpus.quotes.filter { $0.article == id && $0.kind != .reported }
        let byOrtiz = quotes.filter { $0.speaker.map { corpus.actors[$0].name } == "Dale Ortiz" }
        #expect(byOrtiz.map(\.cue) == ["UAW President Dale Ortiz said", "union President Dale Ortiz said"])
        // and a quote whose title-led cue is four words long is speech, not a term
        #expect(byOrtiz.allSatisfy { $0.kind == .speech })
        #expect(speakers("carmaker.txt") == ["Mara Lindqvist", "Mara Lindqvist", "Mara Lindqvist", "Dale Ortiz",
                                              "Halvorsen Motors", "Dale Ortiz"])
    }

    @Test func aSpeechVerbBeforeATitledNameIsTheCue() {
        // `“…,” said lead author Dr. Tobias Brandt of …`
        let id = corpus.articles.first { $0.file == "astronomy.txt" }!.id
        let first = corpus.quotes.first { $0.article == id && $0.kind == .speech }
        #expect(first?.speaker.map { corpus.actors[$0].name } == "Tobias Brandt")
        #expect(first?.cue == "said")
        #expect(speakers("astronomy.txt") == ["Tobias Brandt", "Tobias Brandt", "Ingrid Solberg", "Ingrid Solberg"])
        #expect(speakers("court.txt") == ["Robert L. Hargrove Jr.", "Nancy Delacroix-Whitfield", "Ken Paxworth",
                                           "Amelia Okonkwo", "Amelia Okonkwo"])
    }

    @Test func aRoleThatEndsAPrepositionalPhraseIsNotTheNextNamesRole() {
        // `In a letter to the prime minister, Oliver Pembroke said`
        #expect(corpus.person("Oliver Pembroke")?.roles == [])
        #expect(corpus.person("Helen Carstairs")?.roles == ["Prime Minister"])
        #expect(corpus.person("Fiona McAllister")?.roles == ["deputy"])
        #expect(speakers("resignation.txt") == ["Oliver Pembroke", "Helen Carstairs", "Samir Haddad", "Fiona McAllister"])
    }

    @Test func aSaintsOrAnIrregularPluralsPossessiveStaysInAnOrganisationsName() {
        #expect(corpus.organization("St. Vincent's Hospital") != nil)
        #expect(corpus.person("Vincent") == nil)
        #expect(corpus.organization("Boston Children's Hospital") != nil)
        // a country's ministry: the owner is no part of the name
        #expect(corpus.organization("Foreign Ministry") != nil)
        #expect(corpus.organization("Canada's Foreign Ministry") == nil)
        #expect(speakers("strike.txt") == ["Kelly Brennan", "Kelly Brennan", "Thomas Whitaker", "Dana Kaplan", "Dana Kaplan",
                                            "Michelle Wu"])
    }

    @Test func noPersonIsNamedWithOfAndAWorkplaceIsNoPerson() {
        // `Shares of Quantrix fell`: once `Shares Quantrix`, a person who then spoke for the company
        #expect(!corpus.actors.contains { $0.name.hasPrefix("Shares") })
        // `Analysts at Morgan Stanley said`: a bank named after people
        #expect(corpus.organization("Morgan Stanley") != nil)
        #expect(corpus.person("Morgan Stanley") == nil)
        #expect(speakers("fine.txt") == [nil, "Margrethe Vestby", "Raj Mehta"])
    }

    @Test func aClauseAfterACommaIsNoRoleAndAnUnnamedRoleAfterForIsNobodys() {
        // `Blake's campaign manager, Rosa Jimenez, said the mayor would …`
        #expect(corpus.person("Rosa Jimenez")?.roles == ["campaign manager"])
        // `Asked whether he might run for governor, Blake laughed.`
        #expect(corpus.person("Gordon Blake")?.roles == ["Mayor"])
        // `challenger Tasha Greene`, `Greene, a former school principal,`: she is found, so
        // `she said` is hers, not the mayor's
        #expect(corpus.person("Tasha Greene")?.roles.contains("challenger") == true)
        #expect(speakers("election.txt") == ["Gordon Blake", "Tasha Greene", "Tasha Greene", "Paul Nguyen", "Gordon Blake"])
        let article = corpus.articles.first { $0.file == "election.txt" }
        #expect(article?.author == "Ana Ruiz")
        #expect(article?.source == nil)
        #expect(article?.date?.description == "2025-11-05")
    }

    @Test func aWireCreditLineNamesTheReporterAndGoes() {
        // `(Reporting by Francesco Canepa; Editing by Toby Chopra)`
        let article = corpus.articles.first { $0.file == "rates.txt" }
        #expect(article?.author == "Francesco Canepa")
        #expect(article?.text.contains("Editing by") == false)
        #expect(corpus.actors.first { $0.name == "Francesco Canepa" }?.isByline == true)
        #expect(corpus.person("Toby Chopra") == nil)
        // `— Additional reporting by Sam Ortega`: a helper, no author, and the line goes
        #expect(corpus.articles.first { $0.file == "strike.txt" }?.text.contains("Additional reporting") == false)
        #expect(corpus.person("Sam Ortega") == nil)
        #expect(speakers("rates.txt") == ["Christine Lagarde", "Christine Lagarde", "Christine Lagarde", "Carsten Brzeski",
                                           "Christian Lindner"])
    }

    @Test func aMarkdownBylineAndDateInEmphasisAreRead() {
        let article = corpus.articles.first { $0.file == "lighthouse.md" }
        #expect(article?.title == "The last lighthouse keeper of Fairhaven")
        #expect(article?.author == "Oona Gallagher")
        #expect(article?.date?.description == "2024-03-03")
        #expect(speakers("lighthouse.md") == ["Walter Pryce", "Walter Pryce", "Megan Pryce-Holt", nil, "Walter Pryce"])
    }

    @Test func farmsAndAPluralInMenNameOrganisations() {
        // `Lawyers for Cedar Farms said`: once a person
        #expect(corpus.organization("Cedar Farms") != nil)
        #expect(corpus.person("Cedar Farms") == nil)
        #expect(corpus.organization("International Longshoremen's Association") != nil)
        #expect(corpus.person("Harold Daggett")?.roles == ["president of the International Longshoremen's Association"])
    }

    @Test func anArabicArticleJoinedToANameIsPartOfIt() {
        // `Iraqi Prime Minister Mohammed Shia al-Sudani`, then `al-Sudani told delegates`
        #expect(corpus.person("Mohammed Shia al-Sudani")?.mentions.count == 2)
        #expect(speakers("climate.txt") == ["Francis", "Andrés Manuel López Obrador", "Mohammed Shia al-Sudani", "William"])
        let id = corpus.articles.first { $0.file == "climate.txt" }!.id
        #expect(corpus.quotes.first { $0.article == id && $0.text.hasPrefix("Our rivers") }?.cue == "al-Sudani told")
    }

    @Test func aWebPagesMenuAndLinkListsGoAndItsBylineNamesTheOutlet() {
        let article = corpus.articles.first { $0.file == "wildfire.txt" }
        #expect(article?.title == "Wildfire forces thousands to flee in Greece")
        #expect(article?.author == "Eleni Markou")
        #expect(article?.source == "BBC News")
        #expect(article?.paragraphs.count == 3)
        for gone in ["Read more", "Related Topics", "Wildfires", "More on this story", "What we know"] {
            #expect(article?.text.contains(gone) == false, "\(gone)")
        }
        #expect(speakers("wildfire.txt") == ["Yiannis Artopios", "Yiannis Artopios", "Dimitra Kostaki"])
    }

    @Test func aParagraphQuotedInSingleMarksHasItsQuotes() {
        // `‘I have to take unpaid leave,’ said Kevin Doyle … ‘Nobody asked us.’`
        #expect(speakers("teachers.txt") == ["Laura Walton", "Laura Walton", "Stephen Lecce", "Kevin Doyle", "Kevin Doyle",
                                              "Doug Ford"])
        let id = corpus.articles.first { $0.file == "teachers.txt" }!.id
        #expect(corpus.quotes.contains { $0.article == id && $0.text == "Nobody asked us." && $0.kind == .speech })
    }

    @Test func britishHonorificsWithoutAPeriodAreTitles() {
        // `Mrs Jane Lowe, who swims …`: `Mrs` had been read as a function word and dropped,
        // leaving a name with no evidence, and her quote went to a man
        #expect(corpus.person("Jane Lowe")?.gender == .female)
        #expect(corpus.person("Johnson")?.aliases.contains("Mr Johnson") == true)
        #expect(speakers("sewage.txt") == ["Johnson", "Johnson", nil, "Ian McAulay", "James Bevan", "Jane Lowe"])
    }

    @Test func anOrganisationNamingTheSpeakersPostIsNotTheSpeaker() {
        // `“…,” IMD scientist Sushma Nair said`: hers, not the department's
        let id = corpus.articles.first { $0.file == "monsoon.txt" }!.id
        let first = corpus.quotes.first { $0.article == id && $0.kind == .speech }
        #expect(first?.speaker.map { corpus.actors[$0].name } == "Sushma Nair")
        #expect(first?.cue == "IMD scientist Sushma Nair said")
        #expect(corpus.organization("India Meteorological Department")?.aliases.contains("IMD") == true)
        #expect(speakers("monsoon.txt") == ["Sushma Nair", "Bhushan Gagrani"])
    }

    @Test func theWhiteHouseSpeaksAsAnOrganisation() {
        #expect(corpus.organization("White House") != nil)
        #expect(speakers("stopgap.txt") == ["White House", "Charles Whitfield", "Charles Whitfield", "Maria Gonzalez",
                                             "Charles Whitfield", "Tom Bradley", "Tom Bradley"])
    }

    @Test func anAPStoryLosesItsRuleAndContributorLine() {
        let article = corpus.articles.first { $0.file == "storm.txt" }
        #expect(article?.author == "JANE ROE and MIGUEL SANTOS")
        #expect(article?.source == "AP")
        #expect(article?.paragraphs.count == 3)
        #expect(corpus.person("Kim Lee") == nil)
        // companies with an ampersand, and a role that names one
        #expect(corpus.organization("Florida Power & Light") != nil)
        #expect(corpus.organization("Procter & Gamble") != nil)
        #expect(corpus.person("Chris McGrath")?.roles == ["Florida Power & Light spokesman"])
    }

    @Test func aLeadAndOfInsideAChunkNamesAnOrganisationAndATitlesComplementEndsAtAGivenName() {
        // `Massachusetts Institute of Technology`, then `MIT`
        #expect(corpus.organization("Massachusetts Institute of Technology")?.aliases.contains("MIT") == true)
        // `Staphylococcus aureus (MRSA)`: a species' acronym is no organisation
        #expect(corpus.organization("MRSA") == nil)
        // `Governor of the Bank of England Andrew Bailey said`
        #expect(corpus.person("Andrew Bailey")?.roles == ["Governor of the Bank of England"])
        #expect(speakers("antibiotic.txt") == ["James Collins", "Felix Wong", "Tedros Adhanom Ghebreyesus", "Laura Piddock"])
    }

    @Test func aGivenNameThatIsAlsoACityAndATitleBeforeACommaMakeAPerson() {
        // `the airline's chief executive, Sofia Lindgren, said`: `Sofia` had been read as the
        // city, and `chief executive` was no role word before a comma
        #expect(corpus.person("Sofia Lindgren")?.roles == ["chief executive"])
        // `Passenger Omar Haddad, 34, said`
        #expect(corpus.person("Omar Haddad")?.roles == ["Passenger"])
        #expect(speakers("outage.txt") == ["Sofia Lindgren", "Sofia Lindgren", "Omar Haddad", "Omar Haddad",
                                            "Civil Aviation Authority", "John Strickland"])
    }

    @Test func anAgencyDatelineGivesTheSource() {
        #expect(corpus.articles.first { $0.file == "biz.txt" }?.source == "Reuters")
        #expect(corpus.articles.first { $0.file == "biz.txt" }?.author == "Rebecca Stone")
    }
}
