/// Matches gathered from UTF-8 text in order of where they start, as offsets in scalars (the
/// model's offsets): a match that overlaps the last one taken is passed over, and the scalars
/// before each are counted from where the last one ended, so the text is counted once.
struct MatchOffsets {
    let hay: UnsafeBufferPointer<UInt8>
    /// Scalars in a match (a query's scalars each match one).
    let length: Int
    let limit: Int
    private(set) var found: [Range<Int>] = []
    // a match may start at byte `free` or later; `scalars` scalars lie before byte `counted`
    private var free = 0, counted = 0, scalars = 0

    init(in hay: UnsafeBufferPointer<UInt8>, length: Int, limit: Int) {
        self.hay = hay
        self.length = length
        self.limit = limit
    }

    /// Takes the match at bytes `start..<end` unless it overlaps the last; true once `limit`
    /// are taken.
    mutating func take(_ start: Int, _ end: Int) -> Bool {
        guard start >= free else { return false }
        scalars += TextLength.scalars(in: UnsafeBufferPointer(rebasing: hay[counted..<start]))
        found.append(scalars..<(scalars + length))
        (free, counted, scalars) = (end, end, scalars + length)
        return found.count >= limit
    }
}
