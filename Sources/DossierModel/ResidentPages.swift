import Foundation

/// How much of a mapping counts as the process's memory now: its `Rss` line in
/// /proc/self/smaps. For checking that mapped texts, words and filters are let go once read
/// (tests, and the bench's figures); nil where there is no such file.
public enum ResidentPages {
    /// Resident kilobytes of the mapping that holds `address`.
    public static func kilobytes(ofMappingAt address: UnsafeRawPointer) -> Int? {
        // read as a stream: the file reports no size
        guard let handle = FileHandle(forReadingAtPath: "/proc/self/smaps") else { return nil }
        defer { try? handle.close() }
        let smaps = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        let at = UInt(bitPattern: address)
        var inside = false
        for line in smaps.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if let range = fields.first, range.contains("-"), !range.hasSuffix(":") {
                let ends = range.split(separator: "-").compactMap { UInt($0, radix: 16) }
                inside = ends.count == 2 && ends[0] <= at && at < ends[1]
            } else if inside, fields.first == "Rss:", fields.count >= 2 {
                return Int(fields[1])
            }
        }
        return nil
    }
}

extension MappedPages {
    /// Resident kilobytes of its files' mappings (`ResidentPages`), and their sizes.
    public var residentKilobytes: (resident: Int, size: Int) {
        files.reduce((0, 0)) { sum, file in
            guard let base = file.bytes.baseAddress else { return sum }
            return (sum.0 + (ResidentPages.kilobytes(ofMappingAt: base) ?? 0), sum.1 + file.bytes.count / 1024)
        }
    }
}
