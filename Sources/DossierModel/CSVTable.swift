/// RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks.
enum CSVTable {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        while let c = pending {
            pending = iterator.next()
            if inQuotes {
                if c == "\"" {
                    if pending == "\"" { field.unicodeScalars.append("\""); pending = iterator.next() } else { inQuotes = false }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"": inQuotes = true
            case ",": row.append(field); field = ""
            case "\r": continue
            case "\n":
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            default: field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows.filter { !($0.count == 1 && $0[0].isEmpty) }
    }
}

/// `metadata.csv`: `file,title,source,author,date,url`, any column missing or empty.
enum MetadataCSV {
    static func parse(_ text: String, file: String, warn: (String) -> Void) -> [String: GivenMetadata] {
        let rows = CSVTable.parse(text)
        guard let header = rows.first?.map({ Whitespace.trimmed($0).lowercased() }),
              let fileColumn = header.firstIndex(of: "file") else {
            warn("no 'file' column in the header; ignored")
            return [:]
        }
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
        var table: [String: GivenMetadata] = [:]
        for (number, row) in rows.enumerated().dropFirst() {
            func value(_ name: String) -> String? {
                guard let i = column(name), i < row.count else { return nil }
                let v = Whitespace.trimmed(row[i])
                return v.isEmpty ? nil : v
            }
            guard fileColumn < row.count, !row[fileColumn].isEmpty else {
                warn("line \(number + 1): no file named; skipped")
                continue
            }
            var date: PartialDate?
            if let raw = value("date") {
                date = PartialDate(parsing: raw)
                if date == nil { warn("line \(number + 1): date '\(raw)' not understood; ignored") }
            }
            table[Whitespace.trimmed(row[fileColumn])] = GivenMetadata(
                title: value("title"), source: value("source"), author: value("author"), date: date, url: value("url"))
        }
        return table
    }
}
