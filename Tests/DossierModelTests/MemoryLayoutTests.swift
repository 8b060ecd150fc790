import Foundation
@testable import DossierModel
import Testing

/// The steps that keep the analysis's memory down must not change what it finds.
@Suite struct MemoryLayoutTests {
    static func quote(_ article: Int, _ n: Int) -> Quote {
        Quote(number: n, article: "a\(article)", text: "words \(n)", start: n, end: n + 1, kind: .speech)
    }

    @Test func quotesCollectedBySlicesKeepArticleAndTextOrder() {
        // article i has i % 4 quotes; slices of 3 cut the corpus at every kind of boundary
        let count = 23
        let expected = (0..<count).flatMap { a in (0..<(a % 4)).map { Self.quote(a, $0) } }
        for slice in [1, 2, 3, 5, 22, 23, 100] {
            let got = QuoteCollection.collect(count: count, slice: slice) { a in (0..<(a % 4)).map { Self.quote(a, $0) } }
            #expect(got == expected, "slice \(slice)")
        }
        #expect(QuoteCollection.collect(count: 0) { _ in [Self.quote(0, 0)] }.isEmpty)
        // a slice of zero or less still makes progress
        #expect(QuoteCollection.collect(count: 3, slice: 0) { a in [Self.quote(a, 0)] }.count == 3)
    }

    @Test func reserveEstimateScalesWithAMarginAndACeiling() {
        // 1,000 quotes in the first 100 of 10,000 articles: 100,000 expected, a half more reserved
        #expect(QuoteCollection.estimate(found: 1000, in: 100, of: 10_000, memory: 1 << 40) == 150_000)
        // the whole corpus in the first slice: exactly what was found
        #expect(QuoteCollection.estimate(found: 7, in: 50, of: 50, memory: 1 << 40) == 7)
        #expect(QuoteCollection.estimate(found: 0, in: 0, of: 50, memory: 1 << 40) == 0)
        // never more than a quarter of memory, never less than what is already there
        let stride = MemoryLayout<Quote>.stride
        #expect(QuoteCollection.estimate(found: 1000, in: 1, of: 1_000_000, memory: UInt64(400 * stride)) == 1000)
        #expect(QuoteCollection.estimate(found: 10, in: 1, of: 1_000_000, memory: UInt64(400 * stride)) == 100)
    }

    @Test func quotesParagraphsAndMentionsHoldTheirNumbersIn32Bits() {
        // a million of each at 100k articles: a field back at 64 bits shows here
        #expect(MemoryLayout<Quote>.stride == 112)
        #expect(MemoryLayout<Paragraph>.stride == 48)
        #expect(MemoryLayout<TextPart>.size <= 25)
        #expect(MemoryLayout<ResolvedMention>.stride == 16)
        #expect(MemoryLayout<PersonCandidate>.stride == 56)
        #expect(MemoryLayout<OrganizationCandidate>.stride == 48)
        #expect(MemoryLayout<CandidateRef>.stride == 8)
        // and the numbers read back as set, nil included; past 32 bits they are clamped
        var q = Self.quote(3, 7)
        q.speaker = 41; q.group = nil; q.start = 1_048_576; q.end = 1_048_581
        #expect(q.speaker == 41)
        #expect(q.group == nil)
        #expect(q.start == 1_048_576)
        #expect(q.end == 1_048_581)
        #expect(q.number == 7)
        q.speaker = nil; q.group = 0
        #expect(q.speaker == nil)
        #expect(q.group == 0)
        q.end = Int.max
        #expect(q.end == Int(Int32.max))
        // an optional's nil is a number no value takes: the lowest values are clamped above it
        q.speaker = Int(Int32.min)
        #expect(q.speaker == Int(Int32.min) + 1)
        q.group = -5
        #expect(q.group == -5)
        // a part of a string reads back as the slice it was made from
        let text = "Zoë said “ça va” twice"
        let slice = text[text.index(text.startIndex, offsetBy: 10)..<text.index(text.startIndex, offsetBy: 15)]
        #expect(TextPart.slice(slice).substring == slice)
        #expect(TextPart.slice(slice).utf8Count == slice.utf8.count)
        #expect(TextPart.slice(text[...]).substring == text[...])
        let p = Paragraph(text: "x", start: 2, end: 3, sourceStart: 10, sourceEnd: 11)
        #expect([p.start, p.end, p.sourceStart, p.sourceEnd] as [Int] == [2, 3, 10, 11])
        #expect(p != Paragraph(text: "x", start: 2, end: 3, sourceStart: 10, sourceEnd: 12))
        let m = ResolvedMention(start: 5, end: 9, actor: 2, token: 1)
        #expect([m.start, m.end, m.actor, m.token] as [Int] == [5, 9, 2, 1])
        #expect(m != ResolvedMention(start: 5, end: 9, actor: 3, token: 1))
    }

