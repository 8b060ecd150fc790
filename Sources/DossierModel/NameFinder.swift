import Foundation

/// Finds person and organisation candidates in one article by rules and evidence: capitalised
/// chunks, titles peeled off and kept as roles, appositives, speech verbs, given names.
enum NameFinder {
    static let connectors: WordSet = ["of", "the"]
    static let determiners: WordSet = WordList.set("the a an this that these those his her their its our my your whose")

    /// The names of an article's text, window by window (`AnalysisWindows`); token places
    /// count from the text's first token, as if it had been tokenized whole.
    static func find(in text: [Unicode.Scalar], windows: [Range<Int>]) -> ArticleNames {
        guard windows.count > 1 else { return find(in: text, tokens: Tokenizer.tokenize(text)) }
        var all = ArticleNames()
        var base = 0  // tokens in the windows before
        for window in windows {
            let tokens = Tokenizer.tokenize(text, in: window)
            let found = find(in: text, tokens: tokens)
            all.persons += found.persons.map { p in
                var p = p
                p.tokenIndex += base
                p.lastTokenIndex += base
                return p
            }
            all.organizations += found.organizations
            base += tokens.count
        }
        return all
    }

    static func find(in text: [Unicode.Scalar], tokens: [Token]) -> ArticleNames {
        var result = ArticleNames()
        let shouting = shoutingRuns(tokens)
        var i = 0
        // tokens are read in place, not copied: a copy retains and releases its two strings
        while i < tokens.count {
            guard tokens[i].isCapitalized, !shouting.contains(i) else { i += 1; continue }
            let chunk = chunkEnd(from: i, tokens: tokens, shouting: shouting)
            analyze(chunk: i..<chunk, tokens: tokens, text: text, into: &result)
            i = chunk
        }
        findAcronyms(tokens: tokens, shouting: shouting, into: &result)
        findDescribedOutlets(tokens: tokens, text: text, into: &result)
        return result
    }

    /// Runs of three or more ALL-CAPS words are shouting (a tweet quoted in capitals), not names.
    static func shoutingRuns(_ tokens: [Token]) -> Set<Int> {
        var out = Set<Int>()
        var run: [Int] = []
        func flush() { if run.count >= 3 { out.formUnion(run) }; run = [] }
        for i in tokens.indices {
            if tokens[i].isWord, tokens[i].isAllCaps { run.append(i) } else if tokens[i].mark == "," { continue } else { flush() }
        }
        flush()
        return out
    }

    /// Whether a character of `text` is a number. In plain ASCII only a digit is, and the bytes
    /// say so without walking characters (asked of every word of every name).
    static func hasNumber(_ text: String) -> Bool {
        for byte in text.utf8 {
            if byte >= 0x80 { return text.contains(where: \.isNumber) }
            if byte >= 0x30 && byte <= 0x39 { return true }
        }
        return false
    }

    /// The end of the capitalised chunk starting at `start`.
    static func chunkEnd(from start: Int, tokens: [Token], shouting: Set<Int>) -> Int {
        var j = start
        while j < tokens.count {
            let t = tokens[j]
            // `Iranian Students’ News Agency`: a plural possessive inside an organisation's name
            if t.possessive, t.lower.hasSuffix("s") || possessiveInName(t, chunkStart: tokens[start]),
               let orgEnd = possessiveOrgEnd(after: j, tokens: tokens) { j = orgEnd; continue }
            if t.possessive { return j + 1 }
            let next = j + 1
            guard next < tokens.count else { return next }
            let n = tokens[next]
            if n.paragraphStart { return next }
            if n.isCapitalized, !shouting.contains(next) { j = next; continue }
            // `Secretary of State`, `Ministry of the Interior`, `Osama bin Laden`
            if n.isWord, connectors.contains(n.lower) || Titles.particles.contains(n.lower) {
                var k = next + 1
                if n.lower == "of", k < tokens.count, tokens[k].lower == "the" { k += 1 }
                // `Ursula von der Leyen`, `Juan de la Cruz`: particles in a row
                while Titles.particles.contains(n.lower), k < tokens.count, k - next < 3, tokens[k].isWord,
                      Titles.particles.contains(tokens[k].lower) { k += 1 }
                if k < tokens.count, tokens[k].isCapitalized, !tokens[k].paragraphStart, n.lower != "the" { j = k; continue }
            }
            // `Procter & Gamble`, `Florida Power & Light`: a company's ampersand
            if n.mark == "&", t.isCapitalized, next + 1 < tokens.count, tokens[next + 1].isCapitalized,
               !tokens[next + 1].paragraphStart {
                j = next + 1
                continue
            }
            // `(U.S. President Jane) Roe`: a parenthesis closing inside the name
            if n.text == ")", next + 1 < tokens.count, tokens[next + 1].isCapitalized,
               !tokens[next + 1].isAllCaps, t.isCapitalized, !tokens[next + 1].paragraphStart {
                j = next + 1
                continue
            }
            return next
        }
        return j
    }

