/// Work done ahead once the reader has left the keys alone for a while, once for each thing it
/// is done for (`key`): a model's sort orders, whose title order takes 50–80 ms at 100k
/// articles, or the rest of a long article's layout, which `G` would otherwise wait for. Made
/// when the model is shown, the orders cost the first search typed at once a seventh of its
/// time (both cores search); made on the first `o`, the title order waits when `o` is pressed
/// twice at once. After a quiet spell neither happens.
public struct IdleWork<Key: Hashable & Sendable>: Sendable {
    /// Loop turns without an event before the work starts (the browser's loop turns every 50 ms).
    public let quietTurns: Int
    private var quiet = 0
    private var doneFor: Key?

    public init(quietTurns: Int = 10) {
        self.quietTurns = quietTurns
    }

    /// One turn of the loop: whether the work for `key` is to start now (once per key in a row).
    public mutating func turn(quiet isQuiet: Bool, key: Key) -> Bool {
        quiet = isQuiet ? quiet + 1 : 0
        guard quiet >= quietTurns, doneFor != key else { return false }
        doneFor = key
        return true
    }

}

extension IdleWork where Key == ObjectIdentifier {
    /// The same for a model's work.
    public mutating func turn(quiet isQuiet: Bool, model: BrowserModel) -> Bool {
        turn(quiet: isQuiet, key: ObjectIdentifier(model))
    }
}
