import Foundation
import Testing

@Suite struct CommandLine {
    @Test func listPrintsTheSeedsAlignedInDateOrder() {
        let run = Run.dossier("list", "--corpus", Run.seeds)
        #expect(run.status == 0)
        #expect(run.stdout == """
            003_50278eebba9f24ec  2018-07-31  The Wall Street Journal  Iranian Officials Rebuff Trump Meeting Offer
            001_1a5c39e75b87a5a9  2018-08     -                        Is Khamenei Ruling out Dialogue with Trump?
            004_55a2b388bbf5f81d  2018-08-14  Geopolitical Daily       Ayatollah Khamenei: No direct talks with Trump
            002_c0ecdda27fc1ec1f  2019-06-08  PMOI/MEK                 Toxic negotiations and a dead-end for Iran’s regime
            000_121963db264eac04  2019-10     American Thinker         Why Iran's Rouhani refuses to meet with President Trump
            5 articles

            """)
    }

    @Test func theBundledSeedsAreFoundFromAnyFolder() {
        let run = Run.dossier("list", directory: "/")
        #expect(run.status == 0)
        #expect(run.stdout.hasSuffix("5 articles\n"))
    }

    @Test func theEnvironmentNamesTheCorpus() {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("env-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? "Only Story\n\nText.\n".write(to: folder.appendingPathComponent("one.txt"), atomically: true, encoding: .utf8)
        let run = Run.dossier("list", environment: ["DOSSIER_CORPUS": folder.path])
        #expect(run.stdout.contains("Only Story"))
        #expect(run.stdout.hasSuffix("1 article\n"))
    }

    @Test func listFiltersBySourceAndPrintsJSON() throws {
        let run = Run.dossier("list", "--corpus", Run.seeds, "--source", "pmoi/mek", "--json")
        #expect(run.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows.first?["title"] as? String == "Toxic negotiations and a dead-end for Iran’s regime")
    }

    @Test func showPrintsTheHeaderAndReflowedText() {
        let run = Run.dossier("show", "002", "--corpus", Run.seeds)
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "Toxic negotiations and a dead-end for Iran’s regime")
        #expect(lines[1] == "Source: PMOI/MEK · Author: PMOI/MEK · Date: 2019-06-08")
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(!run.stdout.contains("728 x 90"))
        #expect(run.stdout.contains("Iran, June 8, 2019 - Despite repeated remarks"))
    }

    @Test func sourcesCountArticles() {
        let run = Run.dossier("sources", "--corpus", Run.seeds)
        #expect(run.stdout == """
            American Thinker         1
            Geopolitical Daily       1
            PMOI/MEK                 1
            The Wall Street Journal  1
            (unknown)                1

            """)
    }

    @Test func exportIsOneJSONDocumentWithTheContractFields() throws {
        let run = Run.dossier("export", "--format", "json", "--corpus", Run.seeds)
        #expect(run.status == 0)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let articles = try #require(doc["articles"] as? [[String: Any]])
        #expect(articles.count == 5)
        #expect(doc["actors"] is [Any])
        #expect(doc["quotes"] is [Any])
        for article in articles {
            for key in ["id", "file", "title", "source", "author", "date", "url", "paragraphs"] {
                #expect(article.keys.contains(key), "missing \(key)")
            }
            let paragraphs = try #require(article["paragraphs"] as? [[String: Any]])
            var offset = 0
            for p in paragraphs {
                #expect(p["start"] as? Int == offset)
                let text = try #require(p["text"] as? String)
                #expect(p["end"] as? Int == offset + text.unicodeScalars.count)
                offset += text.unicodeScalars.count + 2
            }
        }
    }

    @Test func exitCodesSayWhatWentWrong() {
        let missing = Run.dossier("list", "--corpus", "/no/such/corpus")
        #expect(missing.status == 66)
        #expect(missing.stderr == "dossier: error: corpus folder not found: /no/such/corpus\n")
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        #expect(Run.dossier("list", "--corpus", empty.path).status == 66)
        #expect(Run.dossier("list", "--no-such-flag").status == 64)
        let unknown = Run.dossier("show", "zzz", "--corpus", Run.seeds)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("no article matches 'zzz'"))
    }

    @Test func warningsGoToStderrAndAreCounted() {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("warn-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? "Story\n\nText.\n".write(to: folder.appendingPathComponent("one.txt"), atomically: true, encoding: .utf8)
        #expect(FileManager.default.createFile(atPath: folder.appendingPathComponent("empty.txt").path, contents: Data()))
        let run = Run.dossier("list", "--corpus", folder.path)
        #expect(run.status == 0)
        #expect(run.stderr == "dossier: warning: empty.txt: empty file; skipped\n")
        #expect(run.stdout.hasSuffix("1 article, 1 warning (on stderr)\n"))
    }
}

@Suite struct ActorsCommandLine {
    @Test func actorsAreSortedByMentionsAndFilter() throws {
        let run = Run.dossier("actors", "--corpus", Run.seeds, "--json")
        #expect(run.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        let mentions = rows.compactMap { $0["mentions"] as? Int }
        #expect(mentions == mentions.sorted(by: >))
        #expect(rows.first?["name"] as? String == "Donald Trump")
        let orgs = Run.dossier("actors", "--corpus", Run.seeds, "--kind", "organization", "--source", "The Wall Street Journal")
        #expect(orgs.stdout.contains("Iranian Students’ News Agency"))
        #expect(!orgs.stdout.contains("person "))
        #expect(Run.dossier("actors", "--kind", "animal").status == 64)
    }

    @Test func exportFillsActors() throws {
        let run = Run.dossier("export", "--corpus", Run.seeds)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let actors = try #require(doc["actors"] as? [[String: Any]])
        let khamenei = try #require(actors.first { ($0["name"] as? String) == "Ali Khamenei" })
        #expect((khamenei["articles"] as? [String])?.count == 4)
        #expect((khamenei["roles"] as? [String])?.contains("Supreme Leader") == true)
        for key in ["id", "name", "kind", "aliases", "roles", "articles", "mentions"] { #expect(khamenei.keys.contains(key)) }
    }
}

@Suite struct QuotesCommandLine {
    @Test func quotesFilterByActorSourceAndKind() throws {
        let run = Run.dossier("quotes", "--corpus", Run.seeds, "--actor", "Khatami", "--json")
        #expect(run.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 3)
        #expect(rows.allSatisfy { $0["speaker"] as? String == "Ahmad Khatami" && $0["source"] as? String == "PMOI/MEK" })
        let terms = Run.dossier("quotes", "--corpus", Run.seeds, "--kind", "term")
        #expect(terms.stdout.contains("“cultural penetration”"))
        #expect(!terms.stdout.contains("Khatami"))
        let wsj = Run.dossier("quotes", "--corpus", Run.seeds, "--source", "The Wall Street Journal", "--kind", "speech")
        #expect(wsj.stdout.hasSuffix("8 quotes\n"))
        #expect(Run.dossier("quotes", "--corpus", Run.seeds, "--actor", "Nobody Atall").status == 64)
    }

    @Test func exportFillsQuotesAndKeepsReportedSpeechApart() throws {
        let run = Run.dossier("export", "--corpus", Run.seeds)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let quotes = try #require(doc["quotes"] as? [[String: Any]])
        let reported = try #require(doc["reported"] as? [[String: Any]])
        #expect(quotes.count == 25) // every quotation-mark span of the gold
        #expect(!quotes.contains { $0["kind"] as? String == "reported" })
        #expect(reported.allSatisfy { $0["kind"] as? String == "reported" })
        let actorIds = Set((doc["actors"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
        for q in quotes {
            for key in ["id", "file", "text", "speaker", "speakerName", "kind", "cue", "via", "start", "end"] { #expect(q.keys.contains(key)) }
            if let s = q["speaker"] as? String { #expect(actorIds.contains(s)) }
        }
    }
}
