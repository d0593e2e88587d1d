import PDFCanvas
import PMOSurvey
import ReportStyle

/// Shares over a long run of points (survey waves), a line per category: the whole history of
/// a daily survey in one readable figure, where bars would need a row per wave.
public struct Lines: Sendable {
    public struct Series: Sendable {
        public var category: ChartCategory
        /// A share (0 to 1) per point; NaN where withheld, which leaves a gap in the line.
        public var values: [Double]
        public init(category: ChartCategory, values: [Double]) {
            self.category = category
            self.values = values
        }
    }

    public var series: [Series]
    /// A label per point, for the ticks under the plot.
    public var pointLabels: [String]
    public init(series: [Series], pointLabels: [String]) {
        self.series = series
        self.pointLabels = pointLabels
    }

    static let plotHeight = 150.0

    func layout(_ b: inout MarkBuilder) {
        swatches(series.map(\.category), into: &b)
        let axisWidth = b.size("100%", ChartStyle.axis).width + 6
        let left = axisWidth, right = b.width - 4
        let top = b.y + 4, bottom = top + Self.plotHeight
        let y = LinearScale.shares(range: plotRange(top, bottom))
        for tick in y.ticks {
            // 100% at the top: the scale runs down the page.
            let level = bottom + top - y.position(tick)
            b.marks.append(.line(from: Point(x: left, y: level), to: Point(x: right, y: level),
                                 colour: tick == 0 ? ChartStyle.axisLine : ChartStyle.gridline, width: 0.5))
            let label = NumberStyle.roundShare.text(tick)
            let size = b.size(label, ChartStyle.axis)
            b.text(RichText(label), ChartStyle.axis, at: Point(x: left - 4 - size.width, y: level - size.height / 2))
        }
        let count = pointLabels.count
        func x(_ i: Int) -> Double {
            count > 1 ? left + (right - left) * Double(i) / Double(count - 1) : (left + right) / 2
        }
        for line in series {
            var previous: Point?
            for (i, value) in line.values.prefix(count).enumerated() {
                guard value.isFinite else {
                    previous = nil
                    continue
                }
                let point = Point(x: x(i), y: bottom + top - y.position(value))
                if let previous {
                    b.marks.append(.line(from: previous, to: point, colour: line.category.colour, width: 1.25))
                } else if count == 1 {
                    b.marks.append(.dot(centre: point, radius: 2, fill: line.category.colour, stroke: nil))
                }
                previous = point
            }
        }
        // As many tick labels as fit side by side, first and last always.
        let widest = pointLabels.map { b.size($0, ChartStyle.axis).width }.max() ?? 0
        let ticks = count == 0 ? 0 : max(1, min(count, 6, Int((right - left) / (widest + 16)) + 1))
        var labelBottom = bottom
        for t in 0..<ticks {
            let i = ticks > 1 ? (count - 1) * t / (ticks - 1) : count - 1
            b.marks.append(.line(from: Point(x: x(i), y: bottom), to: Point(x: x(i), y: bottom + 3),
                                 colour: ChartStyle.axisLine, width: 0.5))
            let frame = b.text(pointLabels[i], ChartStyle.axis, centredOn: x(i), top: bottom + 4)
            labelBottom = max(labelBottom, frame.maxY)
        }
        b.y = labelBottom
    }
}
