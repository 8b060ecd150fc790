import Foundation

/// The snapshot's layout: header (magic, rules version, metadata.csv stamps, per file its
/// stamp, digest, article ids and warnings), then the corpus (warnings, articles with their text once
/// and paragraphs as ranges of it, actors, per-article mentions, quotes, search filters (on an
/// eight-byte boundary, to be read in place), name candidates).
/// Actors' mention lists are rebuilt from the per-article ones.
extension CorpusCache {
    /// The snapshot in memory.
    static func encode(_ c: Corpus, loaded: CorpusLoader.Result) -> BinaryWriter {
        var w = BinaryWriter()
        encode(c, loaded: loaded, into: &w)
        return w
    }

    /// The snapshot written into `w` (which may stream it to a file).
    static func encode(_ c: Corpus, loaded: CorpusLoader.Result, into w: inout BinaryWriter) {
        w.string(magic)
        w.int(rulesVersion)
        let slot = w.checksumSlot()
        w.int(loaded.metadataStamps.count)
        for (file, stamp) in loaded.metadataStamps.sorted(by: { $0.key < $1.key }) { w.string(file); w.stamp(stamp) }
        w.int(loaded.files.count)
        for f in loaded.files {
            w.string(f.relative)
            w.stamp(f.stamp)
            w.int(Int(truncatingIfNeeded: f.digest))
            w.strings(f.articleIds)
            w.warnings(f.warnings)
            w.flushWhenFull()
        }
        w.warnings(c.warnings)
        // 256 articles a block (a megabyte of text): blocks of 1,024 grew each thread's heap
        // by 75 MB that stayed, and set the peak of a first open's snapshot at 100k
        w.blocks(c.articles, size: 256) { w, a in
            w.string(a.id); w.string(a.file); w.string(a.title)
            w.optional(a.source); w.optional(a.author)
            // the date as numbers: parsing 100k dates back was a tenth of reopening
            w.optional(a.date?.year); w.optional(a.date?.month); w.optional(a.date?.day)
            w.optional(a.url); w.optional(a.credit)
            w.strings(a.removedLines)
            switch a.body {
            case .held(let text): w.string(text)
            case .mapped(let text): text.withBytes { w.utf8($0) }
            }
            w.int(a.paragraphPlaces.count)
            for p in a.paragraphPlaces {
                w.int(p.start); w.int(p.end); w.int(p.sourceStart); w.int(p.sourceEnd); w.int(p.utf8Count)
            }
        } written: { articles in
            // texts copied from a mapping (a temporary file, the snapshot being replaced): their
            // pages are let go once a block is encoded, with all before them (`MappedStretch`).
            // Only the block's own stretch left the pages its reads brought in around its start,
            // which the block before had let go already: 30 MB at 100k, 64 KB at each block end.
            MappedStretch.letGo(texts: articles.lazy.map(\.body), throughEnd: true)
        }
        MappedStretch.letGo(texts: c.articles.lazy.map(\.body))
        w.blocks(c.actors) { w, a in
            w.string(a.id); w.string(a.name); w.string(a.kind.rawValue); w.strings(a.aliases); w.strings(a.roles)
            w.int(a.articles.count)
            for id in a.articles { w.articleRef(id, c.articleIndex(of: id)) }
            w.optional(a.gender?.rawValue)
        }
        w.blocks(c.mentions) { w, list in
            w.int(list.count)
            for m in list { w.int(m.start); w.int(m.end); w.int(m.actor); w.int(m.token) }
        }
        let actorNames = c.actors.map(\.name)
        // A quote's words are written as their place in the article's text, and its speaker's
        // name not at all when it is the actor's: reading back then makes no string for either.
        w.blocks(c.quotes) { w, q in
            let a = c.articleIndex(of: q.article)
            w.articleRef(q.article, a)
            w.int(q.number)
            if let a, let (from, to) = q.words.utf8Range(in: c.articles[a].body) {
                w.bool(true); w.int(from); w.int(to)
            } else {
                w.bool(false); w.string(String(q.text))
            }
            w.int(q.start); w.int(q.end); w.string(q.kind.rawValue)
            w.optional(q.speaker)
            let named = q.speaker.map { $0 >= 0 && $0 < actorNames.count && q.speakerName == actorNames[$0] } ?? false
            w.bool(named)
            if !named { w.optional(q.speakerName) }
            w.optional(q.cue); w.optional(q.via); w.optional(q.group)
        }
        // The search filters, as their bytes: the browser's own when it made them, else those an
        // earlier snapshot lends and made here for the rest, a few thousand articles at a time (a
        // whole corpus's table is not held for this).
        // Read back, they spare a reopening the work of making them.
        let size = TextFilter.words, filterChunk = 4096
        w.int(size)
        w.int(c.articles.count)
        w.alignToWord()
        for start in stride(from: 0, to: c.articles.count, by: filterChunk) {
            let range = start..<min(start + filterChunk, c.articles.count)
            if let table = c.searchFilters, table.count == c.articles.count {
                table.withRecords(range) { w.words($0) }
                // a table in a mapping (its own temporary file, or the snapshot it was read
                // from): its pages read here are let go
                table.releasePages(range)
            } else if let lent = c.lentFilters, lent.earlierIndex.count == c.articles.count {
                TextFilterTable(articles: c.articles, range: range, lent: lent).withRecords(0..<range.count) { w.words($0) }
            } else {
                TextFilterTable(articles: c.articles[range]).withRecords(0..<range.count) { w.words($0) }
            }
        }
        // name candidates last: a current snapshot stops reading before them
        w.bool(c.names.count == c.articles.count)
        if c.names.count == c.articles.count { w.blocks(c.names) { w, n in n.withBytes { w.raw($0) } } }
        w.sealChecksum(slot)
    }

