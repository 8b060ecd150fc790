/// Where each pane goes for a terminal size: four panes from 100 columns, actors and quotes as
/// tabs of the right column below that, one pane at a time below 60 columns.
public struct Layout: Sendable, Equatable {
    public enum Mode: Sendable, Equatable { case fourPanes, rightTabs, single, tooSmall }

    public static let quoteHeight = 4
    public static let minimum = Size(width: 20, height: 6)

    public let size: Size
    public let mode: Mode
    /// Outer rectangles (with border) of the panes drawn; a hidden pane has none.
    public private(set) var panes: [Pane: Rect] = [:]
    public let titleBar: Rect
    public let statusBar: Rect
    /// The tab strip (single-pane mode and the right column's tabs).
    public private(set) var tabs: Rect?

    public init(size: Size, state: AppState) {
        self.init(size: size, focus: state.focus, rightTab: state.rightTab)
    }

    public init(size: Size, focus: Pane, rightTab: Pane) {
        self.size = size
        titleBar = Rect(x: 0, y: 0, width: size.width, height: 1)
        statusBar = Rect(x: 0, y: size.height - 1, width: size.width, height: 1)
        if size.width < Layout.minimum.width || size.height < Layout.minimum.height {
            mode = .tooSmall
            return
        }
        let top = 1, height = size.height - 2
        if size.width < 60 {
            mode = .single
            tabs = Rect(x: 0, y: top, width: size.width, height: 1)
            panes[focus] = Rect(x: 0, y: top + 1, width: size.width, height: height - 1)
            return
        }
        let left = max(18, size.width * 24 / 100)
        let right = max(22, size.width * 28 / 100)
        let centre = size.width - left - right
        panes[.articles] = Rect(x: 0, y: top, width: left, height: height)
        panes[.reader] = Rect(x: left, y: top, width: centre, height: height)
        if size.width >= 100 && size.height >= 28 {
            mode = .fourPanes
            let actorsHeight = height * 2 / 5
            panes[.actors] = Rect(x: left + centre, y: top, width: right, height: actorsHeight)
            panes[.quotes] = Rect(x: left + centre, y: top + actorsHeight, width: right, height: height - actorsHeight)
        } else {
            mode = .rightTabs
            let shown: Pane = focus == .actors || focus == .quotes ? focus : rightTab
            tabs = Rect(x: left + centre, y: top, width: right, height: 1)
            panes[shown] = Rect(x: left + centre, y: top + 1, width: right, height: height - 1)
        }
    }

    /// Rows of content inside a pane (0 when hidden). A hidden pane keeps a nominal height so
    /// that its selection still scrolls sensibly when it is shown.
    public func rows(_ pane: Pane) -> Int {
        if let rect = panes[pane] { return max(1, rect.height - 2) }
        return max(1, size.height - 5)
    }

    /// Rows a list item takes in each pane.
    public static func itemHeight(_ pane: Pane) -> Int {
        switch pane {
        case .articles: 2
        case .quotes: quoteHeight
        case .actors, .reader: 1
        }
    }

    /// How many list items fit in a pane.
    public func listRows(_ pane: Pane) -> Int { max(1, rows(pane) / Layout.itemHeight(pane)) }

    public func contentWidth(_ pane: Pane) -> Int {
        if let rect = panes[pane] { return max(1, rect.width - 2) }
        return max(1, size.width / 2)
    }

    /// The pane under a point.
    public func pane(atX x: Int, y: Int) -> Pane? {
        panes.first { $0.value.contains(x: x, y: y) }?.key
    }
}
