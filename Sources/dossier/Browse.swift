import ArgumentParser
import DossierModel
import DossierUI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct Browse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse", abstract: "Open the terminal browser (the default).",
        discussion: "Needs a terminal; exits 2 otherwise. Press ? inside for the keys.")

    @OptionGroup var corpusOptions: CorpusOptions
    @Option(help: "Open filtered to this source.") var source: String?
    @Option(help: "Open filtered to this actor (name or alias).") var actor: String?

    func run() throws {
        if let why = TerminalSession.refusal() {
            Output.error(why)
            throw ExitCode(2)
        }
        let corpus = try corpusOptions.load()
        let folder = URL(fileURLWithPath: corpusOptions.folder()).standardizedFileURL.lastPathComponent
        let model = BrowserModel(corpus: corpus, name: folder)
        var initialFilters: [Filter] = []
        if let source {
            guard let match = model.sources.first(where: { Corpus.sourceMatches($0.name, source) }) else {
                Output.error("error: no source matches '\(TerminalSafe.text(source, keepNewlines: false))' (see `dossier sources`)")
                throw ExitCode(64)
            }
            initialFilters.append(.sources([match.name]))
        }
        if let actor {
            guard let index = corpus.actorIndex(matching: actor) else {
                Output.error("error: no actor matches '\(TerminalSafe.text(actor, keepNewlines: false))' (see `dossier actors`)")
                throw ExitCode(64)
            }
            initialFilters.append(.actor(index))
        }
        guard let terminal = TerminalSession() else {
            Output.error("error: unknown terminal type '\(ProcessInfo.processInfo.environment["TERM"] ?? "")'")
            throw ExitCode(2)
        }
        var state = AppState(model: model, size: terminal.size, capabilities: terminal.capabilities)
        state = state.applying(filters: initialFilters)
        terminal.draw(render(state, size: state.size))
        while !state.quitting {
            let signal = pendingSignal.load(ordering: .relaxed)
            if signal != 0 {
                terminal.restore()
                throw ExitCode(128 + signal)
            }
            guard let event = terminal.nextEvent() else { continue }
            state = update(state, event)
            for effect in state.effects {
                if case .copy(let text) = effect { terminal.copy(text) }
            }
            if !state.quitting { terminal.draw(render(state, size: state.size)) }
        }
        terminal.restore()
    }
}
