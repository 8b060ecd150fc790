import DossierModel
import Foundation

/// libFuzzer entry: the bytes are one article file. They go through decoding, cleaning and
/// metadata, then actors and quotes; every offset the model hands out must point inside the
/// cleaned text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
    guard case .text(let text, _) = TextDecoding.decode(bytes) else { return 0 }
    let article = ArticleBuilder.build(id: "f", file: "f.txt", text: text, markdown: size % 2 == 0, given: GivenMetadata())
    let corpus = Corpus(articles: [article])
    let count = article.text.unicodeScalars.count
    for p in article.paragraphs where !(0 <= p.start && p.start <= p.end && p.end <= count) { fatalError("paragraph out of range") }
    for q in corpus.quotes where !(0 <= q.start && q.start <= q.end && q.end <= count) { fatalError("quote out of range") }
    for a in corpus.actors {
        for m in a.mentions where !(0 <= m.start && m.start <= m.end && m.end <= count) { fatalError("mention out of range") }
    }
    _ = ExportDocument(corpus).json()
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// SwiftPM links an executable's entry point as `<module>_main`; hand over to libFuzzer's driver.
@_cdecl("dossier_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var vector = argv
    return LLVMFuzzerRunDriver(&count, &vector) { data, size in fuzz(data, size) }
}
