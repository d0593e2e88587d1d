/// A block of cells on a named sheet, which chart series read from.
public struct CellRange: Hashable, Sendable {
    public let sheet: String
    public let rows: ClosedRange<Int>
    public let columns: ClosedRange<Int>

    public init(sheet: String, rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
        self.sheet = sheet
        self.rows = rows
        self.columns = columns
    }

    /// A single column of rows.
    public init(sheet: String, rows: ClosedRange<Int>, column: Int) {
        self.init(sheet: sheet, rows: rows, columns: column...column)
    }
}

/// A native Excel chart, described as a value and built when inserted into a sheet.
public struct Chart: Sendable {
    public enum Kind: Sendable {
        /// Horizontal bars side by side.
        case bar
        case stackedBar
        /// Horizontal bars stacked to 100%.
        case percentStackedBar
        case column
    }

    public enum LegendPosition: Sendable {
        case none, top, bottom, right
    }

    public struct Axis: Sendable {
        public var title: String?
        public var numberFormat: String?
        public var minimum: Double?
        public var maximum: Double?
        public var majorUnit: Double?
        /// Categories from top to bottom in a bar chart (Excel draws them bottom-up by default).
        public var reversed = false
        /// The other axis crosses this one at its last category: with `reversed`, that keeps the
        /// value axis of a bar chart at the bottom.
        public var crossesAtMaximum = false
        public var gridlines: Color?

        public init(title: String? = nil, numberFormat: String? = nil, minimum: Double? = nil,
                    maximum: Double? = nil, majorUnit: Double? = nil, reversed: Bool = false,
                    crossesAtMaximum: Bool = false, gridlines: Color? = nil) {
            self.title = title
            self.numberFormat = numberFormat
            self.minimum = minimum
            self.maximum = maximum
            self.majorUnit = majorUnit
            self.reversed = reversed
            self.crossesAtMaximum = crossesAtMaximum
            self.gridlines = gridlines
        }
    }

    public struct DataLabels: Sendable {
        public enum Position: Sendable {
            case centre, insideEnd, outsideEnd, insideBase
        }

        public var numberFormat: String?
        public var position: Position?
        public var fontColor: Color?
        public var bold = false

        public init(numberFormat: String? = nil, position: Position? = nil, fontColor: Color? = nil, bold: Bool = false) {
            self.numberFormat = numberFormat
            self.position = position
            self.fontColor = fontColor
            self.bold = bold
        }
    }

    public struct Series: Sendable {
        /// The cell holding the series name, shown in the legend.
        public var name: CellRange
        public var categories: CellRange
        public var values: CellRange
        /// nil draws nothing: an invisible spacer segment, e.g. the lower quartile under a range bar.
        public var fill: Color?
        public var border: Color?
        public var dataLabels: DataLabels?
        public var inLegend: Bool

        public init(name: CellRange, categories: CellRange, values: CellRange, fill: Color?,
                    border: Color? = nil, dataLabels: DataLabels? = nil, inLegend: Bool = true) {
            self.name = name
            self.categories = categories
            self.values = values
            self.fill = fill
            self.border = border
            self.dataLabels = dataLabels
            self.inLegend = inLegend
        }
    }

    public var kind: Kind
    public var title: String
    public var categoryAxis: Axis
    public var valueAxis: Axis
    public var series: [Series]
    public var legend: LegendPosition
    /// Gap between bars or clusters, as a percentage of a bar's width.
    public var gap: Int?
    public var fontName: String
    public var textColor: Color
    public var widthPixels: Int
    public var heightPixels: Int
    /// Alternative text: what the chart shows and its figures, for screen readers (Excel's
    /// Accessibility Checker requires it). The title when nil.
    public var description: String?

    public init(kind: Kind, title: String, categoryAxis: Axis = Axis(), valueAxis: Axis = Axis(),
                series: [Series], legend: LegendPosition = .bottom, gap: Int? = nil, fontName: String = "Arial",
                textColor: Color = .black, widthPixels: Int = 720, heightPixels: Int = 400, description: String? = nil) {
        self.description = description
        self.kind = kind
        self.title = title
        self.categoryAxis = categoryAxis
        self.valueAxis = valueAxis
        self.series = series
        self.legend = legend
        self.gap = gap
        self.fontName = fontName
        self.textColor = textColor
        self.widthPixels = widthPixels
        self.heightPixels = heightPixels
    }
}
