import Foundation

/// An actor as `export` writes it (filled by actor recognition).
public struct ExportActor: Encodable {
    static func all(_ corpus: Corpus) -> [ExportActor] { [] }
}

/// A quote as `export` writes it (filled by quote extraction).
public struct ExportQuote: Encodable {
    static func all(_ corpus: Corpus) -> [ExportQuote] { [] }
}