    /// The snapshot, nil when it was made by other rules; throws when it is damaged.
    /// `isCurrent` judges the header: a current snapshot is read without the name candidates,
    /// which only a new analysis needs.
    static func decode(_ data: Data, isCurrent: @escaping @Sendable (CorpusLoader.Result) -> Bool = { _ in false },
                       searchFilters: Bool = true) throws -> (snapshot: Snapshot, current: Bool)? {
        try data.withUnsafeBytes { try decode(bytes: $0, isCurrent: isCurrent, searchFilters: searchFilters) }
    }

    /// The same from a mapped file, whose pages are let go as they are read.
    static func decode(_ file: MappedFile, isCurrent: @escaping @Sendable (CorpusLoader.Result) -> Bool,
                       searchFilters: Bool) throws -> (snapshot: Snapshot, current: Bool)? {
        guard var decoded = try decode(bytes: file.bytes, isCurrent: isCurrent, searchFilters: searchFilters,
                                       mapping: file, used: { file.release($0) }) else { return nil }
        decoded.snapshot.filterRecords = decoded.snapshot.filterOffset.map {
            FilterRecords(file: file, offset: $0, count: decoded.snapshot.corpus.articles.count)
        }
        return decoded
    }

    static func decode(bytes: UnsafeRawBufferPointer, isCurrent: @escaping @Sendable (CorpusLoader.Result) -> Bool,
                       searchFilters wanted: Bool = true, mapping: MappedFile? = nil,
                       used: (@Sendable (UnsafeRawBufferPointer) -> Void)? = nil) throws -> (snapshot: Snapshot, current: Bool)? {
        var r = BinaryReader(bytes)
        r.used = used
        guard try r.string() == magic else { throw BinaryReader.Corrupt() }
        guard try r.int() == rulesVersion else { return nil }
        // The header is read before the checksum is checked (every read is bounds-checked, and
        // a damaged header is refused with the rest), so that whether the folder still matches
        // it is judged while the checksum is worked out: judged after, it held up reopening.
        let checksumSlot = r.position
        try r.skipChecksum()
        var loaded = CorpusLoader.Result(articles: [], warnings: [])
        for _ in 0..<(try r.count()) { loaded.metadataStamps[try r.string()] = try r.stamp() }
        for _ in 0..<(try r.count()) {
            let relative = try r.string()
            let stamp = try r.stamp()
            let digest = UInt64(truncatingIfNeeded: try r.int())
            loaded.files.append(LoadedFile(relative: relative, stamp: stamp, digest: digest, articleIds: try r.strings(),
                                           warnings: try r.warnings()))
        }
        // whether the folder still matches (a stat of every file) is judged on its own thread
        // while the checksum is worked out and the body read
        let header = loaded
        let judged = Background { isCurrent(header) }
        try r.verifyChecksum(slot: checksumSlot)
        var stored: StoredAnalysis?
        let warnings = try r.warnings()
        let articles = try r.blocks { r in
            let id = try r.string(), file = try r.string(), title = try r.string()
            let source = try r.optionalString(), author = try r.optionalString()
            let year = try r.optionalInt(), month = try r.optionalInt(), day = try r.optionalInt()
            // as stored, even fields a caller set outside the parser's range
            let date = year.map { PartialDate(stored: $0, month: month, day: day) }
            let url = try r.optionalString(), credit = try r.optionalString()
            let removed = try r.strings()
            // a mapped snapshot's text stays there until it is read
            let body: ArticleBody = try mapping.map { .mapped(try r.mappedText(in: $0)) } ?? .held(try r.string())
            let ranges = try (0..<r.count()).map { _ in
                (start: try r.int(), end: try r.int(), sourceStart: try r.int(), sourceEnd: try r.int(), utf8: try r.int())
            }
            guard ranges.allSatisfy({ $0.utf8 >= 0 }),
                  ranges.reduce(0, { $0 + $1.utf8 }) + 2 * max(0, ranges.count - 1) == body.utf8Count else { throw BinaryReader.Corrupt() }
            return Article(restoring: id, file: file, title: title, source: source, author: author,
                           date: date, url: url, credit: credit, body: body,
                           ranges: ranges, removedLines: removed)
        }
        // the articles' places by id, worked out on a thread of its own while the rest is read
        let decoded = articles
        let idIndex = Background { Corpus.idIndex(decoded) }
        var sections = AnalysisSections()
        let analysisStart = r.position
        sections.actors = try r.blockList()
        sections.mentions = try r.blockList()
        sections.quotes = try r.blockList()
        // The search filters: a current snapshot's are read when the caller searches; a stale
        // one's are left where they lie, to be lent to the new corpus (`LentFilters`).
        guard try r.int() == TextFilter.words, try r.count() == articles.count else { throw BinaryReader.Corrupt() }
        try r.alignToWord()
        let filterOffset = r.position, filterWords = articles.count * TextFilter.words
        let filterBytes = UnsafeRawBufferPointer(rebasing: r.bytes[r.position..<min(r.bytes.count, r.position + filterWords * 8)])
        try r.skip(filterWords * 8)
        let namesStart = r.position
        let current = judged.value()
        if try r.bool() { sections.names = try r.blockList() }
        guard r.atEnd else { throw BinaryReader.Corrupt() }
        // Reading a block's counts maps the pages around them too (the kernel's fault-around,
        // 64 KB): 80 MB of a 100k snapshot stayed resident, read for nothing, through the
        // analysis. A stale snapshot's analysis is let go whole (it is read later, a part at a
        // time), a current one's name candidates (never read).
        r.used?(UnsafeRawBufferPointer(rebasing: bytes[(current ? namesStart : analysisStart)...]))
        let corpus: Corpus
        if current {
            var filters: TextFilterTable?
            if wanted {
                // read in place from a mapped snapshot, else copied
                if let mapping, let inPlace = FilterWords(file: mapping, offset: filterOffset, count: filterWords) {
                    filters = TextFilterTable(count: articles.count, words: inPlace)
                } else {
                    let copy = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: filterWords)
                    UnsafeMutableRawBufferPointer(copy).copyMemory(from: filterBytes)
                    filters = TextFilterTable(count: articles.count, words: FilterWords(owning: copy))
                }
            }
            // without the name candidates, which only a new analysis needs
            corpus = try sections.corpus(bytes, used: r.used, articles: articles, warnings: warnings, idIndex: idIndex.value(),
                                         searchFilters: filters, names: false)
        } else {
            // A stale snapshot's analysis stays in its bytes until a new analysis asks for it
            // (`StoredAnalysis`).
            corpus = Corpus(articles: articles, warnings: warnings, actors: [], mentions: [], quotes: [], names: [],
                            idIndex: idIndex.value())
            stored = StoredAnalysis(sections: sections, articles: articles.count, bytes: bytes, mapping: mapping)
        }
        loaded.articles = corpus.articles
        return (Snapshot(corpus: corpus, loaded: loaded, filterOffset: current ? nil : filterOffset, analysis: stored), current)
    }
}

