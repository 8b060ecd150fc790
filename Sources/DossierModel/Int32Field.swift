/// An `Int` held in 32 bits, clamped on the way in. For the numbers of which a million live at
/// once (a paragraph's offsets, a quote's, a mention's): in 64 bits a quote took 168 bytes, not
/// 128, and a mention 32, not 16. No article runs to two thousand million characters, nor a
/// corpus to as many actors.
@propertyWrapper
public struct Int32Field: Sendable, Hashable {
    private var stored: Int32
    public init(wrappedValue: Int) { stored = Int32(clamping: wrappedValue) }
    public var wrappedValue: Int {
        get { Int(stored) }
        set { stored = Int32(clamping: newValue) }
    }
}

/// The same for an optional `Int` (a quote's speaker and group).
@propertyWrapper
public struct OptionalInt32Field: Sendable, Hashable {
    private var stored: Int32?
    public init(wrappedValue: Int?) { stored = wrappedValue.map { Int32(clamping: $0) } }
    public var wrappedValue: Int? {
        get { stored.map(Int.init) }
        set { stored = newValue.map { Int32(clamping: $0) } }
    }
}
