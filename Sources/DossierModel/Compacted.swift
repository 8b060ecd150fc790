/// Fresh copies of values that outlive the analysis, made once its temporary values are gone.
///
/// Actors are built on all cores among a great many temporary values (clusters, sets, candidate
/// lists). Freed, those leave behind pages that a few small survivors (an alias, a role list)
/// keep resident: at 100k articles the actors, some 60 MB of values, kept about 240 MB more from
/// going back to the system. Copied afterwards, the survivors are packed into memory in use
/// anyway, and the pages of the originals become free as a whole.
enum Compacted {
    /// A string in storage of its own. Strings of up to 15 UTF-8 bytes live inside the value
    /// and have no storage to move.
    static func string(_ s: String) -> String {
        var s = s
        guard s.utf8.count > 15 else { return s }
        return s.withUTF8 { String(decoding: $0, as: UTF8.self) }
    }

    /// An array in storage of its own (assigning an array shares its storage).
    static func array<T>(_ a: [T]) -> [T] { a.withUnsafeBufferPointer { Array($0) } }

    static func strings(_ a: [String]) -> [String] { a.map(string) }

    static func actor(_ a: Actor) -> Actor {
        var copy = a
        copy.id = string(a.id)
        copy.name = string(a.name)
        copy.aliases = strings(a.aliases)
        copy.roles = strings(a.roles)
        copy.articles = strings(a.articles)
        copy.mentions = array(a.mentions)
        return copy
    }
}
