import PDFCanvas

/// A drawing primitive of a laid-out chart, in chart coordinates (points from its top left).
public enum Mark: Sendable {
    /// A filled area, hatched where colour alone would separate series.
    case rect(Rect, fill: Colour, hatch: Hatch = .none)
    case line(from: Point, to: Point, colour: Colour, width: Double)
    case dot(centre: Point, radius: Double, fill: Colour?, stroke: Colour?)
    case text(TextMark)
}

/// Text at a place. `frame` is the box the text occupies, used to prove that labels never overlap.
public struct TextMark: Sendable {
    public var text: RichText
    public var style: TextStyle
    public var frame: Rect
    /// The width the text wraps (and aligns) in; nil for a single line.
    public var wrapWidth: Double?
    /// A plain patch behind the text, so that hatching never crosses it.
    public var background: Colour? = nil
}

/// A chart laid out for a given width: its height and its marks in reading order.
public struct ChartLayout: Sendable {
    public var size: Size
    public var marks: [Mark]
    /// What the chart shows and its key numbers, read by screen readers in its place.
    public var alternativeText: String

    public var texts: [TextMark] {
        marks.compactMap { if case .text(let t) = $0 { t } else { nil } }
    }
}
