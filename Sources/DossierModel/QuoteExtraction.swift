/// Quotes of one article: spans, kind, speaker, cue and via; then reported speech.
enum QuoteExtraction {
    /// The article's text is split into scalars once, here, and into tokens a window at a time
    /// (`AnalysisWindows`: the whole article, unless it is very long). Quotes come out in the
    /// article's order and numbering: its direct quotes by their marks, then reported speech.
    /// `windowLimit`: scalars a window holds (smaller in tests).
    static func extract(article: Article, actors: [Actor], mentions: [ResolvedMention],
                        windowLimit: Int = AnalysisWindows.limit) -> [Quote] {
        // read from the text's bytes: a text moved to a file (`TextSpill`) stays there
        let scalars = ScalarArray.of(article.body)
        let spans = QuoteSpans.find(in: article, scalars: scalars)
        let slicer = ScalarSlicer(body: article.body, scalars: scalars)
        let windows = AnalysisWindows.of(article, scalars: scalars, limit: windowLimit, keepTogether: spans)
        guard windows.count > 1 else {
            let found = extract(article: article, scalars: scalars, tokens: Tokenizer.tokenize(scalars), spans: spans[...],
                                actors: actors, mentions: mentions, slicer: slicer, reportedNumber: spans.count + 1)
            return found.direct + found.reported
        }
        var direct: [Quote] = [], reported: [Quote] = []
        var base = 0, span = 0, mention = 0
        for window in windows {
            let tokens = Tokenizer.tokenize(scalars, in: window)
            // the window's spans, and its mentions with token places counted from its first token
            let firstSpan = span
            while span < spans.count, spans[span].open < window.upperBound { span += 1 }
            var local: [ResolvedMention] = []
            while mention < mentions.count, mentions[mention].start < window.upperBound {
                var m = mentions[mention]
                m.token = m.token >= 0 ? m.token - base : -1
                if m.start >= window.lowerBound { local.append(m) }
                mention += 1
            }
            let found = extract(article: article, scalars: scalars, tokens: tokens, spans: spans[firstSpan..<span], actors: actors,
                                mentions: local, slicer: slicer, reportedNumber: spans.count + 1 + reported.count)
            direct += found.direct
            reported += found.reported
            base += tokens.count
        }
        return direct + reported
    }