    /// After `Students’`, the capitalised words up to an organisation head, if they end in one.
    /// A singular possessive that belongs to an organisation's name when an organisation's
    /// head follows: a saint's (`St. Vincent’s Hospital`, `Saint Mary’s College`) or a plural
    /// without an s (`Children’s Hospital`, `People’s Liberation Army`, `Longshoremen’s
    /// Association`). Other owners stay
    /// apart (`Iran’s Foreign Ministry`, `Roe’s company`).
    static func possessiveInName(_ t: Token, chunkStart: Token) -> Bool {
        t.lower.hasSuffix("men") || ["children", "people"].contains(t.lower) || ["st.", "st", "saint"].contains(chunkStart.lower)
    }

    static func possessiveOrgEnd(after j: Int, tokens: [Token]) -> Int? {
        var k = j + 1
        var last: Int?
        while k < tokens.count, tokens[k].isCapitalized, !tokens[k].paragraphStart, k - j <= 4 {
            if Titles.organizationHeads.contains(tokens[k].lower) { last = k }
            if tokens[k].possessive { break }
            k += 1
        }
        return last
    }

    // MARK: - Chunk analysis

    static func analyze(chunk: Range<Int>, tokens: [Token], text: [Unicode.Scalar], into result: inout ArticleNames) {
        var words = Array(chunk).filter { tokens[$0].kind != .punctuation }
        // Sentence-initial function words (`The`, `However`, `Despite`) are no part of a name.
        while let first = words.first, CommonWords.functionWords.contains(tokens[first].lower) || tokens[first].lower == "the" {
            words.removeFirst()
        }
        guard !words.isEmpty else { return }
        let lowers = words.map { tokens[$0].lower }

        // `Dr. Fei-Fei Li of Stanford University`: a person, then where they are from. Split at
        // `of` when a name (not a title: `Secretary of State`) comes before it.
        if let k = lowers.firstIndex(of: "of"), k > 0, k + 1 < words.count {
            let before = lowers[k - 1]
            let titled = Titles.honorifics.contains(lowers[0]) || GivenNames.isGiven(lowers[0])
            if titled, !Titles.honorifics.contains(before), !Titles.roleWords.contains(before),
               !Titles.organizationHeads.contains(before), !Titles.organizationLeads.contains(before),
               titlePhraseLength(Array(lowers[..<k]), at: 0) != k, !Places.isPlace(tokens[words[k - 1]]) {
                analyze(chunk: words[0]..<(words[k - 1] + 1), tokens: tokens, text: text, into: &result)
                analyze(chunk: words[k + 1]..<(words[words.count - 1] + 1), tokens: tokens, text: text, into: &result)
                return
            }
        }

        // `Procter & Gamble`: names joined by an ampersand are a company's
        if chunk.contains(where: { tokens[$0].mark == "&" }), let first = words.first, let end = words.last {
            result.organizations.append(organizationCandidate(tokens[first].start, tokens[end].end, text: text))
            return
        }
        // Organisations: a head word at the end (`News Agency`), or `Ministry of …`.
        if let org = organization(words: words, lowers: lowers, tokens: tokens, text: text) {
            result.organizations.append(org)
            return
        }

        // Peel titles, honorifics and their modifiers off the front.
        var pos = 0
        var nameStart = 0
        var titleStart: Int?
        var gender: Actor.Gender?
        var hasTitle = false
        while pos < words.count {
            if let length = titlePhraseLength(lowers, at: pos) {
                if titleStart == nil { titleStart = pos }
                pos += length
                nameStart = pos
                hasTitle = true
                continue
            }
            let w = lowers[pos]
            if Titles.honorifics.contains(w) || (Titles.roleWords.contains(w) && pos + 1 < words.count) {
                if titleStart == nil { titleStart = pos }
                if ["mr", "mr."].contains(w) { gender = .male }
                if ["mrs", "mrs.", "ms", "ms.", "miss"].contains(w) { gender = .female }
                pos += 1
                nameStart = pos
                hasTitle = true
                continue
            }
            // `of Iranian Republic` after a title, up to the next title: the title's complement.
            if w == "of", hasTitle {
                var k = pos + 1
                while k < words.count, titlePhraseLength(lowers, at: k) == nil, !Titles.honorifics.contains(lowers[k]) { k += 1 }
                if k < words.count { pos = k; continue }
                // `Governor of the Bank of England Andrew Bailey`: with no title after the
                // complement, the name starts at the last known given name, two words or more
                // from the end
                if let given = (pos + 1..<max(pos + 1, words.count - 1)).last(where: { GivenNames.isGiven(lowers[$0]) }) {
                    pos = given
                    nameStart = given
                    break
                }
                return
            }
            // `US`, `Iranian`, `Japanese` before a title
            if Places.isPlace(tokens[words[pos]]), pos + 1 < words.count {
                if titleStart == nil { titleStart = pos }
                pos += 1
                continue
            }
            break
        }
        if !hasTitle { nameStart = 0; titleStart = nil }
        // `Chief Financial Officer Vaibhav Taneja`, `Tesla Chief Executive Elon Musk`: words up to
        // the last title word, with a name after it, are all title.
        if let j = (nameStart..<max(nameStart, words.count - 1)).last(where: { Titles.honorifics.contains(lowers[$0]) || Titles.roleWords.contains(lowers[$0]) }),
           !(nameStart...j).contains(where: { GivenNames.isGiven(lowers[$0]) }) {
            if titleStart == nil { titleStart = nameStart }
            nameStart = j + 1
            hasTitle = true
        }
        let nameWords = Array(words[nameStart...])
        guard !nameWords.isEmpty, nameWords.count <= 5 else { return }
        let nameLowers = nameWords.map { tokens[$0].lower }
        // `Shares of Acme fell`, `Friends of Jane Roe`: no person's name holds `of` once its
        // titles are peeled off; what follows it may be a name of its own
        if let of = nameLowers.firstIndex(of: "of") {
            if of + 1 < nameWords.count {
                analyze(chunk: nameWords[of + 1]..<(nameWords[nameWords.count - 1] + 1), tokens: tokens, text: text, into: &result)
            }
            return
        }
        // `an analyst at Morgan Stanley`, `economists at Capital Economics`: a workplace, not a
        // person, though it be named after people
        if !hasTitle, words[0] >= 2, tokens[words[0] - 1].lower == "at", tokens[words[0] - 2].isWord,
           isRoleWord(tokens[words[0] - 2].lower), nameWords.count <= 3 {
            result.organizations.append(organizationCandidate(tokens[words[0]].start, tokens[words[words.count - 1]].end, text: text))
            return
        }

        // What is no person's name.
        if nameWords.contains(where: { tokens[$0].kind == .number || hasNumber(tokens[$0].text) }) { return }
        if nameWords.contains(where: { tokens[$0].isAllCaps && tokens[$0].text.count > 1 }) { return }
        let joined = nameLowers.joined(separator: " ")
        if Places.phrases.contains(joined) { return }
        let firstIsGiven = GivenNames.isGiven(nameLowers[0]) && nameWords.count >= 2
        if !firstIsGiven {
            if nameWords.contains(where: { Places.isPlace(tokens[$0]) || CommonWords.monthsAndDays.contains(tokens[$0].lower) }) { return }
            if nameLowers.allSatisfy({ CommonWords.nonNames.contains($0) || Titles.roleWords.contains($0) || connectors.contains($0) }) { return }
            if nameWords.count == 1, CommonWords.nonNames.contains(nameLowers[0]) { return }
        }
        if nameLowers.contains(where: { Titles.organizationHeads.contains($0) }) { return }
        if nameWords.count == 1, CommonWords.functionWords.contains(nameLowers[0]) { return }
        // `Officials Were Still Reviewing The Figures`: a Title-Cased phrase after a role word.
        // A name's words are no function words (`were`, `still`), bar its particles (`of`,
        // `bin`); a known given name first vouches for the rest (`Dan Rather`).
        if !firstIsGiven, nameLowers.contains(where: {
            CommonWords.functionWords.contains($0) && !connectors.contains($0) && !Titles.particles.contains($0)
        }) { return }

        let firstName = nameWords[0], lastName = nameWords[nameWords.count - 1]
        var candidate = PersonCandidate(
            name: nameWords.filter { !connectors.contains(tokens[$0].lower) }.map { tokens[$0].text },
            start: tokens[firstName].start, end: tokens[lastName].end,
            tokenIndex: firstName, lastTokenIndex: lastName)
        candidate.gender = gender
        if let ts = titleStart, ts < nameStart {
            let titleFrom = words[ts]
            candidate.titledAlias = Whitespace.normalize(slice(text, tokens[titleFrom].start, tokens[lastName].end)
                .unicodeScalars.map { $0 == "(" || $0 == ")" ? " " : $0 })
            var roleEndIndex = nameStart - 1
            // `Supreme Leader of Iranian Republic Ayatollah`: the honorific is no part of the role
            while roleEndIndex > ts, Titles.courtesy.contains(lowers[roleEndIndex]),
                  titlePhraseLength(lowers, at: roleEndIndex) == nil, roleEndIndex - 1 >= ts { roleEndIndex -= 1 }
            let roleEnd = words[roleEndIndex]
            let role = Whitespace.normalize(slice(text, tokens[titleFrom].start, tokens[roleEnd].end))
            if !["mr.", "mrs.", "ms.", "mr", "mrs", "ms", "dr.", "dr", "miss"].contains(role.lowercased()) { candidate.roles.append(role) }
            candidate.evidence.insert(.title)
        }
        let before = words[0] > 0 ? tokens[words[0] - 1] : nil
        let chunkStartsSentence = tokens[words[0]].sentenceStart

        // A lowercase role word before the chunk: `dictator Lee Jun Un`, `spokesman Reza Kassemi`.
        if let before, before.isWord, Titles.roleWords.contains(before.lower), !before.possessive {
            candidate.evidence.insert(.title)
            if let role = rolePhrase(endingAt: words[0] - 1, tokens: tokens, text: text) { candidate.roles.append(role) }
        }
        // `The ministry’s spokesman, Reza Kasemi, said`: the role before, set off by commas.
        // Not `In a letter to the prime minister, Jane Roe said`: a role that ends a phrase
        // led by a preposition, then a name that speaks, is someone else.
        if let before, before.text == ",", words[0] >= 2, tokens[words[0] - 2].isWord,
           Titles.roleWords.contains(tokens[words[0] - 2].lower) || titlePhraseEnds(at: words[0] - 2, tokens: tokens),
           !tokens[words[0] - 2].possessive,
           lastName + 1 < tokens.count, tokens[lastName + 1].text == ","
            || (SpeechVerbs.strong.contains(tokens[lastName + 1].lower) && !followsPreposition(words[0] - 2, tokens: tokens)) {
            candidate.evidence.insert(.title)
            if let role = rolePhrase(endingAt: words[0] - 2, tokens: tokens, text: text) { candidate.roles.append(role) }
        }
        // `the Roe administration`, `the Vali-e-Faqih regime`: an adjective, not a person.
        if !hasTitle, let before, before.isWord, determiners.contains(before.lower) {
            candidate.modifierUse = true
        }
        if firstIsGiven { candidate.evidence.insert(.givenName) }
        if !hasTitle, nameWords.count == 1, chunkStartsSentence { candidate.ambiguousStart = true }

        // Appositive: `X, the deputy speaker of Iran’s parliament, said`
        if let role = appositiveRole(after: lastName, tokens: tokens, text: text) {
            candidate.evidence.insert(.appositive)
            candidate.roles.append(role)
        }
        // Speech verbs on either side, and `according to X`.
        if !tokens[lastName].possessive, let verb = verbAfter(lastName, tokens: tokens) {
            if SpeechVerbs.strong.contains(verb) { candidate.evidence.insert(.speech) }
            // companies report and announce too: for a single word only thinking and feeling count
            if SpeechVerbs.cognition.contains(verb) || (SpeechVerbs.strong.contains(verb) && nameWords.count >= 2) {
                candidate.evidence.insert(.humanVerb)
            }
            // `Declan Rice headed the winner`: a full name as the subject of a past-tense verb
            if nameWords.count >= 2, verb.count > 4, verb.hasSuffix("ed") { candidate.evidence.insert(.humanVerb) }
        }
        // `Saka, 23, has scored`: an age set off by commas
        if lastName + 3 < tokens.count, tokens[lastName + 1].text == ",", tokens[lastName + 2].kind == .number,
           tokens[lastName + 2].text.count <= 3, tokens[lastName + 3].text == "," {
            candidate.evidence.insert(.appositive)
        }
        if let before, before.isWord, ["said", "says", "added", "told", "wrote", "asked", "noted", "explained", "continued"].contains(before.lower) {
            candidate.evidence.insert(.speech)
        }
        if words[0] >= 2, tokens[words[0] - 1].lower == "to", tokens[words[0] - 2].lower == "according" {
            candidate.evidence.insert(.speech)
        }
        result.persons.append(candidate)
    }

