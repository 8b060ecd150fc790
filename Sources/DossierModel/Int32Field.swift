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

/// The same for an optional `Int` (a quote's speaker and group), nil held as `Int32.min`,
/// which no value takes (values are clamped above it): four bytes, where an `Int32?` takes
/// five, and eight beside a quote's other fields.
@propertyWrapper
public struct OptionalInt32Field: Sendable, Hashable {
    private var stored: Int32
    private static let none = Int32.min
    public init(wrappedValue: Int?) { stored = OptionalInt32Field.store(wrappedValue) }
    public var wrappedValue: Int? {
        get { stored == OptionalInt32Field.none ? nil : Int(stored) }
        set { stored = OptionalInt32Field.store(newValue) }
    }
    private static func store(_ value: Int?) -> Int32 {
        value.map { max(none + 1, Int32(clamping: $0)) } ?? none
    }
}
