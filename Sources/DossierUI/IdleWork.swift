/// Work done ahead for a model once the reader has left the keys alone for a while: the sort
/// orders, whose title order takes 50–80 ms at 100k articles. Made when the model is shown,
/// they cost the first search typed at once a seventh of its time (both cores search); made on
/// the first `o`, the title order waits when `o` is pressed twice at once. After a quiet spell
/// neither happens.
public struct IdleWork: Sendable {
    /// Loop turns without an event before the work starts (the browser's loop turns every 50 ms).
    public let quietTurns: Int
    private var quiet = 0
    private var doneFor: ObjectIdentifier?

    public init(quietTurns: Int = 10) {
        self.quietTurns = quietTurns
    }

    /// One turn of the loop: whether the work for `model` is to start now (once per model).
    public mutating func turn(quiet isQuiet: Bool, model: BrowserModel) -> Bool {
        quiet = isQuiet ? quiet + 1 : 0
        let id = ObjectIdentifier(model)
        guard quiet >= quietTurns, doneFor != id else { return false }
        doneFor = id
        return true
    }
}
