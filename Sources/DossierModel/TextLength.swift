/// Lengths of strings without walking them by grapheme: `String.count` segments characters and
/// `unicodeScalars.count` decodes every scalar, and both were hot in cleaning.
enum TextLength {
    /// Unicode scalars: the UTF-8 bytes that start one.
    static func scalars(_ s: String) -> Int {
        var n = 0
        for b in s.utf8 where b & 0xC0 != 0x80 { n += 1 }
        return n
    }

    /// Characters, as `String.count` counts them; plain ASCII without a carriage return has one
    /// per byte.
    static func characters(_ s: String) -> Int {
        s.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D } ? s.utf8.count : s.count
    }
}

/// A text's Unicode scalars as an array, decoded from its UTF-8 in one pass: `Array(text.
/// unicodeScalars)` walks the text twice (once to count it) and was a few percent of the
/// analysis, which makes this array three times per article.
enum ScalarArray {
    static func of(_ text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { bytes in
            [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { out, count in
                var i = 0, k = 0
                let n = bytes.count
                while i < n {
                    let b0 = UInt32(bytes[i])
                    var v: UInt32
                    if b0 < 0x80 {
                        v = b0; i += 1
                    } else if b0 < 0xE0 {
                        v = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F); i += 2
                    } else if b0 < 0xF0 {
                        v = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F); i += 3
                    } else {
                        v = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                            | UInt32(bytes[i + 3] & 0x3F)
                        i += 4
                    }
                    // a Swift string's UTF-8 is always valid, so every value is a scalar
                    (out.baseAddress! + k).initialize(to: Unicode.Scalar(v) ?? "\u{FFFD}")
                    k += 1
                }
                count = k
            }
        }
    }
}
