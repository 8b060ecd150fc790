/// What the browser reacts to: keys, mouse, resizes.
public enum Event: Sendable, Equatable {
    case key(Key)
    case mouse(Mouse)
    case resize(Size)
    /// Loading in the background: how far it has got.
    case progress(String)
    /// A model is ready (articles first, then with actors and quotes); the browser fills in.
    case loaded(BrowserModel, complete: Bool)

    public static func == (a: Event, b: Event) -> Bool {
        switch (a, b) {
        case let (.key(x), .key(y)): return x == y
        case let (.mouse(x), .mouse(y)): return x == y
        case let (.resize(x), .resize(y)): return x == y
        case let (.progress(x), .progress(y)): return x == y
        case let (.loaded(x, c1), .loaded(y, c2)): return x === y && c1 == c2
        default: return false
        }
    }
}

public enum Key: Sendable, Equatable {
    case char(Character)
    case enter, escape, tab, backTab, backspace
    case up, down, left, right, home, end, pageUp, pageDown
}

public struct Mouse: Sendable, Equatable {
    public enum Action: Sendable, Equatable { case click, wheelUp, wheelDown }
    public var x: Int
    public var y: Int
    public var action: Action
    public init(x: Int, y: Int, action: Action) { self.x = x; self.y = y; self.action = action }
}

/// What the backend does for the state: quit, or put text on the clipboard (OSC 52).
public enum Effect: Sendable, Equatable {
    case quit
    case copy(String)
}
