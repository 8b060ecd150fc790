import Foundation
import Testing
@testable import DossierModel

/// The search filters' tests chosen for a query: only those that rule articles out, rarest
/// first, and never one that rules out an article holding the query.
@Suite struct FilterCheckTests {
    /// 2,000 articles that all hold "said the" and "minister"; one in ten holds "quartz", one
    /// holds "zyxw".
    static let texts: [[String]] = (0..<2000).map { i in
        ["Title \(i)", "", "", "The minister said the plan was final\(i % 10 == 0 ? " in quartz" : "")\(i == 777 ? " zyxw" : "")."]
    }
    static let table = TextFilterTable(count: texts.count) { texts[$0] }

    @Test func judgingTheTestsLeavesFewOfAMappedTablesPagesIn() throws {
        // 12,000 records (12 MB) in a temporary file, as a large corpus's table is kept
        let texts = (0..<12_000).map { i in ["Story \(i)", "", "", "The minister said the plan was final \(i)."] }
        let table = TextFilterTable(count: texts.count, spillingFrom: 0) { i, record in TextFilter.fill(record, from: texts[i]) }
        #expect(table.storage.isMapped)
        let base = try #require(UnsafeRawPointer(table.storage.words.baseAddress))
        let size = table.count * TextFilter.words * 8 / 1024
        let checks = FilterChecks(TextSearch.Needle("quartz"), table: table)
        #expect(!checks.tests.isEmpty)
        // one record in eleven was read, each bringing in the 64 KB around it; they were let go
        let resident = try MappedStretchTests.residentKB(of: base)
        #expect(resident <= size / 4, "\(resident) of \(size) KB in")
        // and the records read the same
        #expect((0..<table.count).allSatisfy { !table.mayContain($0, checks) })
    }

    @Test func aQueryEveryArticleHoldsIsTestedOnNothing() {
        // its bytes, pairs and triples are in every record: testing them would rule nothing out
        #expect(FilterChecks(TextSearch.Needle("said the"), table: Self.table).tests.isEmpty)
        #expect(FilterChecks(TextSearch.Needle("MINISTER"), table: Self.table).tests.isEmpty)
        #expect(!FilterChecks.tests(TextSearch.Needle("said the")).isEmpty)
    }

    @Test func theRarestTestComesFirst() {
        let checks = FilterChecks(TextSearch.Needle("quartz zyxw"), table: Self.table)
        #expect(!checks.tests.isEmpty)
        let passes = checks.tests.map { test in
            (0..<Self.table.count).filter { i in Self.table.withRecords(i..<(i + 1)) { $0[test.word] & test.bits == test.bits } }.count
        }
        #expect(passes == passes.sorted(), "\(passes)")
        #expect(passes[0] <= 2)
        // nothing common to every article is left
        #expect(passes.allSatisfy { $0 < Self.texts.count })
    }

    @Test func anArticleHoldingTheQueryIsNeverRuledOut() {
        for query in ["quartz", "in quartz", "zyxw", "final7 in", "Title 12", "said the plan", "QUARTZ.", "the plan was final999"] {
            let needle = TextSearch.Needle(query)
            let checks = FilterChecks(needle, table: Self.table)
            for (i, texts) in Self.texts.enumerated() {
                let holds = texts.contains { TextSearch.contains($0, needle) }
                let kept = Self.table.mayContain(i, checks)
                if holds { #expect(kept, "\(query) ruled out article \(i) that holds it") }
                // the chosen tests are some of the record's: what they rule out, it rules out
                if !kept { #expect(!Self.table.mayContain(i, needle), "\(query) \(i)") }
            }
        }
    }

    @Test func aRareQueryIsRuledOutInNearlyEveryArticle() {
        let checks = FilterChecks(TextSearch.Needle("zyxw"), table: Self.table)
        let kept = (0..<Self.table.count).filter { Self.table.mayContain($0, checks) }
        #expect(kept == [777])
    }

    @Test func aQueryOfOtherLettersIsTestedOnItsPlainRuns() {
        // `é` is not plain: "caf" and "s" are the runs; a straight quote breaks runs too
        let tests = FilterChecks.tests(TextSearch.Needle("cafés"))
        let record = TextFilter(["the café’s menu"]).record
        let kept = record.withUnsafeBufferPointer { r in tests.allSatisfy { r[$0.word] & $0.bits == $0.bits } }
        #expect(kept)
        #expect(FilterChecks.tests(TextSearch.Needle("é")).isEmpty)
    }
}