    static let prepositions: WordSet = WordList.set("to with from for by against toward towards at on about like than into")

    /// Whether the role word at `index` ends a phrase led by a preposition (`to the prime
    /// minister`, `for governor`), with at most two words between the preposition or its
    /// article and it.
    static func followsPreposition(_ index: Int, tokens: [Token]) -> Bool {
        var k = index - 1
        while k >= 0, index - k <= 3, tokens[k].isWord {
            if prepositions.contains(tokens[k].lower) { return true }
            if determiners.contains(tokens[k].lower) {
                return k > 0 && tokens[k - 1].isWord && prepositions.contains(tokens[k - 1].lower)
            }
            k -= 1
        }
        return false
    }

    /// Whether a whole title phrase ends at token `index` (`the chief executive, Jane Roe,`).
    static func titlePhraseEnds(at index: Int, tokens: [Token]) -> Bool {
        guard let candidates = Titles.phrasesByLastWord[tokens[index].lower] else { return false }
        return candidates.contains { phrase in
            phrase.count <= index + 1 && zip(phrase.reversed(), tokens[...index].reversed()).allSatisfy { $0 == $1.lower }
        }
    }

    /// A role word, or its plural (`analysts`, `economists`).
    static func isRoleWord(_ lower: String) -> Bool {
        Titles.roleWords.contains(lower) || (lower.hasSuffix("s") && Titles.roleWords.contains(String(lower.dropLast())))
    }

