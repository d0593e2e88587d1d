import PDFCanvas
import PMOSurvey
import ReportStyle

/// A value against the spread of its peers, row by row, shaded as the Model Health System does:
/// minimum to lower quartile, lower quartile to median, median to upper quartile, upper quartile
/// to maximum, with the reader's own value as a marked dot. A row without figures says why.
public struct QuartileBands: Sendable {
    public struct Row: Sendable {
        public var label: String
        /// min, q1, median, q3, max; nil when withheld or without peers. The extremes are nil
        /// where a peer was not named: only the middle quarters are drawn.
        public var quartiles: [Double?]?
        public var value: Double?
        /// Shown at the right: the band and rank, or why there is none.
        public var comment: String
        public init(label: String, quartiles: [Double?]?, value: Double?, comment: String) {
            self.label = label
            self.quartiles = quartiles
            self.value = value
            self.comment = comment
        }
    }

    public var rows: [Row]
    public var axisTitle: String
    public var places: Int
    public init(rows: [Row], axisTitle: String, places: Int) {
        self.rows = rows
        self.axisTitle = axisTitle
        self.places = places
    }

    /// Pale to dark with the quarter; the own value in Warm Yellow outlined dark.
    static let quarters = Palette.quarters.map(Colour.init)
    static let names = ["Minimum to lower quartile", "Lower quartile to median", "Median to upper quartile",
                        "Upper quartile to maximum"]

    func layout(_ b: inout MarkBuilder) {
        swatches(zip(Self.names, Self.quarters).map { ChartCategory(label: $0, colour: $1) }
                 + [ChartCategory(label: "Your trust (dot)", colour: Colour(Palette.ownTrust))], into: &b)
        let column = b.labelColumn(rows.map(\.label))
        let commentWidth = b.width * 0.3
        let maximum = rows.flatMap { ($0.quartiles ?? []).compactMap { $0 } + [$0.value ?? 0] }.max() ?? 0
        let scale = LinearScale.nice(maximum: maximum, range: plotRange(column + ChartStyle.gutter + 4, b.width - commentWidth - 10))
        let top = b.y, gridIndex = b.marks.count
        for row in rows {
            let commentSize = b.size(row.comment, ChartStyle.value, wrap: commentWidth)
            let height = max(b.rowHeight(row.label, bold: false, column: column, minimum: 24), commentSize.height + 6)
            let mid = b.y + height / 2
            b.rowLabel(row.label, bold: false, column: column, midY: mid)
            if let q = row.quartiles, q.count == 5, let median = q[2] {
                for i in 0..<4 {
                    guard let low = q[i], let high = q[i + 1] else { continue }
                    let x0 = scale.position(low), x1 = scale.position(high)
                    // A hairline of white between quarters, as between stacked segments.
                    b.marks.append(.rect(Rect(x: x0, y: mid - 7, width: max(0.75, x1 - x0 - (i < 3 ? 0.75 : 0)), height: 14),
                                         fill: Self.quarters[i]))
                }
                let x = scale.position(median)
                b.marks.append(.line(from: Point(x: x, y: mid - 9), to: Point(x: x, y: mid + 9), colour: .white, width: 1.5))
            } else {
                b.marks.append(.line(from: Point(x: scale.range.lowerBound, y: mid), to: Point(x: scale.range.upperBound, y: mid),
                                     colour: Colour(Palette.paleGrey), width: 6))
            }
            if let value = row.value {
                b.marks.append(.dot(centre: Point(x: scale.position(value), y: mid), radius: 4.5,
                                    fill: Colour(Palette.ownTrust), stroke: Colour(Palette.text)))
            }
            b.text(RichText(row.comment), ChartStyle.value,
                   at: Point(x: b.width - commentWidth, y: mid - commentSize.height / 2), wrap: commentWidth)
            b.y += height
        }
        b.axis(scale, top: top, bottom: b.y + 2, gridIndex: gridIndex) { NumberText.decimal($0, places: places) }
        b.y += 2
        b.text(axisTitle, ChartStyle.axis, centredOn: (scale.range.lowerBound + scale.range.upperBound) / 2, top: b.y)
        b.y += b.size(axisTitle, ChartStyle.axis).height
    }
}
