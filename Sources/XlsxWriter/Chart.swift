import CXlsxWriter

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

    /// `'Model by sector'!$A$5:$A$11`, as the chart XML writes it.
    public var formula: String {
        "'" + sheet.replacingAmpersandQuotes + "'!$" + CellReference.columnLetters(columns.lowerBound) + "$"
            + String(rows.lowerBound + 1) + ":$" + CellReference.columnLetters(columns.upperBound) + "$"
            + String(rows.upperBound + 1)
    }
}

extension String {
    fileprivate var replacingAmpersandQuotes: String {
        split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''")
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

extension Worksheet {
    /// Builds the chart and places its top-left corner at the cell.
    public func insert(_ chart: Chart, row: Int, column: Int) throws(XlsxError) {
        guard !chart.series.isEmpty else { throw .invalidChart(title: chart.title, reason: "it has no series") }
        try checkCell(row, column)
        let built = try workbook.addChart(type: chart.kind.libraryType)
        let strings = CStrings()

        func font(size: Double, bold: Bool = false, color: Color? = nil) -> lxw_chart_font {
            var f = lxw_chart_font()
            f.name = strings.copy(chart.fontName)
            f.size = size
            f.bold = bold ? 1 : 0
            f.color = (color ?? chart.textColor).rgb
            return f
        }

        // A title starting with `=` would be read as a cell reference.
        let title = chart.title.singleLine
        chart_title_set_name(built, title.hasPrefix("=") ? " " + title : title)
        var titleFont = font(size: 12, bold: true)
        chart_title_set_name_font(built, &titleFont)

        // libxlsxwriter names axes by direction: in a horizontal bar chart the categories run
        // along y and the values along x.
        let (categoryAxis, valueAxis) = chart.kind.isHorizontal
            ? (LXW_CHART_AXIS_TYPE_Y, LXW_CHART_AXIS_TYPE_X) : (LXW_CHART_AXIS_TYPE_X, LXW_CHART_AXIS_TYPE_Y)
        for (axis, spec) in [(categoryAxis, chart.categoryAxis), (valueAxis, chart.valueAxis)] {
            guard let a = chart_axis_get(built, axis) else {
                throw .invalidChart(title: chart.title, reason: "libxlsxwriter has no such axis for this kind of chart")
            }
            if let name = spec.title {
                chart_axis_set_name(a, name.singleLine)
                var f = font(size: 9, bold: true)
                chart_axis_set_name_font(a, &f)
            }
            var numbers = font(size: 9)
            chart_axis_set_num_font(a, &numbers)
            if let format = spec.numberFormat { chart_axis_set_num_format(a, format) }
            if let minimum = spec.minimum, minimum.isFinite { chart_axis_set_min(a, minimum) }
            if let maximum = spec.maximum, maximum.isFinite { chart_axis_set_max(a, maximum) }
            if let unit = spec.majorUnit, unit.isFinite, unit > 0 { chart_axis_set_major_unit(a, unit) }
            if spec.reversed { chart_axis_set_reverse(a) }
            if spec.crossesAtMaximum { chart_axis_set_crossing_max(a) }
            if let color = spec.gridlines {
                chart_axis_major_gridlines_set_visible(a, 1)
                var line = lxw_chart_line()
                line.color = color.rgb
                line.width = 0.5
                chart_axis_major_gridlines_set_line(a, &line)
            } else {
                chart_axis_major_gridlines_set_visible(a, 0)
            }
        }

        for spec in chart.series {
            guard let series = chart_add_series(built, nil, nil) else {
                throw .invalidChart(title: chart.title, reason: "libxlsxwriter could not add a series")
            }
            chart_series_set_name_range(series, spec.name.sheet, lxw_row_t(spec.name.rows.lowerBound),
                                        lxw_col_t(spec.name.columns.lowerBound))
            chart_series_set_categories(series, spec.categories.sheet,
                                        lxw_row_t(spec.categories.rows.lowerBound), lxw_col_t(spec.categories.columns.lowerBound),
                                        lxw_row_t(spec.categories.rows.upperBound), lxw_col_t(spec.categories.columns.upperBound))
            chart_series_set_values(series, spec.values.sheet,
                                    lxw_row_t(spec.values.rows.lowerBound), lxw_col_t(spec.values.columns.lowerBound),
                                    lxw_row_t(spec.values.rows.upperBound), lxw_col_t(spec.values.columns.upperBound))
            var fill = lxw_chart_fill()
            var line = lxw_chart_line()
            if let color = spec.fill { fill.color = color.rgb } else { fill.none = 1 }
            if let border = spec.border, spec.fill != nil {
                line.color = border.rgb
                line.width = 0.75
            } else {
                line.none = 1
            }
            chart_series_set_fill(series, &fill)
            chart_series_set_line(series, &line)
            if let labels = spec.dataLabels {
                apply(labels, to: series, font: font(size: 9, bold: labels.bold, color: labels.fontColor))
            }
        }

        var hidden = chart.series.indices.filter { !chart.series[$0].inLegend }.map { Int16($0) }
        if !hidden.isEmpty {
            hidden.append(-1)
            try XlsxError.check(chart_legend_delete_series(built, &hidden), "hide legend entries of chart \(chart.title)")
        }
        switch chart.legend {
        case .none: chart_legend_set_position(built, UInt8(LXW_CHART_LEGEND_NONE.rawValue))
        case .top: chart_legend_set_position(built, UInt8(LXW_CHART_LEGEND_TOP.rawValue))
        case .bottom: chart_legend_set_position(built, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
        case .right: chart_legend_set_position(built, UInt8(LXW_CHART_LEGEND_RIGHT.rawValue))
        }
        var legendFont = font(size: 9)
        chart_legend_set_font(built, &legendFont)
        if let gap = chart.gap { chart_set_series_gap(built, UInt16(clamping: gap)) }
        if chart.kind != .bar && chart.kind != .column { chart_set_series_overlap(built, 100) }
        var noBorder = lxw_chart_line()
        noBorder.none = 1
        chart_chartarea_set_line(built, &noBorder)

        var options = lxw_chart_options()
        options.x_scale = Double(chart.widthPixels) / 480
        options.y_scale = Double(chart.heightPixels) / 288
        options.object_position = UInt8(LXW_OBJECT_MOVE_DONT_SIZE.rawValue)
        options.description = strings.copy((chart.description ?? chart.title).singleLine)
        try XlsxError.check(worksheet_insert_chart_opt(handle, lxw_row_t(row), lxw_col_t(column), built, &options),
                            "insert chart \"\(chart.title)\" on sheet \(name)")
    }

    private func apply(_ labels: Chart.DataLabels, to series: UnsafeMutablePointer<lxw_chart_series>,
                       font: lxw_chart_font) {
        chart_series_set_labels(series)
        if let format = labels.numberFormat { chart_series_set_labels_num_format(series, format) }
        if let position = labels.position {
            let value = switch position {
            case .centre: LXW_CHART_LABEL_POSITION_CENTER
            case .insideEnd: LXW_CHART_LABEL_POSITION_INSIDE_END
            case .outsideEnd: LXW_CHART_LABEL_POSITION_OUTSIDE_END
            case .insideBase: LXW_CHART_LABEL_POSITION_INSIDE_BASE
            }
            chart_series_set_labels_position(series, UInt8(value.rawValue))
        }
        var labelFont = font
        chart_series_set_labels_font(series, &labelFont)
    }
}

extension Chart.Kind {
    var isHorizontal: Bool { self != .column }

    var libraryType: lxw_chart_type {
        switch self {
        case .bar: LXW_CHART_BAR
        case .stackedBar: LXW_CHART_BAR_STACKED
        case .percentStackedBar: LXW_CHART_BAR_STACKED_PERCENT
        case .column: LXW_CHART_COLUMN
        }
    }
}
