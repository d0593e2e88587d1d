internal import CXlsxWriter

extension Worksheet {
    /// Builds the chart and places its top-left corner at the cell.
    public func insert(_ chart: Chart, row: Int, column: Int) throws(XlsxWriteError) {
        guard !chart.series.isEmpty else { throw .invalidChart(title: chart.title, reason: "it has no series") }
        try checkCell(row, column)
        let built = try workbook.addChart(type: chart.kind.libraryType)
        // The C strings handed to libxlsxwriter must live until its calls return.
        let strings = CStrings()
        defer { withExtendedLifetime(strings) {} }
        let fonts = ChartFonts(name: chart.fontName, color: chart.textColor, strings: strings)

        chart.setTitle(of: built, fonts: fonts)
        try chart.setAxes(of: built, fonts: fonts)
        for series in chart.series {
            try series.add(to: built, chartTitle: chart.title, fonts: fonts)
        }
        try chart.setLegend(of: built, fonts: fonts)
        chart.setBarsAndBorder(of: built)

        var options = lxw_chart_options()
        options.x_scale = Double(chart.widthPixels) / 480
        options.y_scale = Double(chart.heightPixels) / 288
        options.object_position = UInt8(LXW_OBJECT_MOVE_DONT_SIZE.rawValue)
        options.description = strings.copy((chart.description ?? chart.title).singleLine)
        try XlsxWriteError.check(worksheet_insert_chart_opt(handle, lxw_row_t(row), lxw_col_t(column), built, &options),
                            "insert chart \"\(chart.title)\" on sheet \(name)")
    }
}

extension Chart {
    func setTitle(of built: UnsafeMutablePointer<lxw_chart>, fonts: ChartFonts) {
        // A title starting with `=` would be read as a cell reference.
        let text = title.singleLine
        chart_title_set_name(built, text.hasPrefix("=") ? " " + text : text)
        var titleFont = fonts.font(size: 12, bold: true)
        chart_title_set_name_font(built, &titleFont)
    }

    /// The gap between bars, stacked bars overlapping fully, and no border round the chart.
    func setBarsAndBorder(of built: UnsafeMutablePointer<lxw_chart>) {
        if let gap { chart_set_series_gap(built, UInt16(clamping: gap)) }
        if kind != .bar && kind != .column { chart_set_series_overlap(built, 100) }
        var noBorder = lxw_chart_line()
        noBorder.none = 1
        chart_chartarea_set_line(built, &noBorder)
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