extension BinaryWriter {
    /// Another writer's bytes, after their count.
    mutating func block(_ inner: BinaryWriter) {
        int(inner.count)
        append(inner)
    }

    mutating func stamp(_ s: FileStamp) { int(s.size); int(s.seconds); int(s.nanoseconds) }

    /// An article id as the article's index, so that reading it back shares the article's own
    /// id string; -1 and the id itself when it names no article.
    mutating func articleRef(_ id: String, _ index: Int?) {
        if let index { int(index) } else { int(-1); string(id) }
    }

    mutating func warnings(_ list: [LoadWarning]) {
        int(list.count)
        for x in list { string(x.file); string(x.reason) }
    }

    mutating func names(_ n: ArticleNames) {
        int(n.persons.count)
        for p in n.persons {
            strings(p.name); int(p.start); int(p.end); int(p.tokenIndex); int(p.lastTokenIndex); optional(p.titledAlias)
            strings(p.roles); int(Int(p.evidence.rawValue)); optional(p.gender?.rawValue); bool(p.ambiguousStart); bool(p.modifierUse)
        }
        int(n.organizations.count)
        for o in n.organizations {
            string(o.name); int(o.start); int(o.end); optional(o.acronym); bool(o.isAcronym); bool(o.acronymCue)
        }
    }
}

