import Foundation

/// Turns the bytes of a file into text, or says why it cannot.
public enum TextDecoding {
    public enum Outcome: Sendable, Equatable {
        case text(String, notes: [String])
        case skipped(String)
    }

    private static let binaryMagic: [[UInt8]] = [
        [0x89, 0x50, 0x4E, 0x47], [0x25, 0x50, 0x44, 0x46], [0x50, 0x4B, 0x03, 0x04],
        [0x47, 0x49, 0x46, 0x38], [0xFF, 0xD8, 0xFF], [0x7F, 0x45, 0x4C, 0x46], [0x1F, 0x8B],
    ]

    public static func decode(_ data: Data) -> Outcome {
        let bytes = [UInt8](data)
        if bytes.isEmpty { return .skipped("empty file") }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            return utf16(bytes.dropFirst(2), littleEndian: true)
        }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return utf16(bytes.dropFirst(2), littleEndian: false)
        }
        var body = bytes[...]
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { body = bytes.dropFirst(3) }
        for magic in binaryMagic where body.starts(with: magic) {
            return .skipped("binary file, not text")
        }
        // Text has few control bytes; a file that is mostly NULs and control codes is binary.
        let sample = body.prefix(8192)
        // counted over the bytes in one piece, with no overflow check: a loop the compiler
        // vectorises (a `reduce` over the slice was most of decoding)
        let controls = sample.withUnsafeBufferPointer { bytes in
            var count = 0
            // 0x0E-0x1F by one unsigned comparison
            for b in bytes { count &+= b < 0x09 || b &- 0x0E < 0x12 ? 1 : 0 }
            return count
        }
        if !sample.isEmpty, controls * 10 > sample.count * 3 { return .skipped("binary file, not text") }

        var notes: [String] = []
        // a NUL is looked for by `memchr` first: most files have none, and counting them went
        // through every byte of every file
        let hasNul = body.withUnsafeBytes { $0.baseAddress.map { memchr($0, 0, body.count) != nil } ?? false }
        let nulCount = hasNul ? body.reduce(0) { $0 + ($1 == 0 ? 1 : 0) } : 0
        if nulCount > 0 {
            body = ArraySlice(body.filter { $0 != 0 })
            notes.append("removed \(nulCount) NUL byte\(nulCount == 1 ? "" : "s")")
        }
        let text: String
        if let valid = String(validating: body, as: UTF8.self) {
            text = valid
        } else {
            text = String(decoding: body, as: UTF8.self)
            notes.append("invalid UTF-8, bad bytes shown as \u{FFFD}")
        }
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { return .skipped("empty file") }
        return .text(text, notes: notes)
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> Outcome {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
            i += 2
        }
        var notes = ["decoded from UTF-16"]
        var text = String(decoding: units, as: UTF16.self)
        if text.unicodeScalars.contains("\u{FFFD}") { notes.append("invalid UTF-16, bad units shown as \u{FFFD}") }
        text = text.replacingOccurrences(of: "\0", with: "")
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { return .skipped("empty file") }
        return .text(text, notes: notes)
    }
}
