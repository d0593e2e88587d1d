internal import CXlsxWriter

extension Chart.Series {
    /// Adds the series to the chart: the cells of its name, categories and values, its fill,
    /// border and data labels.
    func add(to built: UnsafeMutablePointer<lxw_chart>, chartTitle: String, fonts: ChartFonts) throws(XlsxWriteError) {
        guard let series = chart_add_series(built, nil, nil) else {
            throw .invalidChart(title: chartTitle, reason: "libxlsxwriter could not add a series")
        }
        chart_series_set_name_range(series, name.sheet, lxw_row_t(name.rows.lowerBound),
                                    lxw_col_t(name.columns.lowerBound))
        chart_series_set_categories(series, categories.sheet,
                                    lxw_row_t(categories.rows.lowerBound), lxw_col_t(categories.columns.lowerBound),
                                    lxw_row_t(categories.rows.upperBound), lxw_col_t(categories.columns.upperBound))
        chart_series_set_values(series, values.sheet,
                                lxw_row_t(values.rows.lowerBound), lxw_col_t(values.columns.lowerBound),
                                lxw_row_t(values.rows.upperBound), lxw_col_t(values.columns.upperBound))
        var fill = lxw_chart_fill()
        var line = lxw_chart_line()
        if let color = self.fill { fill.color = color.rgb } else { fill.none = 1 }
        if let border, self.fill != nil {
            line.color = border.rgb
            line.width = 0.75
        } else {
            line.none = 1
        }
        chart_series_set_fill(series, &fill)
        chart_series_set_line(series, &line)
        if let dataLabels {
            dataLabels.apply(to: series, font: fonts.font(size: 9, bold: dataLabels.bold, color: dataLabels.fontColor))
        }
    }
}

extension Chart.DataLabels {
    func apply(to series: UnsafeMutablePointer<lxw_chart_series>, font: lxw_chart_font) {
        chart_series_set_labels(series)
        if let numberFormat { chart_series_set_labels_num_format(series, numberFormat) }
        if let position {
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
