/// How a run of text looks. Fonts are named explicitly so that the PDF never depends on which
/// "sans" fontconfig would pick on the machine that made it.
public struct TextStyle: Sendable, Hashable {
    public enum Weight: Sendable, Hashable {
        case regular, bold
    }

    public enum Alignment: Sendable, Hashable {
        case left, centre, right
    }

    public var family: String
    /// In points.
    public var size: Double
    public var weight: Weight
    public var colour: Colour
    public var alignment: Alignment
    /// Line height as a multiple of the font's natural line height; 1 leaves Pango's default.
    public var lineSpacing: Double

    public init(family: String = "Liberation Sans", size: Double = 10, weight: Weight = .regular,
                colour: Colour = .black, alignment: Alignment = .left, lineSpacing: Double = 1) {
        self.family = family
        self.size = size
        self.weight = weight
        self.colour = colour
        self.alignment = alignment
        self.lineSpacing = lineSpacing
    }

    public func with(size: Double? = nil, weight: Weight? = nil, colour: Colour? = nil,
                     alignment: Alignment? = nil) -> TextStyle {
        var s = self
        if let size { s.size = size }
        if let weight { s.weight = weight }
        if let colour { s.colour = colour }
        if let alignment { s.alignment = alignment }
        return s
    }

    /// Pango's font description: `Liberation Sans Bold 10`.
    var fontDescription: String {
        family + (weight == .bold ? " Bold " : " ") + String(size)
    }
}

/// Text made of runs, some bold or coloured. Survey answers are data, never markup: runs are laid
/// out as text with attributes, so a trust called `A&E <Trust>` prints as written.
public struct RichText: Sendable, Hashable, ExpressibleByStringLiteral {
    public struct Run: Sendable, Hashable {
        public var text: String
        public var bold: Bool
        public var colour: Colour?

        public init(_ text: String, bold: Bool = false, colour: Colour? = nil) {
            self.text = text
            self.bold = bold
            self.colour = colour
        }
    }

    public var runs: [Run]

    public init(_ runs: [Run] = []) { self.runs = runs }
    public init(_ text: String) { self.runs = [Run(text)] }
    public init(stringLiteral value: String) { self.init(value) }

    public static func bold(_ text: String, colour: Colour? = nil) -> RichText {
        RichText([Run(text, bold: true, colour: colour)])
    }

    public static func + (a: RichText, b: RichText) -> RichText { RichText(a.runs + b.runs) }

    /// The text without its styling, for searching and tests.
    public var plain: String { runs.map(\.text).joined() }
}
