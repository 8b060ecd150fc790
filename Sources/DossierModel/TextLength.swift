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
