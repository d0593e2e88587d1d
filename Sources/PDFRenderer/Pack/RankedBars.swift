import PDFCanvas
import PMOSurvey
import ReportStyle

/// A bar per entity, largest first, with one bar (the reader's own) highlighted and its label in
/// bold, so it is found by more than colour. Bars flow into side-by-side panels sharing one
/// scale. When the bars are a window of a longer ranking, a strip above them shows how every
/// value is spread, with the window and the reader's own value marked: a pack stays readable
/// whether a wave has ten trusts or ten thousand.
public struct RankedBars: Sendable {
    public struct Bar: Sendable {
        public var label: String
        public var value: Double
        public var colour: Colour
        public var isHighlighted: Bool
        public var hatch: Hatch
        public init(label: String, value: Double, colour: Colour, isHighlighted: Bool = false, hatch: Hatch = .none) {
            self.label = label
            self.value = value
            self.colour = colour
            self.isHighlighted = isHighlighted
            self.hatch = hatch
        }
    }

    /// Every value of the ranking, for the strip drawn above a window of it.
    public struct Strip: Sendable {
        public var values: [Double]
        /// The reader's own value, marked on the strip.
        public var highlighted: Double?
        /// What a value counts: `trusts`.
        public var noun: String
        public init(values: [Double], highlighted: Double?, noun: String) {
            self.values = values
            self.highlighted = highlighted
            self.noun = noun
        }
    }

    /// In the order drawn: largest first.
    public var bars: [Bar]
    public var key: [ChartCategory]
    public var axisTitle: String
    /// At most this many bars to a panel.
    public var barsPerPanel: Int
    /// Set when `bars` is a window of a longer ranking.
    public var strip: Strip?
    public init(bars: [Bar], key: [ChartCategory], axisTitle: String, barsPerPanel: Int = 56, strip: Strip? = nil) {
        self.bars = bars
        self.key = key
        self.axisTitle = axisTitle
        self.barsPerPanel = max(1, barsPerPanel)
        self.strip = strip
    }

    static let labelStyle = TextStyle(size: 6.5, colour: Colour(Palette.text))
    /// Longer labels (consenting trusts' full names) are cut with an ellipsis; the tables have them whole.
    static let labelLength = 30
    /// Panels side by side at most: more would leave no room for labels.
    static let mostPanels = 2
    static let rowHeight = 9.5

    func layout(_ b: inout MarkBuilder) {
        swatches(key, into: &b)
        // The strip spans every value; the bars their own, so that neighbours' bars stay long enough to compare.
        if let strip { layoutStrip(strip, into: &b) }
        let maximum = bars.map(\.value).filter(\.isFinite).max() ?? 0
        let panels = min(Self.mostPanels, max(1, (bars.count + barsPerPanel - 1) / barsPerPanel))
        let perPanel = max(1, (bars.count + panels - 1) / panels)
        let gap = 16.0, panelWidth = (b.width - gap * Double(panels - 1)) / Double(panels)
        let labels = bars.map { $0.label.count > Self.labelLength ? $0.label.prefix(Self.labelLength - 1) + "…" : $0.label }
        let widest = (labels.map { b.size($0, Self.labelStyle.with(weight: .bold)).width }.max() ?? 0) + 2
        let labelWidth = min(widest, panelWidth * 0.5)
        let valueWidth = b.size("888.8", ChartStyle.value).width + 4
        let top = b.y
        var bottom = top
        for panel in 0..<panels {
            let left = Double(panel) * (panelWidth + gap)
            let scale = LinearScale.nice(maximum: maximum,
                                         range: plotRange(left + labelWidth + ChartStyle.gutter, left + panelWidth - valueWidth))
            let gridIndex = b.marks.count
            var y = top
            for (bar, text) in zip(bars, labels).dropFirst(panel * perPanel).prefix(perPanel) {
                let mid = y + Self.rowHeight / 2
                let style = Self.labelStyle.with(weight: bar.isHighlighted ? .bold : .regular, alignment: .right)
                let label = b.size(text, style, wrap: labelWidth)
                b.text(RichText(text), style, at: Point(x: left, y: mid - label.height / 2), wrap: labelWidth)
                let end = scale.position(bar.value)
                let rect = Rect(x: scale.range.lowerBound, y: mid - 3.5, width: max(0.5, end - scale.range.lowerBound), height: 7)
                if bar.isHighlighted {
                    b.marks.append(.rect(Rect(x: rect.x - 0.75, y: rect.y - 0.75, width: rect.width + 1.5, height: rect.height + 1.5),
                                         fill: Colour(Palette.text)))
                }
                b.marks.append(.rect(rect, fill: bar.colour, hatch: bar.hatch))
                let text = NumberStyle.amount.text(bar.value)
                let valueStyle = bar.isHighlighted ? ChartStyle.value.with(weight: .bold) : ChartStyle.value
                let size = b.size(text, valueStyle)
                b.text(RichText(text), valueStyle, at: Point(x: end + 2.5, y: mid - size.height / 2))
                y += Self.rowHeight
            }
            b.y = y
            b.axis(scale, top: top, bottom: y + 2, gridIndex: gridIndex) { NumberStyle.wholeAmount.text($0) }
            bottom = max(bottom, b.y)
        }
        b.y = bottom + 2
        b.text(axisTitle, ChartStyle.axis, centredOn: b.width / 2, top: b.y)
        b.y += b.size(axisTitle, ChartStyle.axis).height
    }

