import PDFCanvas
import ReportStyle

/// Type sizes and spacing shared by every chart, so that all figures in a report look alike.
enum ChartStyle {
    static let title = TextStyle(size: 10.5, weight: .bold, colour: Colour(Palette.text))
    static let subtitle = TextStyle(size: 8.5, colour: Colour(Palette.secondaryText))
    static let label = TextStyle(size: 8, colour: Colour(Palette.text))
    static let totalLabel = label.with(weight: .bold)
    static let value = TextStyle(size: 7.5, colour: Colour(Palette.text))
    static let axis = TextStyle(size: 7, colour: Colour(Palette.secondaryText))
    static let note = TextStyle(size: 7, colour: Colour(Palette.secondaryText))
    static let gridline = Colour(Palette.gridline)
    static let axisLine = Colour(Palette.midGrey)
    /// Gap between a row label and the plot.
    static let gutter = 6.0
    /// Row labels take at most this share of the chart's width, and wrap beyond it.
    static let labelShare = 0.3
}

/// Builds a chart's marks top to bottom: the running `y` is where the next element goes.
struct MarkBuilder {
    let width: Double
    let measure: any TextMeasuring
    var marks: [Mark] = []
    var y = 0.0

    init(width: Double, measure: any TextMeasuring) {
        self.width = width
        self.measure = measure
    }

    /// Adds text whose top-left is at `origin`, wrapping at `wrap`; returns its frame.
    @discardableResult
    mutating func text(_ text: RichText, _ style: TextStyle, at origin: Point, wrap: Double? = nil,
                       background: Colour? = nil) -> Rect {
        let size = measure.size(of: text, style: style, width: wrap)
        let frame = Rect(origin: origin, size: size)
        marks.append(.text(TextMark(text: text, style: style, frame: frame, wrapWidth: wrap, background: background)))
        return frame
    }

    /// Adds a single line of text centred on `x` (kept inside the chart) with its top at `top`.
    @discardableResult
    mutating func text(_ text: String, _ style: TextStyle, centredOn x: Double, top: Double) -> Rect {
        let size = measure.size(of: RichText(text), style: style, width: nil)
        let left = min(max(0, x - size.width / 2), width - size.width)
        return self.text(RichText(text), style, at: Point(x: left, y: top))
    }

    /// A full-width paragraph (title, subtitle, note) at the running `y`.
    mutating func paragraph(_ text: String?, _ style: TextStyle, spaceAfter: Double) {
        guard let text, !text.isEmpty else { return }
        let frame = self.text(RichText(text), style, at: Point(x: 0, y: y), wrap: width)
        y = frame.maxY + spaceAfter
    }

    func size(_ text: String, _ style: TextStyle, wrap: Double? = nil) -> Size {
        measure.size(of: RichText(text), style: style, width: wrap)
    }

    /// The width of the row-label column: the widest label, up to `ChartStyle.labelShare` of the chart.
    func labelColumn(_ labels: [String], style: TextStyle = ChartStyle.totalLabel) -> Double {
        let widest = labels.map { size($0, style).width }.max() ?? 0
        return min(widest.rounded(.up) + 1, width * ChartStyle.labelShare)
    }

    /// A right-aligned row label, wrapped in `column`, centred on `midY`.
    @discardableResult
    mutating func rowLabel(_ label: String, bold: Bool, column: Double, midY: Double, x: Double = 0) -> Rect {
        let style = (bold ? ChartStyle.totalLabel : ChartStyle.label).with(alignment: .right)
        let height = size(label, style, wrap: column).height
        return text(RichText(label), style, at: Point(x: x, y: midY - height / 2), wrap: column)
    }

    /// Vertical gridlines from `top` to `bottom`, slipped in at `gridIndex` so that they lie
    /// beneath the data, and tick labels under them.
    mutating func axis(_ scale: LinearScale, top: Double, bottom: Double, gridIndex: Int,
                       format: (Double) -> String) {
        for tick in scale.ticks.reversed() {
            let x = scale.position(tick)
            marks.insert(.line(from: Point(x: x, y: top), to: Point(x: x, y: bottom),
                               colour: tick == scale.domain.lowerBound ? ChartStyle.axisLine : ChartStyle.gridline,
                               width: 0.5), at: gridIndex)
        }
        var labelBottom = bottom
        for tick in scale.ticks {
            let frame = text(format(tick), ChartStyle.axis, centredOn: scale.position(tick), top: bottom + 2)
            labelBottom = max(labelBottom, frame.maxY)
        }
        y = labelBottom
    }

    /// The height a row needs: the bar's, or its wrapped label's when taller.
    func rowHeight(_ label: String, bold: Bool, column: Double, minimum: Double) -> Double {
        let style = bold ? ChartStyle.totalLabel : ChartStyle.label
        return max(minimum, size(label, style, wrap: column).height + 2)
    }

    func finished(alternativeText: String) -> ChartLayout {
        ChartLayout(size: Size(width: width, height: y.rounded(.up)), marks: marks, alternativeText: alternativeText)
    }
}
