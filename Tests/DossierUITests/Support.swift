import Foundation
import Testing
import DossierModel
@testable import DossierUI

enum Fixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let model: BrowserModel = BrowserModel(corpus: try! Corpus.load(folder: root.appendingPathComponent("seeds").path))

    static func state(_ width: Int = 120, _ height: Int = 40, colors: Capabilities.Colors = .many) -> AppState {
        AppState(model: model, size: Size(width: width, height: height), capabilities: Capabilities(colors: colors, unicode: true))
    }
}

extension AppState {
    /// Feeds keys through `update`: characters of a string, one key each.
    func keys(_ text: String) -> AppState {
        text.reduce(self) { update($0, .key(.char($1))) }
    }
    func key(_ key: Key, times: Int = 1) -> AppState {
        (0..<times).reduce(self) { s, _ in update(s, .key(key)) }
    }
    var screen: Screen { render(self, size: size) }
}

/// Compares a screen with a snapshot file kept in `Snapshots/` (read by eye when first written;
/// a missing file is written and the test fails so that it gets read).
func expectSnapshot(_ screen: Screen, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = Fixture.root.appendingPathComponent("Tests/DossierUITests/Snapshots/\(name).txt")
    let actual = screen.text + "\n"
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("snapshot \(name) recorded; read it and run again", sourceLocation: sourceLocation)
        return
    }
    #expect(actual == expected, "snapshot \(name) differs", sourceLocation: sourceLocation)
}
