/// Text for a terminal, built from pieces that are each made terminal-safe first and styled
/// after — never the other way round — so text from a server cannot smuggle in escape
/// sequences, and nsx's own styling is never escaped into `^[[2m`.
public struct StyledText: Sendable, Equatable {
    /// What a piece looks like; several apply outermost first (`[.bold, .red]`).
    public enum Attribute: Sendable, Equatable {
        case bold, dim, red, green, yellow, cyan
        /// Coloured by what a resource status means (green running, yellow starting, …).
        case status
    }

    struct Piece: Sendable, Equatable {
        var text: String
        var attributes: [Attribute]
    }

    private(set) var pieces: [Piece]

    public init(_ text: String = "", _ attributes: Attribute...) {
        pieces = text.isEmpty ? [] : [Piece(text: terminalSafe(text), attributes: attributes)]
    }

    /// A mark nsx draws itself (✓, ✗), already safe.
    public static func mark(_ symbol: String, _ attributes: Attribute...) -> StyledText {
        var text = StyledText()
        text.pieces = [Piece(text: symbol, attributes: attributes)]
        return text
    }

    public static func + (lhs: StyledText, rhs: StyledText) -> StyledText {
        var joined = lhs
        joined.pieces += rhs.pieces
        return joined
    }

    public var isEmpty: Bool { pieces.isEmpty }

    /// The text without styling (escaped), as it takes space on screen.
    public var plain: String { pieces.map(\.text).joined() }

    /// Terminal columns taken.
    public var width: Int { DisplayWidth.of(plain) }

    public func rendered(_ style: Style) -> String {
        pieces.map { piece in
            piece.attributes.reversed().reduce(piece.text) { text, attribute in style.apply(attribute, to: text) }
        }.joined()
    }
}

extension Style {
    func apply(_ attribute: StyledText.Attribute, to text: String) -> String {
        switch attribute {
        case .bold: bold(text)
        case .dim: dim(text)
        case .red: red(text)
        case .green: green(text)
        case .yellow: yellow(text)
        case .cyan: cyan(text)
        case .status: status(text)
        }
    }
}
