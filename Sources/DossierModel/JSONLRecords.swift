import Foundation

/// One article of a `.jsonl` file: the fields common news scrapers export.
struct JSONLRecord {
    var line: Int
    var text: String
    var given: GivenMetadata
}

enum JSONLRecords {
    static func parse(_ content: String, warn: (String) -> Void) -> [JSONLRecord] {
        var records: [JSONLRecord] = []
        var number = 0
        for rawLine in content.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = Whitespace.trimmed(rawLine, Whitespace.isSpaceOrNewline)
            if line.isEmpty { continue }
            guard let data = line.data(using: .utf8),
                  let object = try? JSONSerialization.jsonObject(with: data),
                  let fields = object as? [String: Any] else {
                warn("line \(number): not a JSON object; skipped")
                continue
            }
            guard let text = firstString(fields, ["text", "body", "content", "maintext", "article"]),
                  !Whitespace.trimmed(text, Whitespace.isSpaceOrNewline).isEmpty else {
                warn("line \(number): no text, body or content; skipped")
                continue
            }
            var author = firstString(fields, ["author", "byline"])
            if author == nil, let list = fields["authors"] as? [Any] {
                let names = list.compactMap { ($0 as? String) ?? (($0 as? [String: Any])?["name"] as? String) }
                if !names.isEmpty { author = names.joined(separator: ", ") }
            }
            var date: PartialDate?
            if let raw = firstString(fields, ["date", "published", "publish_date", "date_publish", "published_at", "pubDate"]) {
                date = PartialDate(parsing: raw)
                if date == nil { warn("line \(number): date '\(raw)' not understood; ignored") }
            }
            var source = firstString(fields, ["source", "source_name", "outlet", "publisher", "site_name", "source_domain"])
            if source == nil, let object = fields["source"] as? [String: Any] { source = object["name"] as? String }
            records.append(JSONLRecord(line: number, text: text, given: GivenMetadata(
                title: firstString(fields, ["title", "headline"]), source: source, author: author,
                date: date, url: firstString(fields, ["url", "link"]))))
        }
        return records
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