/// An article's id and text: what a quote read back refers to (the whole article, copied for
/// each of a million quotes, cost a tenth of reopening 100k articles).
typealias ArticleText = (id: String, body: ArticleBody)

extension BinaryReader {
    mutating func stamp() throws -> FileStamp { FileStamp(size: try int(), seconds: try int(), nanoseconds: try int()) }

    /// The article's index (nil when the id names no article) and its id.
    mutating func articleRef(_ articles: [Article]) throws -> (index: Int?, id: String) {
        let i = try int()
        if i == -1 { return (nil, try string()) }
        guard i >= 0, i < articles.count else { throw Corrupt() }
        return (i, articles[i].id)
    }

    /// An actor, with the places of its articles (ascending).
    mutating func actor(_ articles: [Article]) throws -> (Actor, [Int]) {
        let id = try string(), name = try string()
        guard let kind = Actor.Kind(rawValue: try string()) else { throw Corrupt() }
        let aliases = try strings(), roles = try strings()
        let count = try self.count()
        var ids: [String] = [], places: [Int] = []
        ids.reserveCapacity(count)
        places.reserveCapacity(count)
        var ascending = true
        for _ in 0..<count {
            let (index, id) = try articleRef(articles)
            ids.append(id)
            // an id that names no article has no place; the places are the browser's, ascending
            if let index {
                if let last = places.last, last > index { ascending = false }
                places.append(index)
            }
        }
        if !ascending { places.sort() }
        let gender = try optionalString().flatMap(Actor.Gender.init(rawValue:))
        return (Actor(id: id, name: name, kind: kind, aliases: aliases, roles: roles, mentions: [], articles: ids, gender: gender), places)
    }

    /// What attribution reads of an actor of a corpus of `articles` articles, its aliases and
    /// articles passed over.
    mutating func actorFacts(articles: Int) throws -> ActorFacts {
        let id = try string(), name = try string()
        guard let kind = Actor.Kind(rawValue: try string()) else { throw Corrupt() }
        for _ in 0..<(try count()) { try skipString() }
        let roles = try strings()
        for _ in 0..<(try count()) {
            let place = try int()
            if place == -1 { try skipString() } else { guard place >= 0, place < articles else { throw Corrupt() } }
        }
        let gender = try optionalString().flatMap(Actor.Gender.init(rawValue:))
        return ActorFacts(id: id, name: name, kind: kind, gender: gender, roles: roles)
    }

