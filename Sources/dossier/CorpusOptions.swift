import ArgumentParser
import DossierModel
import DossierUI
import Foundation

/// `--corpus DIR`, else `$DOSSIER_CORPUS`, else the bundled `seeds/`.
struct CorpusOptions: ParsableArguments {
    @Option(name: .long, help: "Corpus folder (default: $DOSSIER_CORPUS, else the bundled seeds/).")
    var corpus: String?

    @Flag(name: .long, help: "Analyse again without reading or writing the cache ($XDG_CACHE_HOME/dossier).")
    var noCache = false

    /// The cache is on unless `--no-cache` or `DOSSIER_CACHE=off`.
    var useCache: Bool { !noCache && ProcessInfo.processInfo.environment["DOSSIER_CACHE"] != "off" }

    func folder() -> String {
        if let corpus { return corpus }
        if let env = ProcessInfo.processInfo.environment["DOSSIER_CORPUS"], !env.isEmpty { return env }
        return BundledSeeds.folder() ?? "seeds"
    }

    /// Loads the corpus, printing each warning to stderr; exits 66 when there is nothing to read.
    func load() throws -> Corpus {
        let folder = folder()
        let status = LoadStatus()
        defer { status.clear() }
        do {
            let corpus = useCache ? try CorpusCache.load(folder: folder, progress: status.reading).corpus
                : try Corpus.load(folder: folder, progress: status.reading)
            status.clear()
            for warning in corpus.warnings {
                Output.error("warning: \(TerminalSafe.text(warning.description, keepNewlines: false))")
            }
            if corpus.articles.isEmpty { throw CorpusError.empty(folder) }
            ProcessLifetime.keep(corpus)
            return corpus
        } catch let error as CorpusError {
            Output.error("error: \(TerminalSafe.text(error.description, keepNewlines: false))")
            throw ExitCode(66)
        }
    }
}

/// Finds the `seeds/` folder of the source tree `dossier` was built from: beside an ancestor
/// of the running binary (`.build/debug/dossier`), else the tree this file was compiled in,
/// else `./seeds`.
enum BundledSeeds {
    static func folder() -> String? {
        var candidates: [URL] = []
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(dir)
            dir = dir.deletingLastPathComponent()
        }
        // #filePath is Sources/dossier/CorpusOptions.swift: three levels below the package.
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent())
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        for root in candidates {
            let seeds = root.appendingPathComponent("seeds").path
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path),
               FileManager.default.fileExists(atPath: seeds, isDirectory: &isDir), isDir.boolValue {
                return seeds
            }
        }
        return nil
    }
}
