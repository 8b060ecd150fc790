/// An article's name candidates in the snapshot's binary form.
///
/// They are kept after the analysis only so that a later run can skip searching an unchanged
/// article for names. As Swift values (arrays of strings per candidate) they were a sixth of an
/// analysis's peak memory; as bytes they take a fraction of that, and are decoded only for the
/// articles a later run takes over.
struct EncodedNames: Sendable {
    let bytes: [UInt8]

    init(_ names: ArticleNames) {
        var w = BinaryWriter()
        w.names(names)
        bytes = w.contents
    }

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// The candidates; nil when the bytes are damaged (the article is then searched again).
    func decoded() -> ArticleNames? {
        bytes.withUnsafeBytes { raw in
            var r = BinaryReader(raw)
            guard let names = try? r.names(), r.atEnd else { return nil }
            return names
        }
    }
}
