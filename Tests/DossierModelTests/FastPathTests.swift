@testable import DossierModel
import Testing

/// Fast paths must agree with the plain code they stand in for, on any text.
@Suite struct FastPathAgreement {
    static let pieces = ["a", "Bc", " ", "  ", "\t", "\n", "\r", "\r\n", "\u{00A0}", "\u{2003}", "\u{3000}", "\u{200B}",
                         "é", "e\u{301}", "’", "—", "中文", "👍🏽", "\u{10FFFF}", "ß", ".", "x y"]

    static func randomText(_ rng: inout SplitMix) -> String {
        (0..<Int(rng.next() % 12)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
    }

    @Test func normalisingAnArraySliceMatchesTheGenericPath() {
        var rng = SplitMix(seed: 5)
        for _ in 0..<3000 {
            let scalars = Array(Self.randomText(&rng).unicodeScalars)
            let cut = scalars.isEmpty ? 0 : Int(rng.next() % UInt64(scalars.count))
            let slice = scalars[cut...]
            let generic = Whitespace.normalize(AnySequence(slice))
            #expect(Whitespace.normalize(slice) == generic)
            #expect(Array(Whitespace.normalize(slice).utf8) == Array(generic.utf8))
        }
    }

    /// Every scalar of ASCII and of General Punctuation, and a sample of the rest, is classed
    /// as Unicode's properties class it.
    @Test func characterClassesAgreeWithUnicodeProperties() {
        let sample = Array(0..<0x3000 as Range<UInt32>) + [0x1D400, 0x1F44D, 0x10FFFF]
        var checked = 0
        for v in sample {
            guard let s = Unicode.Scalar(v) else { continue }
            let p = s.properties
            #expect(CharacterClass.isAlphabetic(s) == p.isAlphabetic, "\(v)")
            #expect(CharacterClass.isUppercase(s) == p.isUppercase, "\(v)")
            #expect(CharacterClass.isLowercase(s) == p.isLowercase, "\(v)")
            #expect(CharacterClass.isDigit(s) == (p.numericType != nil), "\(v)")
            #expect(CharacterClass.isWord(s) == (p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark),
                    "\(v)")
            checked += 1
        }
        #expect(checked > 0x2F00)
        // and a mark there is its own lowercase (the tokenizer does not lowercase it)
        for v in CharacterClass.generalPunctuation {
            #expect(!Unicode.Scalar(v)!.properties.changesWhenLowercased, "\(v)")
        }
    }

    /// The resolver's bucket insert, which looks from the end, puts a value where the first
    /// larger one is, as a scan from the front does.
    @Test func insertingFromTheEndKeepsASortedListSorted() {
        var rng = SplitMix(seed: 13)
        for _ in 0..<2000 {
            let list = (0..<Int(rng.next() % 8)).map { _ in Int(rng.next() % 10) }.sorted()
            let value = Int(rng.next() % 11)
            var fromEnd = list
            fromEnd.insert(value, atPlaceFromEnd: { $0 > value })
            var fromFront = list
            fromFront.insert(value, at: list.firstIndex { $0 > value } ?? list.count)
            #expect(fromEnd == fromFront)
            #expect(fromEnd == (list + [value]).sorted())
        }
    }

    @Test func numbersInAWordAreFoundAsCharactersFindThem() {
        var rng = SplitMix(seed: 17)
        let extra = ["7", "x9", "½", "٣", "Ⅻ", "Roe", "O’Neil", "e\u{301}", "2024"]
        for _ in 0..<3000 {
            let text = Self.randomText(&rng) + extra[Int(rng.next() % UInt64(extra.count))] + Self.randomText(&rng)
            #expect(NameFinder.hasNumber(text) == text.contains(where: \.isNumber), "\(text)")
        }
        #expect(NameFinder.hasNumber("R2D2") && NameFinder.hasNumber("½") && !NameFinder.hasNumber("Roe"))
    }

