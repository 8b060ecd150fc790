/// Styles for each part of the browser, for the terminal's colour capability. Without colours
/// quotes are underlined and terms dimmed, so nothing depends on colour alone.
struct Theme {
    let capabilities: Capabilities
    static let speakerPalette: [Color] = [.cyan, .green, .yellow, .magenta, .blue, .red]

    var hasColor: Bool { capabilities.colors != .none }

    func border(focused: Bool) -> Style {
        focused ? Style(foreground: hasColor ? .cyan : nil, bold: true) : Style(dim: hasColor)
    }
    var title: Style { Style(bold: true, reverse: true) }
    var status: Style { Style(reverse: true) }
    var selected: Style { Style(reverse: true) }
    var dim: Style { Style(dim: true) }
    var bold: Style { Style(bold: true) }

    func speech(speaker: Int?) -> Style {
        guard hasColor else { return Style(underline: true) }
        guard let speaker else { return Style(foreground: .white, bold: true) }
        return Style(foreground: Theme.speakerPalette[speaker % Theme.speakerPalette.count])
    }
    var term: Style { Style(foreground: hasColor ? .gray : nil, dim: true) }
    var reported: Style { Style(foreground: hasColor ? .gray : nil, underline: false) }
}
