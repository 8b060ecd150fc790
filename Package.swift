// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Dossier",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        .library(name: "DossierModel", targets: ["DossierModel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Pure Swift + Foundation: loading, cleaning, metadata, actors, quotes, search, export.
        .target(name: "DossierModel"),
        // The terminal-free browser: AppState, update, render into a Screen of cells.
        .target(name: "DossierUI", dependencies: ["DossierModel"]),
        // ncursesw with the wide-character API switched on by the shim header.
        .systemLibrary(
            name: "CNCursesW",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .executableTarget(
            name: "dossier",
            dependencies: [
                "DossierModel", "DossierUI", "CNCursesW",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks: `swift build -c release --product dossier-bench`, then run it.
        .executableTarget(name: "dossier-bench", dependencies: ["DossierModel", "DossierUI"]),
        .testTarget(
            name: "DossierModelTests",
            dependencies: ["DossierModel"],
            resources: [.copy("Fixtures")]
        ),
        // the screen snapshots are read from the source tree (`Support.swift`), not as resources
        .testTarget(name: "DossierUITests", dependencies: ["DossierUI", "DossierModel"], exclude: ["Snapshots"]),
        .testTarget(name: "dossierTests", dependencies: ["dossier", "DossierModel"]),
    ]
)