    static func slice(_ text: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        let from = max(0, start), to = min(end, text.count)
        return from < to ? Tokenizer.string(text, from, to) : ""
    }

    /// Length of a multi-word title at `pos` (`secretary of state`), longest first.
    static func titlePhraseLength(_ lowers: [String], at pos: Int) -> Int? {
        guard pos < lowers.count, let candidates = Titles.phrasesByFirstWord[lowers[pos]] else { return nil }
        var best: Int?
        for phrase in candidates where phrase.count <= lowers.count - pos && phrase.count > (best ?? 0) {
            if lowers[pos..<(pos + phrase.count)].elementsEqual(phrase) { best = phrase.count }
        }
        return best
    }

    /// The first verb after a name, past up to two adverbs and a bracketed aside.
    static func verbAfter(_ index: Int, tokens: [Token]) -> String? {
        var k = index + 1
        var skipped = 0
        while k < tokens.count, skipped < 3 {
            let t = tokens[k]
            if t.isWord, SpeechVerbs.adverbs.contains(t.lower) { k += 1; skipped += 1; continue }
            if t.isWord { return t.isCapitalized && !t.sentenceStart ? nil : t.lower }
            return nil
        }
        return nil
    }

    /// `, the director of the Iran Project at the International Crisis Group,`: the role, when the
    /// appositive holds a role word near its head.
    static func appositiveRole(after index: Int, tokens: [Token], text: [Unicode.Scalar]) -> String? {
        guard index + 2 < tokens.count, tokens[index + 1].text == ",", !tokens[index].possessive else { return nil }
        var k = index + 2
        var first = k
        if tokens[k].isWord, ["the", "a", "an"].contains(tokens[k].lower) { k += 1; first = k }
        var end = k
        var sawRole = false
        var count = 0
        while end < tokens.count, count < 16 {
            let t = tokens[end]
            if t.kind == .punctuation, [",", ".", ";", ":", "“", "”", "\"", "(", ")", "—", "–"].contains(t.mark) { break }
            if t.isWord, SpeechVerbs.strong.contains(t.lower), count > 0 { break }
            // The head is in the first few words: `a senior Iranian mullah close to …`
            if count < 6, t.isWord, Titles.roleWords.contains(t.lower) || Titles.honorifics.contains(t.lower) && t.isCapitalized,
               !t.possessive {
                sawRole = true
            }
            end += 1
            count += 1
        }
        guard sawRole, end > first else { return nil }
        // `Jane Roe, said the mayor would …`: a clause, not an appositive
        if tokens[first].isWord, SpeechVerbs.strong.contains(tokens[first].lower) || SpeechVerbs.cognition.contains(tokens[first].lower) {
            return nil
        }
        // `Roe, Doe and … spokesman X`: a list of names, not an appositive. A capitalised
        // first word must be a title or an owner (`Iran’s Foreign Ministry spokesman`).
        let head = tokens[first]
        if head.isCapitalized, !head.possessive, !Titles.honorifics.contains(head.lower),
           !Titles.roleWords.contains(head.lower), !["first", "second", "third", "former", "senior"].contains(head.lower),
           titlePhraseLength([head.lower] + (first + 1 < tokens.count ? [tokens[first + 1].lower] : []), at: 0) == nil,
           !Places.isPlace(head) {
            return nil
        }
        guard !tokens[first].isWord || !CommonWords.functionWords.contains(tokens[first].lower) || ["first", "second"].contains(tokens[first].lower) else { return nil }
        return Whitespace.trimmed(Whitespace.normalize(slice(text, tokens[first].start, tokens[end - 1].end))) {
            $0 == "," || $0 == "." || $0 == ";" || $0 == ":" || $0 == " "
        }
    }