    /// How many values fall in each step of the scale, as columns, those of the bars below in
    /// blue, with a line at the reader's own value.
    private func layoutStrip(_ strip: Strip, into b: inout MarkBuilder) {
        let values = strip.values.filter(\.isFinite)
        let maximum = values.max() ?? 0
        let heading = "Every one of the \(values.count.grouped) \(strip.noun): how many have each \(axisTitle)"
        b.paragraph(heading, ChartStyle.totalLabel, spaceAfter: 4)
        let scale = LinearScale.nice(maximum: maximum, range: plotRange(4, b.width - 4))
        let bins = 80, height = 34.0
        let domain = scale.domain.upperBound - scale.domain.lowerBound
        var counts = [Int](repeating: 0, count: bins)
        for value in values {
            let position = domain > 0 ? (value - scale.domain.lowerBound) / domain * Double(bins) : 0
            counts[Int(min(max(position, 0), Double(bins - 1)))] += 1
        }
        let shown = bars.map(\.value).filter(\.isFinite)
        let low = shown.min() ?? .infinity, high = shown.max() ?? -.infinity
        let tallest = Double(counts.max() ?? 1), step = (scale.range.upperBound - scale.range.lowerBound) / Double(bins)
        let top = b.y, gridIndex = b.marks.count
        for (i, count) in counts.enumerated() where count > 0 {
            let from = scale.domain.lowerBound + domain * Double(i) / Double(bins)
            let to = scale.domain.lowerBound + domain * Double(i + 1) / Double(bins)
            let inWindow = to >= low && from <= high
            let h = max(1.5, height * Double(count) / tallest)
            b.marks.append(.rect(Rect(x: scale.range.lowerBound + step * Double(i) + 0.25, y: top + height - h,
                                      width: max(0.5, step - 0.5), height: h),
                                 fill: Colour(inWindow ? Palette.insideWindow : Palette.outsideWindow)))
        }
        if let own = strip.highlighted, own.isFinite {
            let x = scale.position(own)
            b.marks.append(.line(from: Point(x: x, y: top - 2), to: Point(x: x, y: top + height + 2),
                                 colour: Colour(Palette.text), width: 1.5))
            b.marks.append(.dot(centre: Point(x: x, y: top + height), radius: 3.5, fill: Colour(Palette.ownTrust),
                                stroke: Colour(Palette.text)))
        }
        b.axis(scale, top: top, bottom: top + height + 4, gridIndex: gridIndex) { NumberStyle.wholeAmount.text($0) }
        b.y += 3
        let legend = "Each column counts the \(strip.noun) in one step of \(NumberText.decimal(domain / Double(bins), places: 2)); "
            + "blue: the \(bars.count.grouped) charted below" + (strip.highlighted == nil ? "." : "; the line and dot: yours.")
        b.paragraph(legend, ChartStyle.axis, spaceAfter: 12)
    }
}
