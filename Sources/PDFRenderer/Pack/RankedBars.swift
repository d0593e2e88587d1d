import PDFCanvas

/// A bar per entity, largest first, with one bar (the reader's own) highlighted and its label in
/// bold, so it is found by more than colour. Many bars flow into side-by-side panels sharing one
/// scale, so that a hundred trusts still fit a page.
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

    /// In the order drawn: largest first.
    public var bars: [Bar]
    public var key: [ChartCategory]
    public var axisTitle: String
    /// At most this many bars to a panel.
    public var barsPerPanel: Int
    public init(bars: [Bar], key: [ChartCategory], axisTitle: String, barsPerPanel: Int = 56) {
        self.bars = bars
        self.key = key
        self.axisTitle = axisTitle
        self.barsPerPanel = max(1, barsPerPanel)
    }

    static let labelStyle = TextStyle(size: 6.5, colour: Palette.text)
    /// Longer labels (consenting trusts' full names) are cut with an ellipsis; the tables have them whole.
    static let labelLength = 30

    func layout(_ b: inout MarkBuilder) {
        swatches(key, into: &b)
        let panels = max(1, (bars.count + barsPerPanel - 1) / barsPerPanel)
        let perPanel = (bars.count + panels - 1) / max(panels, 1)
        let gap = 16.0, panelWidth = (b.width - gap * Double(panels - 1)) / Double(panels)
        let rowHeight = 9.5
        let labels = bars.map { $0.label.count > Self.labelLength ? $0.label.prefix(Self.labelLength - 1) + "…" : $0.label }
        let labelWidth = (labels.map { b.size($0, Self.labelStyle.with(weight: .bold)).width }.max() ?? 0) + 2
        let valueWidth = b.size("888.8", ChartStyle.value).width + 4
        let maximum = bars.map(\.value).max() ?? 0
        let top = b.y
        var bottom = top
        for panel in 0..<panels {
            let left = Double(panel) * (panelWidth + gap)
            let scale = LinearScale.nice(maximum: maximum,
                                         range: (left + labelWidth + ChartStyle.gutter)...(left + panelWidth - valueWidth))
            let gridIndex = b.marks.count
            var y = top
            for (bar, text) in zip(bars, labels).dropFirst(panel * perPanel).prefix(perPanel) {
                let mid = y + rowHeight / 2
                let style = Self.labelStyle.with(weight: bar.isHighlighted ? .bold : .regular, alignment: .right)
                let label = b.size(text, style, wrap: labelWidth)
                b.text(RichText(text), style, at: Point(x: left, y: mid - label.height / 2), wrap: labelWidth)
                let end = scale.position(bar.value)
                let rect = Rect(x: scale.range.lowerBound, y: mid - 3.5, width: max(0.5, end - scale.range.lowerBound), height: 7)
                if bar.isHighlighted {
                    b.marks.append(.rect(Rect(x: rect.x - 0.75, y: rect.y - 0.75, width: rect.width + 1.5, height: rect.height + 1.5),
                                         fill: Palette.text))
                }
                b.marks.append(.rect(rect, fill: bar.colour, hatch: bar.hatch))
                let text = NumberFormat.amount(bar.value)
                let valueStyle = bar.isHighlighted ? ChartStyle.value.with(weight: .bold) : ChartStyle.value
                let size = b.size(text, valueStyle)
                b.text(RichText(text), valueStyle, at: Point(x: end + 2.5, y: mid - size.height / 2))
                y += rowHeight
            }
            b.y = y
            b.axis(scale, top: top, bottom: y + 2, gridIndex: gridIndex) { NumberFormat.decimal($0, places: 0) }
            bottom = max(bottom, b.y)
        }
        b.y = bottom + 2
        b.text(axisTitle, ChartStyle.axis, centredOn: b.width / 2, top: b.y)
        b.y += b.size(axisTitle, ChartStyle.axis).height
    }
}