    /// `Iranian foreign minister`, `North Korean dictator`: the words before a role word, back to
    /// a determiner, preposition or punctuation.
    static func rolePhrase(endingAt index: Int, tokens: [Token], text: [Unicode.Scalar]) -> String? {
        var k = index
        var count = 0
        while k - 1 >= 0, count < 4 {
            let t = tokens[k - 1]
            // `Florida Power & Light spokesman`: an ampersand between capitalised words
            if t.mark == "&", k - 2 >= 0, tokens[k - 2].isCapitalized, tokens[k].isCapitalized {
                k -= 1
                continue
            }
            guard t.isWord, !t.possessive, !CommonWords.functionWords.contains(t.lower),
                  !SpeechVerbs.strong.contains(t.lower), !SpeechVerbs.cognition.contains(t.lower) else { break }
            if tokens[k].paragraphStart { break }
            k -= 1
            count += 1
        }
        return Whitespace.normalize(slice(text, tokens[k].start, tokens[index].end))
    }

    /// The organisation named by the text from `start` to `end` (scalars).
    static func organizationCandidate(_ start: Int, _ end: Int, text: [Unicode.Scalar]) -> OrganizationCandidate {
        OrganizationCandidate(name: Whitespace.normalize(slice(text, start, end)), start: start, end: end, acronym: nil, isAcronym: false)
    }