    /// The quotes of `spans` (numbered by their place in the article's spans) and the reported
    /// speech of `tokens`, numbered from `reportedNumber`.
    private static func extract(article: Article, scalars: [Unicode.Scalar], tokens: [Token], spans: ArraySlice<QuoteSpans.Span>,
                                actors: [Actor], mentions: [ResolvedMention], slicer: ScalarSlicer,
                                reportedNumber: Int) -> (direct: [Quote], reported: [Quote]) {
        let ctx = ArticleContext(article: article, scalars: scalars, tokens: tokens, actors: actors, mentions: mentions,
                                 spans: Array(spans))
        var sieves = SpeakerSieves(ctx: ctx)
        var quotes: [Quote] = []
        for (n, span) in zip(spans.indices, spans) {
            let words = slicer.part(span.start, span.end)
            let text = words.substring
            let mark = ctx.tokenIndex(atOrAfter: span.open)
            let before = Array(tokens[max(0, mark - 4)..<min(mark, tokens.count)])
            let cueBefore = before.contains { $0.isWord && (SpeechVerbs.strong.contains($0.lower) || $0.lower == "that") }
            let after = sieves.afterClosingMark(span)
            // `“…,” said one official`: a speech verb just after the mark makes it speech, named
            // speaker or not
            var verbJustAfter = false
            if span.closed {
                var k = ctx.tokenIndex(atOrAfter: span.close + 1), words = 0
                while k < tokens.count, words < 3, !ctx.inQuote[k] {
                    if tokens[k].isWord {
                        if !tokens[k].isCapitalized, SpeechVerbs.strong.contains(tokens[k].lower) { verbJustAfter = true; break }
                        words += 1
                    } else if tokens[k].mark != "," && tokens[k].mark != "”" && tokens[k].mark != "\"" && tokens[k].mark != "’" {
                        break
                    }
                    k += 1
                }
            }
            let kind = QuoteKind.classify(text: text, tokensBefore: before, cueVerbBefore: cueBefore || after != nil || verbJustAfter)

            var speaker: Int?
            var cue: String?
            if let (s, c) = after ?? sieves.beforeOpeningMark(span) {
                speaker = s
                cue = c
            }
            let according = sieves.accordingTo(span)
            var via: String?
            if let according {
                if according.isPerson {
                    if speaker == nil { speaker = according.actor; cue = "according to " + according.text }
                } else if speaker == nil, kind == .speech, ctx.actors[according.actor].kind == .organization,
                          sieves.continuation(span) == nil {
                    speaker = according.actor
                    cue = "according to " + according.text
                } else {
                    via = according.text
                }
            }
            if speaker == nil, kind == .speech, let s = sieves.continuation(span) { speaker = s }
            if speaker == nil, kind == .speech, let s = sieves.onlyPersonInParagraph(span) { speaker = s }
            if let speaker, kind == .speech {
                let position = cue == nil ? mark : max(mark, ctx.tokenIndex(atOrAfter: span.close))
                sieves.attributed.append((position, speaker, ctx.paragraph[min(mark, tokens.count - 1)]))
            }
            quotes.append(Quote(number: n + 1, article: article.id, words: words, start: span.start,
                                end: span.end, kind: kind, speaker: speaker,
                                speakerName: speaker.map { actors[$0].name }, cue: cue, via: via, group: nil))
        }
        return (quotes, ReportedSpeech.find(ctx: ctx, sieves: sieves, slicer: slicer, firstNumber: reportedNumber))
    }
}

/// Clear reported speech without marks: `X said that …`, `X stated that …`,
/// `Jane Roe … revealed on July 18, 2018 that …`.
enum ReportedSpeech {
    static let verbs: WordSet = WordList.set("""
    said says stated states revealed reveals announced announces explained explains noted notes added adds
    argued argues claimed claims warned warns insisted insists told tells declared declares suggested
    suggests emphasized emphasised stressed stresses acknowledged admitted confirmed denied maintained
    """)

    static func find(ctx: ArticleContext, sieves: SpeakerSieves, slicer: ScalarSlicer, firstNumber: Int) -> [Quote] {
        let tokens = ctx.tokens
        var out: [Quote] = []
        var number = firstNumber
        for (s, first) in ctx.sentenceStarts.enumerated() {
            let end = s + 1 < ctx.sentenceStarts.count ? ctx.sentenceStarts[s + 1] : tokens.count
            guard !(first..<end).contains(where: { ctx.inQuote[$0] || tokens[$0].mark == "“" || tokens[$0].mark == "”" || tokens[$0].mark == "\"" }) else { continue }
            guard let v = (first..<end).first(where: { tokens[$0].isWord && verbs.contains(tokens[$0].lower) }),
                  let that = (v + 1..<min(end, v + 10)).first(where: { tokens[$0].lower == "that" }),
                  that + 2 < end else { continue }
            let speaker = sieves.subject(ofVerb: v, sentenceStart: first)?.0
            guard speaker != nil || (first..<v).contains(where: { tokens[$0].isWord && ["official", "officials", "source", "sources", "spokesman", "spokeswoman", "ministry"].contains(tokens[$0].lower) }) else { continue }
            var last = end - 1
            while last > that, tokens[last].kind == .punctuation { last -= 1 }
            let start = tokens[that + 1].start, stop = tokens[last].end
            out.append(Quote(number: number, article: ctx.article.id,
                             words: slicer.part(start, stop), start: start, end: stop, kind: .reported,
                             speaker: speaker, speakerName: speaker.map { ctx.actors[$0].name },
                             cue: ctx.text(v, that + 1), via: nil, group: nil))
            number += 1
        }
        return out
    }
}
