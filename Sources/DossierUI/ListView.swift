/// The one list behaviour shared by articles, actors, quotes and the source picker (tig's single
/// view): items, a selection, a scroll position, all kept consistent as items change.
public struct ListView: Sendable, Equatable {
    /// Indices into whatever the list shows (articles, actors, quotes, sources).
    public private(set) var items: [Int] = []
    public private(set) var selected = 0
    public private(set) var top = 0

    public init(items: [Int] = []) { self.items = items }

    public var selectedItem: Int? { items.indices.contains(selected) ? items[selected] : nil }
    public var isEmpty: Bool { items.isEmpty }
    public var count: Int { items.count }

    /// New items, keeping the selected item selected when it is still there.
    public mutating func setItems(_ new: [Int], height: Int) {
        let keep = selectedItem
        items = new
        if let keep, let i = new.firstIndex(of: keep) { selected = i } else { selected = min(selected, max(0, new.count - 1)) }
        scroll(height: height)
    }

    public mutating func select(_ index: Int, height: Int) {
        selected = max(0, min(index, items.count - 1))
        scroll(height: height)
    }

    public mutating func select(item: Int, height: Int) {
        if let i = items.firstIndex(of: item) { select(i, height: height) }
    }

    public mutating func move(_ delta: Int, height: Int) { select(selected + delta, height: height) }
    public mutating func first(height: Int) { select(0, height: height) }
    public mutating func last(height: Int) { select(items.count - 1, height: height) }
    public mutating func pageDown(height: Int) { select(selected + max(1, height - 1), height: height) }
    public mutating func pageUp(height: Int) { select(selected - max(1, height - 1), height: height) }

    /// Scrolls the view (as the mouse wheel does), dragging the selection along when it leaves.
    public mutating func scrollBy(_ delta: Int, height: Int) {
        let maxTop = max(0, items.count - max(1, height))
        top = max(0, min(top + delta, maxTop))
        if selected < top { selected = top }
        if selected >= top + height { selected = max(top, top + height - 1) }
        selected = max(0, min(selected, items.count - 1))
    }

    /// Keeps the selection inside a view of `height` rows.
    public mutating func scroll(height: Int) {
        let h = max(1, height)
        if selected < top { top = selected }
        if selected >= top + h { top = selected - h + 1 }
        top = max(0, min(top, max(0, items.count - h)))
    }

    /// The visible (position, item) pairs of a view of `height` rows.
    public func visible(height: Int) -> [(row: Int, position: Int, item: Int)] {
        guard height > 0 else { return [] }
        let end = min(items.count, top + height)
        guard top < end else { return [] }
        return (top..<end).map { (row: $0 - top, position: $0, item: items[$0]) }
    }
}
