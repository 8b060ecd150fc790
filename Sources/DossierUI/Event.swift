/// What the browser reacts to: keys, mouse, resizes.
public enum Event: Sendable, Equatable {
    case key(Key)
    case mouse(Mouse)
    case resize(Size)
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
