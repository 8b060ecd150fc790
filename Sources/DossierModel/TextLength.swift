/// Lengths of strings without walking them by grapheme: `String.count` segments characters and
/// `unicodeScalars.count` decodes every scalar, and both were hot in cleaning.
enum TextLength {
    /// Unicode scalars: the UTF-8 bytes that start one.
    static func scalars(_ s: String) -> Int {
        var s = s
        return s.withUTF8 { scalars(in: $0) }
    }

    /// The same for UTF-8 bytes.
    static func scalars(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        // over the bytes in one piece, which the compiler turns into a vector loop
        var n = 0
        for b in bytes where b & 0xC0 != 0x80 { n += 1 }
        return n
    }

    /// Words as `text.split(separator: " ").count` counts them. In plain ASCII a space byte is a
    /// space character (no ASCII scalar extends the one before it), so the words are the runs of
    /// other bytes; any other text is split by character.
    static func words(_ text: String) -> Int {
        var count = 0, inWord = false
        for b in text.utf8 {
            guard b < 0x80 else { return text.split(separator: " ").count }
            if b == 0x20 { inWord = false } else if !inWord { inWord = true; count += 1 }
        }
        return count
    }

    /// Characters, as `String.count` counts them; plain ASCII without a carriage return has one
    /// per byte.
    static func characters(_ s: String) -> Int {
        oneCharacterPerByte(s.utf8) ? s.utf8.count : s.count
    }

    /// Whether each of these bytes is a character of its own: plain ASCII without a carriage
    /// return (which joins the line feed after it). No ASCII scalar extends the one before it,
    /// and no prefix that would join the one after it is ASCII.
    static func oneCharacterPerByte<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
        bytes.allSatisfy { $0 < 0x80 && $0 != 0x0D }
    }
}

/// A text's Unicode scalars as an array, decoded from its UTF-8 in one pass: `Array(text.
/// unicodeScalars)` walks the text twice (once to count it) and was a few percent of the
/// analysis, which makes this array three times per article.
enum ScalarArray {
    static func of(_ text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { of(utf8: $0) }
    }

    /// An article's text as scalars, read from its bytes (a mapped text's string is not made).
    static func of(_ body: ArticleBody) -> [Unicode.Scalar] {
        body.withUTF8 { of(utf8: $0) }
    }

    /// UTF-8 (a Swift string's, or bytes written from one) as scalars. A sequence cut off by
    /// the end (a mapped snapshot damaged in a way its checksum missed) reads as U+FFFD rather
    /// than past the bytes.
    static func of(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar] {
        [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { out, count in
            var i = 0, k = 0
            let n = bytes.count
            guard let to = out.baseAddress, let from = bytes.baseAddress else { count = 0; return }
            while i < n {
                // a run of ASCII, most of a text, in a loop of its own: one byte, one scalar
                while i < n, from[i] < 0x80 {
                    (to + k).initialize(to: Unicode.Scalar(from[i]))
                    i += 1; k += 1
                }
                guard i < n else { break }
                // a lead byte: its sequence, or U+FFFD when the bytes end inside it
                let scalar: Unicode.Scalar
                let b = from[i]
                if i + (b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4) > n {
                    scalar = "\u{FFFD}"; i += 1
                } else {
                    let (decoded, length) = UTF8Scalar.decode(bytes, at: i)
                    scalar = decoded; i += length
                }
                (to + k).initialize(to: scalar)
                k += 1
            }
            count = k
        }
    }
}

/// One scalar from a Swift string's UTF-8, which is always valid.
public enum UTF8Scalar {
    /// The scalar whose bytes start at `i` (a lead byte), and how many bytes it takes.
    @inlinable @inline(__always)
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(bytes[i])
        let v: UInt32, n: Int
        if b0 < 0x80 {
            (v, n) = (b0, 1)
        } else if b0 < 0xE0 {
            (v, n) = ((b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2)
        } else if b0 < 0xF0 {
            (v, n) = ((b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
        } else {
            (v, n) = ((b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                | UInt32(bytes[i + 3] & 0x3F), 4)
        }
        return (Unicode.Scalar(v) ?? "\u{FFFD}", n)
    }
}
