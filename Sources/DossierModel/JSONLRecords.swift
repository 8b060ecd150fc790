import Foundation

/// One article of a `.jsonl` file: the fields common news scrapers export.
struct JSONLRecord: Sendable {
    var line: Int
    var text: String
    var given: GivenMetadata
}

enum JSONLRecords {
    /// The records of a file's lines, in order; `warn` hears each line skipped, in line order.
    /// Lines are parsed on all cores, a block at a time: a feed of 100k articles is often one
    /// file, and one core parsed all of it. `parsed` hears, from the threads that parse them,
    /// how many more lines are done, and of how many.
    static func parse(_ content: String, parsed: (@Sendable (Int, Int) -> Void)? = nil, warn: (String) -> Void) -> [JSONLRecord] {
        // split at the newline byte: split by characters, a `\r\n` is one character and no line
        // of a file with Windows line ends was ever found (its `\r` is trimmed with the spaces)
        let lines = content.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
        let block = 64
        let outcomes = ParallelMap.map(Array(stride(from: 0, to: lines.count, by: block))) { start in
            let range = start..<min(start + block, lines.count)
            defer { parsed?(range.count, lines.count) }
            return range.map { record(lines[$0], number: $0 + 1) }
        }
        var records: [JSONLRecord] = []
        for outcome in outcomes.joined() {
            switch outcome {
            case .record(let r, let note):
                if let note { warn(note) }
                records.append(r)
            case .skipped(let why): warn(why)
            case .blank: break
            }
        }
        return records
    }

    /// What a line gives: a record (with a note on a field it ignored), or why it gave none.
    enum Outcome: Sendable { case record(JSONLRecord, note: String?), skipped(String), blank }

    /// One line: its record, or why it was skipped.
    static func record(_ rawLine: Substring, number: Int) -> Outcome {
        let line = Whitespace.trimmed(rawLine, Whitespace.isSpaceOrNewline)
        if line.isEmpty { return .blank }
        guard let data = line.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data),
              let fields = object as? [String: Any] else {
            return .skipped("line \(number): not a JSON object; skipped")
        }
        guard let text = firstString(fields, ["text", "body", "content", "maintext", "article"]),
              !Whitespace.trimmed(text, Whitespace.isSpaceOrNewline).isEmpty else {
            return .skipped("line \(number): no text, body or content; skipped")
        }
        var author = firstString(fields, ["author", "byline"])
        if author == nil, let list = fields["authors"] as? [Any] {
            let names = list.compactMap { ($0 as? String) ?? (($0 as? [String: Any])?["name"] as? String) }
            if !names.isEmpty { author = names.joined(separator: ", ") }
        }
        var date: PartialDate?
        var dateProblem: String?
        if let raw = firstString(fields, ["date", "published", "publish_date", "date_publish", "published_at", "pubDate"]) {
            date = PartialDate(parsing: raw)
            if date == nil { dateProblem = "line \(number): date '\(raw)' not understood; ignored" }
        }
        var source = firstString(fields, ["source", "source_name", "outlet", "publisher", "site_name", "source_domain"])
        if source == nil, let object = fields["source"] as? [String: Any] { source = object["name"] as? String }
        return .record(JSONLRecord(line: number, text: text, given: GivenMetadata(
            title: firstString(fields, ["title", "headline"]), source: source, author: author,
            date: date, url: firstString(fields, ["url", "link"]))), note: dateProblem)
    }

    private static func firstString(_ fields: [String: Any], _ keys: [String]) -> String? {
        for key in keys {
            if let value = fields[key] as? String {
                let trimmed = Whitespace.trimmed(value, Whitespace.isSpaceOrNewline)
                if !trimmed.isEmpty { return trimmed }
            }
        }
        return nil
    }
}