    /// A chunk naming an organisation.
    static func organization(words: [Int], lowers: [String], tokens: [Token], text: [Unicode.Scalar]) -> OrganizationCandidate? {
        guard let last = lowers.last else { return nil }
        // `Ministry of …`, and `Massachusetts Institute of Technology`, `Federal Bureau of
        // Investigation`: a lead and `of` after words that are no title (`Governor of the Bank
        // of England` is a person's title)
        let leadOf = lowers.count >= 3 && (1..<(lowers.count - 1)).contains { k in
            lowers[k] == "of" && Titles.organizationLeads.contains(lowers[k - 1])
                && lowers[..<(k - 1)].allSatisfy { !Titles.roleWords.contains($0) && !Titles.honorifics.contains($0) && $0 != "of" }
        }
        let headed = Titles.organizationHeads.contains(last) && words.count >= 2
        guard leadOf || headed else { return nil }
        // `Foreign Minister` is a title, not the ministry
        if titlePhraseLength(lowers, at: 0) == words.count { return nil }
        let end = words[words.count - 1]
        var org = organizationCandidate(tokens[words[0]].start, tokens[end].end, text: text)
        // `… Agency (ENA)` or `… or ENA`
        var k = end + 1
        if k < tokens.count, tokens[k].text == "(" || tokens[k].lower == "or" { k += 1 }
        if k < tokens.count, k > end + 1, tokens[k].isAllCaps, tokens[k].text.count <= 8,
           Acronyms.matches(tokens[k].text, longForm: org.name) {
            org.acronym = tokens[k].text
        }
        return org
    }

    static let outletNouns: WordSet = WordList.set("""
    site website newspaper daily paper outlet broadcaster channel magazine portal blog agency weekly tabloid
    """)

