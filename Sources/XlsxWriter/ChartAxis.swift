internal import CXlsxWriter

extension Chart {
    func setAxes(of built: UnsafeMutablePointer<lxw_chart>, fonts: ChartFonts) throws(XlsxWriteError) {
        // libxlsxwriter names axes by direction: in a horizontal bar chart the categories run
        // along y and the values along x.
        let (categoryDirection, valueDirection) = kind.isHorizontal
            ? (LXW_CHART_AXIS_TYPE_Y, LXW_CHART_AXIS_TYPE_X) : (LXW_CHART_AXIS_TYPE_X, LXW_CHART_AXIS_TYPE_Y)
        for (direction, axis) in [(categoryDirection, categoryAxis), (valueDirection, valueAxis)] {
            guard let handle = chart_axis_get(built, direction) else {
                throw .invalidChart(title: title, reason: "libxlsxwriter has no such axis for this kind of chart")
            }
            axis.apply(to: handle, fonts: fonts)
        }
    }
}

extension Chart.Axis {
    /// Title, numbers, scale, direction and gridlines.
    func apply(to axis: UnsafeMutablePointer<lxw_chart_axis>, fonts: ChartFonts) {
        if let title {
            chart_axis_set_name(axis, title.singleLine)
            var titleFont = fonts.font(size: 9, bold: true)
            chart_axis_set_name_font(axis, &titleFont)
        }
        var numbers = fonts.font(size: 9)
        chart_axis_set_num_font(axis, &numbers)
        if let numberFormat { chart_axis_set_num_format(axis, numberFormat) }
        if let minimum, minimum.isFinite { chart_axis_set_min(axis, minimum) }
        if let maximum, maximum.isFinite { chart_axis_set_max(axis, maximum) }
        if let majorUnit, majorUnit.isFinite, majorUnit > 0 { chart_axis_set_major_unit(axis, majorUnit) }
        if reversed { chart_axis_set_reverse(axis) }
        if crossesAtMaximum { chart_axis_set_crossing_max(axis) }
        if let gridlines {
            chart_axis_major_gridlines_set_visible(axis, 1)
            var line = lxw_chart_line()
            line.color = gridlines.rgb
            line.width = 0.5
            chart_axis_major_gridlines_set_line(axis, &line)
        } else {
            chart_axis_major_gridlines_set_visible(axis, 0)
        }
    }
}