    /// A date's words in plain ASCII are read by bytes; they are the words characters give.
    @Test func dateWordsByBytesAreTheWordsByCharacters() {
        func byCharacters(_ text: String) -> [String] {
            var out: [String] = [], current = ""
            for c in text {
                if c.isLetter || c.isNumber || (c == "." && !current.isEmpty) { current.append(c) } else if !current.isEmpty {
                    out.append(current); current = ""
                }
            }
            if !current.isEmpty { out.append(current) }
            return out
        }
        let pieces = ["June", "8", ",", " ", "2019", ".", "Aug.", "-", "\r\n", "(", "x", "Z", "@", "0", "é", "—"]
        var rng = SplitMix(seed: 19)
        for _ in 0..<3000 {
            let text = (0..<Int(rng.next() % 10)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            #expect(DateWords.tokenRanges(text).map { String(text[$0]) } == byCharacters(text), "\(text)")
        }
        #expect(DateWords.firstDate(in: "TEHRAN, Aug. 14, 2018 - Talks")?.0 == PartialDate(year: 2018, month: 8, day: 14))
    }

    @Test func wordLimitMatchesCountingSplitWords() {
        var rng = SplitMix(seed: 9)
        for _ in 0..<3000 {
            let text = Self.randomText(&rng) + Self.randomText(&rng)
            let limit = Int(rng.next() % 6)
            #expect(ArticleCleaner.hasAtMost(limit, wordsIn: text) == (text.split(separator: " ").count <= limit), "\(text)")
        }
    }
}

@Suite struct DomainWordAgreement {
    /// The article words gathered for a domain are exactly the article's vocabulary words that
    /// are part of the domain, and they split it as the whole vocabulary does.
    @Test func domainWordsAreTheVocabularyWordsPartOfTheDomain() throws {
        let words = ["harbor", "Harbor", "HARBOR", "times", "evening", "court", "courier", "the", "ledger", "\u{212A}ing",
                     "king", "naïve", "über", "e\u{301}vening", "post", "metro", "capital", "journal", "co", "valley"]
        let separators = [" ", ", ", "-", "’", "\n", " 3 ", "\u{00A0}"]
        let domains = ["harbortimes.com", "theeveningcourier.co.uk", "kingledger.org", "metro-post.net", "capitaljournal.com",
                       "naïvetimes.com", "valleyherald.com", "x.com"]
        var rng = SplitMix(seed: 21)
        for _ in 0..<400 {
            let paragraphs = (0..<Int(1 + rng.next() % 3)).map { _ -> Paragraph in
                let text = (0..<Int(rng.next() % 14)).map { _ in
                    words[Int(rng.next() % UInt64(words.count))] + separators[Int(rng.next() % UInt64(separators.count))]
                }.joined()
                return Paragraph(text: text, start: 0, end: 0, sourceStart: 0, sourceEnd: 0)
            }
            var cleaned = CleanedText()
            cleaned.paragraphs = paragraphs
            let vocabulary = MetadataInference.vocabulary(cleaned)
            for domain in domains {
                guard let found = DomainWords.of(paragraphs, partOf: domain) else {
                    #expect(!domain.utf8.allSatisfy { $0 < 0x80 })
                    continue
                }
                #expect(found == vocabulary.filter { domain.contains($0) }, "\(domain) \(paragraphs.map(\.text))")
                #expect(OutletName.fromDomain(domain, extraWords: found) == OutletName.fromDomain(domain, extraWords: vocabulary))
            }
        }
    }
}

@Suite struct ScalarArrayAgreement {
    @Test func decodedScalarsAreTheStringsOwn() {
        var rng = SplitMix(seed: 33)
        for _ in 0..<2000 {
            let text = FastPathAgreement.randomText(&rng) + "\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}" + FastPathAgreement.randomText(&rng)
            #expect(ScalarArray.of(text) == Array(text.unicodeScalars))
        }
        #expect(ScalarArray.of("").isEmpty)
        // a string that is a slice of a larger one
        let long = String(repeating: "ab😀c", count: 50)
        let part = String(long.dropFirst(3).prefix(40))
        #expect(ScalarArray.of(part) == Array(part.unicodeScalars))
    }
}

@Suite struct WordSetAgreement {
    @Test func aWordSetAnswersAsASetOfStrings() {
        let list = ["said", "the", "minister", "ministry", "al-", "é", "e\u{301}t", "naïve", "über", "a", "", "x y"]
        let words = WordSet(list)
        let reference = Set(list)
        var rng = SplitMix(seed: 44)
        let pieces = ["sa", "id", "the", "min", "ister", "istry", "al", "-", "é", "e\u{301}", "t", "naï", "ve", "über", "a", " ",
                      "y", "x", "S", "İ"]
        for _ in 0..<5000 {
            let word = (0..<Int(rng.next() % 4)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            #expect(words.contains(word) == reference.contains(word), "\(Array(word.unicodeScalars))")
        }
        for word in list { #expect(words.contains(word)) }
        #expect(words.contains("\u{00E9}t"))  // the composed spelling of a listed word
        #expect(words.count == reference.count)
        #expect(Set(words) == reference)
        // a table far larger than its first size
        let many = WordSet((0..<5000).map { "w\($0)" })
        #expect((0..<5000).allSatisfy { many.contains("w\($0)") })
        #expect(!many.contains("w5000") && !many.contains("w"))
    }
}

@Suite struct TokenMentionRules {
    @Test func mentionsByTokenAnswerLikeATableForAnyIndex() {
        var byToken = TokenMentions(count: 3)
        let m = ResolvedMention(start: 4, end: 9, actor: 2, token: 1)
        byToken[1] = m
        byToken[7] = m  // outside the tokens: not kept
        #expect(byToken[1] == m)
        #expect(byToken[0] == nil && byToken[2] == nil)
        #expect(byToken[-1] == nil && byToken[3] == nil && byToken[7] == nil)
    }
}

@Suite struct RoleListAgreement {
    /// The plain definition: de-duplicated by lowercase (first spelling kept), roles that end
    /// a longer one dropped, most words first and otherwise in order of first mention.
    static func plain(_ roles: [String]) -> [String] {
        var seen = Set<String>(), out: [String] = []
        for role in roles where seen.insert(role.lowercased()).inserted { out.append(role) }
        out = out.filter { r in !out.contains { $0 != r && $0.lowercased().hasSuffix(" " + r.lowercased()) } }
        return out.enumerated().sorted { a, b in
            let wa = a.element.split(separator: " ").count, wb = b.element.split(separator: " ").count
            return wa != wb ? wa > wb : a.offset < b.offset
        }.map(\.element)
    }

    @Test func orderedRolesAreThePlainDefinitions() {
        let pool = ["President", "president", "US President", "us president", "Foreign Minister", "minister",
                    "Minister", "Deputy Foreign Minister", "spokesman", "Spokesman", "chief executive", "Chief Executive",
                    "the chief executive", "Ōsaka mayor", "ŌSAKA MAYOR", "mayor"]
        var rng = SplitMix(seed: 5)
        for _ in 0..<500 {
            let roles = (0..<Int(rng.next() % 40)).map { _ in pool[Int(rng.next() % UInt64(pool.count))] }
            #expect(RoleList.ordered(roles) == RoleListAgreement.plain(roles), "\(roles)")
        }
    }
}

/// `Clutter.byline` and `Clutter.credit` skip a line whose folded bytes start with no lead, before
/// lowercasing it whole: that skip must never drop a line the lowercased comparison would take.
@Suite struct ClutterLeadAgreement {
    static let leads = Clutter.creditLabels + Clutter.bylineLeads

    @Test func everyLineWhoseLowercaseStartsWithALeadPassesTheByteCheck() {
        let pieces = ["B", "b", "Y", "y", " ", "\u{130}", "\u{212A}", "I", "mage", "MAGE", "Photo", "PHOTO", "e\u{301}",
                      "\u{301}", "Analysis", "by", "BY", ":", "İmage", "ﬁ", "Ⅰ", "Ｂｙ", "Credit", "CREDITS", "Jane Roe"]
        var rng = SplitMix(seed: 11)
        var taken = 0
        for _ in 0..<20_000 {
            var line = (0..<Int(1 + rng.next() % 4)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            if rng.next() % 3 == 0 { line = Self.leads[Int(rng.next() % UInt64(Self.leads.count))].uppercased() + line }
            let lower = line.lowercased()
            for lead in Self.leads where lower.hasPrefix(lead) {
                taken += 1
                #expect(Clutter.startsFolded(line, with: lead), "\(line) / \(lead)")
            }
        }
        #expect(taken > 1000)
    }

    /// The claim the check rests on: a non-ASCII scalar lowercases to an ASCII letter that a lead
    /// has only as `İ` does, followed by a combining mark in the same character.
    @Test func noOtherScalarLowercasesIntoALeadLetter() {
        let leadLetters = Set(Self.leads.joined().unicodeScalars)
        for v in 0x80...0x10FFFF {
            guard let s = Unicode.Scalar(v) else { continue }
            let lowered = Array(s.properties.lowercaseMapping.unicodeScalars)
            guard let first = lowered.first, first.isASCII, leadLetters.contains(first) else { continue }
            #expect(lowered.count > 1 && lowered[1].properties.generalCategory == .nonspacingMark, "\(v)")
        }
    }
}

/// The paragraph builder's cut of a paragraph's ends by bytes gives the characters `suffix` and
/// `prefix` give, whatever joins characters across the cut.
@Suite struct CharacterCutAgreement {
    @Test func cutsByBytesAreCutsByCharacters() {
        let pieces = ["a", "word ", " ", ".", "\r\n", "\r", "\n", "e\u{301}", "\u{301}", "\u{600}", "\u{600}1", "1\u{FE0F}\u{20E3}",
                      "👍🏽", "👨\u{200D}👩", "\u{1F1EB}\u{1F1F7}", "中", "”", String(repeating: "x", count: 7)]
        var rng = SplitMix(seed: 17)
        var fast = 0
        for _ in 0..<4000 {
            let text = (0..<Int(rng.next() % 40)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            let n = Int(rng.next() % 24)
            // by bytes: `==` on strings would let two spellings of one text pass
            #expect(Array(ParagraphBuilder.lastCharacters(text, n).utf8) == Array(text.suffix(n).utf8), "\(text.debugDescription) \(n)")
            #expect(Array(ParagraphBuilder.firstCharacters(text, n).utf8) == Array(text.prefix(n).utf8), "\(text.debugDescription) \(n)")
            if text.utf8.count > n + 1, text.utf8.suffix(n + 1).allSatisfy({ $0 < 0x80 && $0 != 0x0D }) { fast += 1 }
        }
        // the byte path was taken often enough to be tested
        #expect(fast > 200)
    }
}

/// A line's start is matched against the clutter phrases by its first byte, byte by byte: the
/// same answer as comparing its folded head with every phrase.
@Suite struct ClutterPhraseAgreement {
    static func plain(_ line: String) -> Bool {
        let fold = { (b: UInt8) in b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
        let head = Array(line.utf8.prefix(60)).map(fold)
        return Clutter.prefixes.map { Array($0.utf8) }.contains { p in p.count <= head.count && p.elementsEqual(head.prefix(p.count)) }
    }

    @Test func longLinesStartingWithAPhraseAreClutterAsBefore() {
        let tails = [" the rest of a long line that goes on well past forty bytes of text", "", " é", "x"]
        var rng = SplitMix(seed: 23)
        var clutter = 0
        for _ in 0..<3000 {
            let phrase = Clutter.prefixes[Int(rng.next() % UInt64(Clutter.prefixes.count))]
            // the phrase in some case, cut short now and then, then a tail long enough to pass 40 bytes
            var start = rng.next() % 2 == 0 ? phrase.uppercased() : phrase.capitalized
            if rng.next() % 4 == 0 { start = String(start.dropLast(Int(rng.next() % 3) + 1)) }
            let line = start + tails[Int(rng.next() % UInt64(tails.count))] + String(repeating: "z", count: 41)
            #expect(Clutter.isClutter(line) == (line.utf8.count < 400 && Self.plain(line)), "\(line)")
            if Clutter.isClutter(line) { clutter += 1 }
        }
        #expect(clutter > 1000 && clutter < 3000)
    }
}

/// A text's scalars decoded from its bytes, ASCII runs in a loop of their own, are its scalars.
@Suite struct ScalarDecodingAgreement {
    @Test func decodedScalarsAreTheTextsScalars() {
        var rng = SplitMix(seed: 29)
        for _ in 0..<3000 {
            let text = (0..<Int(rng.next() % 6)).map { _ in FastPathAgreement.randomText(&rng) }.joined()
            #expect(ScalarArray.of(text) == Array(text.unicodeScalars), "\(text.debugDescription)")
        }
    }

    /// A sequence cut off by the end of damaged bytes reads as U+FFFD, never past them.
    @Test func aSequenceCutOffAtTheEndIsAReplacement() {
        let bytes = Array(Array("ab“".utf8).dropLast())
        let scalars = bytes.withUnsafeBufferPointer { ScalarArray.of(utf8: $0) }
        #expect(scalars.prefix(2) == ["a", "b"])
        #expect(scalars.dropFirst(2).allSatisfy { $0 == "\u{FFFD}" } && scalars.count > 2)
    }
}

/// Words counted by bytes are the words `split(separator: " ")` finds.
@Suite struct WordCountAgreement {
    @Test func wordCountsAreTheSplitsCounts() {
        let pieces = ["a", "Word", " ", "  ", "\t", "\r\n", " \u{301}", "e\u{301}", "’", "中", "\u{200D}", "-", "9"]
        var rng = SplitMix(seed: 31)
        for _ in 0..<3000 {
            let text = (0..<Int(rng.next() % 16)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            #expect(TextLength.words(text) == text.split(separator: " ").count, "\(text.debugDescription)")
        }
    }
}