    /// `The Iranian diplomacy site, close to …, said:`: an outlet described rather than named, as
    /// the subject of its sentence.
    static func findDescribedOutlets(tokens: [Token], text: [Unicode.Scalar], into result: inout ArticleNames) {
        for i in tokens.indices where tokens[i].sentenceStart && tokens[i].lower == "the" {
            var j = i + 1
            var capitals = 0, lowers = 0
            while j < tokens.count, tokens[j].isCapitalized, capitals < 3, !CommonWords.functionWords.contains(tokens[j].lower) {
                capitals += 1; j += 1
            }
            guard capitals > 0 else { continue }
            while j < tokens.count, tokens[j].isWord, !tokens[j].isCapitalized, !outletNouns.contains(tokens[j].lower),
                  !CommonWords.functionWords.contains(tokens[j].lower), lowers < 2 { lowers += 1; j += 1 }
            guard j + 1 < tokens.count, outletNouns.contains(tokens[j].lower), !tokens[j].possessive else { continue }
            let next = tokens[j + 1]
            guard next.text == "," || (next.isWord && SpeechVerbs.strong.contains(next.lower)) else { continue }
            // a named organisation found by its head word already covers it
            guard !result.organizations.contains(where: { $0.start == tokens[i + 1].start }) else { continue }
            result.organizations.append(OrganizationCandidate(
                name: Whitespace.normalize(slice(text, tokens[i + 1].start, tokens[j].end)),
                start: tokens[i + 1].start, end: tokens[j].end, acronym: nil, isAcronym: false))
        }
    }

    /// ALL-CAPS words that may name an organisation (`ENA`, `AFP`, `CNBC`).
    static func findAcronyms(tokens: [Token], shouting: Set<Int>, into result: inout ArticleNames) {
        for i in tokens.indices where tokens[i].isWord && tokens[i].isAllCaps && !shouting.contains(i) {
            let t = tokens[i]
            let letters = t.text.filter { $0 != "." }
            guard (2...8).contains(letters.count), !t.text.contains("."), !Places.words.contains(t.lower),
                  !["I", "II", "III", "IV", "OK", "TV", "AM", "PM", "CEO", "GDP", "AI"].contains(t.text) else { continue }
            var org = OrganizationCandidate(name: t.text, start: t.start, end: t.end, acronym: nil, isAcronym: true)
            let before = i > 0 ? tokens[i - 1].lower : ""
            let before2 = i > 1 ? tokens[i - 2].lower : ""
            // `Agency (ENA)`: defined after a capitalised name; not after a common noun or a
            // species (`Staphylococcus aureus (MRSA)`)
            let definedAfterName = before == "(" && i > 1 && tokens[i - 2].isCapitalized
            if (before == "to" && before2 == "according") || before == "on" || before == "by" || definedAfterName || before == "or" {
                org.acronymCue = true
            }
            if let verb = verbAfter(i, tokens: tokens), SpeechVerbs.strong.contains(verb) { org.acronymCue = true }
            result.organizations.append(org)
        }
        // `Harakat-e-Azadi or HEA`: a capitalised word defined by the acronym after it.
        for i in tokens.indices where i >= 2 && tokens[i].isWord && tokens[i].isAllCaps {
            let t = tokens[i]
            guard tokens[i - 1].lower == "or" || tokens[i - 1].text == "(" else { continue }
            let long = tokens[i - 2]
            guard long.isCapitalized, !long.isAllCaps, Acronyms.matches(t.text, longForm: long.text) else { continue }
            result.organizations.append(OrganizationCandidate(name: long.text, start: long.start, end: long.end,
                                                              acronym: t.text, isAcronym: false))
        }
    }
}

enum Acronyms {
    /// Whether `acronym`'s letters are the initials of `longForm`'s words (hyphen parts count;
    /// `of`, `and`, `the` may be skipped).
    static func matches(_ acronym: String, longForm: String) -> Bool {
        let letters = Array(acronym.lowercased().filter(\.isLetter))
        let parts = longForm.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "/" })
        let initials = parts.compactMap { $0.first.map { Character($0.lowercased()) } }
        let significant = parts.filter { !["of", "and", "the", "for"].contains($0.lowercased()) }
            .compactMap { $0.first.map { Character($0.lowercased()) } }
        return letters.count >= 2 && (letters == initials || letters == significant)
    }
}