    /// An article's mentions, of `actors` actors.
    mutating func mentions(actors: Int) throws -> [ResolvedMention] {
        try (0..<count()).map { _ in
            let m = ResolvedMention(start: try int(), end: try int(), actor: try int(), token: try int())
            guard m.actor >= 0, m.actor < actors else { throw Corrupt() }
            return m
        }
    }

    /// A quote and its article's place (nil when its id names no article), of `count`
    /// articles; `article` gives the id and text of the one at a place, or nil to pass over its
    /// quotes (read, and given as nil). `actorNames`: the actors' names, which a quote names its
    /// speaker by when they are the same.
    mutating func quote(article: (Int) -> ArticleText?, count: Int, actorNames: [String]) throws -> (place: Int?, quote: Quote?) {
        let place = try int()
        var known: ArticleText?
        let id: String
        if place == -1 {
            id = try string()
        } else {
            guard place >= 0, place < count else { throw Corrupt() }
            known = article(place)
            id = known?.id ?? ""
        }
        let articleIndex = place == -1 ? nil : place
        let number = try int()
        let words: TextPart
        if try bool() {
            let from = try int(), to = try int()
            guard articleIndex != nil else { throw Corrupt() }
            // an article passed over: its quote is read to its end, and not made
            words = try known.map { try BinaryReader.words(from, to, of: $0.body) } ?? .slice("")
        } else {
            words = .slice(Substring(try string()))
        }
        let start = try int(), end = try int()
        guard let kind = Quote.Kind(rawValue: try string()) else { throw Corrupt() }
        let speaker = try optionalInt()
        guard speaker.map({ $0 >= 0 && $0 < actorNames.count }) ?? true else { throw Corrupt() }
        let speakerName = try bool() ? speaker.map { actorNames[$0] } : try optionalString()
        let quote = Quote(number: number, article: id, words: words, start: start, end: end, kind: kind, speaker: speaker,
                          speakerName: speakerName, cue: try optionalString(), via: try optionalString(), group: try optionalInt())
        if articleIndex != nil, known == nil { return (articleIndex, nil) }
        return (articleIndex, quote)
    }

    /// UTF-8 bytes `from..<to` of an article's text, as a quote's words.
    private static func words(_ from: Int, _ to: Int, of body: ArticleBody) throws -> TextPart {
        switch body {
        case .held(let whole):
            guard from >= 0, from <= to, whole.isScalarBoundary(utf8: from), whole.isScalarBoundary(utf8: to) else { throw Corrupt() }
            return .slice(whole.sliceUTF8(from, to))
        case .mapped(let whole):
            // scalar boundaries are checked when the words are read (`MappedText.slice`)
            guard from >= 0, from <= to, to <= whole.count else { throw Corrupt() }
            return .mapped(whole, from: from, to: to)
        }
    }

    mutating func warnings() throws -> [LoadWarning] {
        try (0..<count()).map { _ in LoadWarning(file: try string(), reason: try string()) }
    }

    mutating func names() throws -> ArticleNames {
        var n = ArticleNames()
        for _ in 0..<(try count()) {
            var p = PersonCandidate(name: try strings(), start: try int(), end: try int(), tokenIndex: try int(),
                                    lastTokenIndex: try int(), titledAlias: try optionalString())
            p.roles = try strings()
            let evidence = try int()
            guard (0...255).contains(evidence) else { throw Corrupt() }
            p.evidence = PersonCandidate.Evidence(rawValue: UInt8(evidence))
            p.gender = try optionalString().flatMap(Actor.Gender.init(rawValue:))
            p.ambiguousStart = try bool()
            p.modifierUse = try bool()
            n.persons.append(p)
        }
        for _ in 0..<(try count()) {
            n.organizations.append(OrganizationCandidate(name: try string(), start: try int(), end: try int(),
                                                         acronym: try optionalString(), isAcronym: try bool(),
                                                         acronymCue: try bool()))
        }
        return n
    }
}
