// swift-tools-version:6.1
// The fuzz target lives in its own package: it has no `main` of its own (libFuzzer provides
// it), so it must stay out of the main package's ordinary build. Run ./run.sh.
import Foundation
import PackageDescription

// A path dependency is known by its folder's name, whatever the clone is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "DossierFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "dossier-fuzz",
            dependencies: [.product(name: "DossierModel", package: root)],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