    @Test func aTokenTakesSixtyFourBytes() {
        // the one-byte fields pack after the scalar; a reordering that breaks that shows here
        #expect(MemoryLayout<Token>.stride == 64)
    }

    @Test func compactedValuesAreEqualInStorageOfTheirOwn() {
        let long = String(repeating: "Ministry of Foreign Affairs ", count: 3)
        let copy = Compacted.string(long)
        #expect(copy == long)
        var a = long, b = copy
        let shared = a.withUTF8 { x in b.withUTF8 { y in x.baseAddress == y.baseAddress } }
        #expect(!shared)
        #expect(Compacted.string("Roe") == "Roe")
        #expect(Compacted.string("") == "")
        #expect(Compacted.string("Hélène Dupont-Aignan, ministre") == "Hélène Dupont-Aignan, ministre")

        let list = [1, 2, 3]
        let listCopy = Compacted.array(list)
        #expect(listCopy == list)
        let sameStorage = list.withUnsafeBufferPointer { x in listCopy.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }
        #expect(!sameStorage)

        let analysed = corpus("Foreign Minister Jane Roe said: “We will not move on this question at all.”",
                              "Roe, the minister, said the talks would go on.")
        for actor in analysed.actors { #expect(Compacted.actor(actor) == actor) }
    }

    @Test func updatingInPlaceMatchesMapping() {
        for count in [0, 1, 2, 7, 1000] {
            var items = (0..<count).map { i in (0..<(i % 5)).map { Int32($0 * 7 + i) } }
            let expected = items.map { $0.reversed().map { $0 * 2 } as [Int32] }
            ParallelMap.update(&items) { $0.reversed().map { $0 * 2 } }
            #expect(items == expected, "count \(count)")
        }
    }

    @Test func compactedNamesAreTheSameCandidatesWithRepeatsShared() {
        let text = "Foreign Minister Jane Roe spoke. Jane Roe said the talks would go on. Minister Roe left, "
            + "and Roe said nothing. The Daily Planet and the Ministry of Health agreed."
        let scalars = ScalarArray.of(text)
        let found = NameFinder.find(in: scalars, tokens: Tokenizer.tokenize(scalars))
        let compact = found.compacted()
        #expect(compact.persons.count == found.persons.count)
        for (a, b) in zip(found.persons, compact.persons) {
            #expect(a.name == b.name && a.roles == b.roles && a.titledAlias == b.titledAlias)
            #expect(a.start == b.start && a.end == b.end && a.tokenIndex == b.tokenIndex && a.lastTokenIndex == b.lastTokenIndex)
            #expect(a.evidence == b.evidence && a.gender == b.gender && a.ambiguousStart == b.ambiguousStart && a.modifierUse == b.modifierUse)
        }
        #expect(compact.organizations.map(\.name) == found.organizations.map(\.name))
        #expect(compact.organizations.map(\.start) == found.organizations.map(\.start))
        // the two `Jane Roe` candidates hold one array between them
        let janes = compact.persons.filter { $0.name == ["Jane", "Roe"] }
        #expect(janes.count == 2)
        let sharedStorage = janes[0].name.withUnsafeBufferPointer { x in janes[1].name.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }
        #expect(sharedStorage)
    }

    @Test func namesRepeatedAcrossArticlesShareOneListForTheCorpus() {
        // the same people named in 200 articles, compacted on all cores
        let texts = (0..<200).map { i in
            "Foreign Minister Jane Roe met Senator Tomas Reyes in article \(i). Roe said the talks would go on."
        }
        let lists = SharedLists()
        let found = ParallelMap.map(texts) { text in
            let scalars = ScalarArray.of(text)
            return NameFinder.find(in: scalars, tokens: Tokenizer.tokenize(scalars)).compacted(sharing: lists)
        }
        let alone = texts.map { text in
            let scalars = ScalarArray.of(text)
            return NameFinder.find(in: scalars, tokens: Tokenizer.tokenize(scalars)).compacted()
        }
        // the same candidates as each article compacted alone
        for (a, b) in zip(found, alone) {
            #expect(a.persons.map(\.name) == b.persons.map(\.name))
            #expect(a.persons.map(\.roles) == b.persons.map(\.roles))
            #expect(a.persons.map(\.start) == b.persons.map(\.start))
        }
        // and every article's `Jane Roe` is one array, as is every `Foreign Minister` role list
        func storage(_ list: [String]) -> UnsafeRawPointer? { list.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) } }
        let janes = found.flatMap { $0.persons.filter { $0.name == ["Jane", "Roe"] } }
        #expect(janes.count == 200)
        #expect(Set(janes.map { storage($0.name) }).count == 1)
        let roles = found.flatMap { $0.persons.filter { !$0.roles.isEmpty && $0.name == ["Jane", "Roe"] }.map(\.roles) }
        #expect(!roles.isEmpty)
        #expect(Set(roles.map(storage)).count == 1)
        // alone, each article kept its own
        #expect(Set(alone.flatMap { $0.persons.filter { $0.name == ["Jane", "Roe"] } }.map { storage($0.name) }).count == 200)
    }

    @Test func compactedNamesShareRepeatsInLongArticlesToo() {
        // forty people, each named twice: past the first few lists a table finds the repeats
        var persons: [PersonCandidate] = []
        for round in 0..<2 {
            for k in 0..<40 {
                persons.append(PersonCandidate(name: ["Given\(k)", "Family\(k)"], start: round * 1000 + k, end: round * 1000 + k + 1,
                                               tokenIndex: k, lastTokenIndex: k + 1))
            }
        }
        let compact = ArticleNames(persons: persons, organizations: []).compacted()
        #expect(compact.persons.map(\.name) == persons.map(\.name))
        #expect(compact.persons.map(\.start) == persons.map(\.start))
        for k in 0..<40 {
            let a = compact.persons[k].name, b = compact.persons[40 + k].name
            #expect(a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }, "\(k)")
        }
    }

    #if canImport(Glibc)
    @Test func theCLibraryTakesTheHeapSettings() {
        #expect(HeapGrowth.configure())
        #expect(HeapGrowth.arenas >= 2)
    }
    #endif
}

@Suite struct Teardowns {
    /// Knows when it is freed, and on which thread.
    final class Tracked: @unchecked Sendable {
        let log: FreedLog
        init(_ log: FreedLog) { self.log = log }
        deinit { log.note(Thread.isMainThread ? "main" : Thread.current.description) }
    }
    final class FreedLog: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [String] = []
        func note(_ s: String) { lock.withLock { entries.append(s) } }
        var all: [String] { lock.withLock { entries } }
    }

    @Test func aSoleOwnerFreesItsValueOnATeardownThreadAndSettleWaitsForIt() {
        let log = FreedLog()
        let box = SoleOwner((0..<100).map { _ in Tracked(log) })
        #expect(box.held.count == 100)
        #expect(log.all.isEmpty)
        let caller = Thread.current.description
        box.releaseLater()
        Teardown.settle()
        // every value freed by the time settle returns, none on the caller's thread
        #expect(log.all.count == 100)
        #expect(ParallelMap.threads == 1 || !log.all.contains(caller))
        #expect(box.value == nil)
    }
}
