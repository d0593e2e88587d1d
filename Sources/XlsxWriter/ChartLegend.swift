internal import CXlsxWriter

extension Chart {
    /// Leaves out the series not in the legend, then places the legend.
    func setLegend(of built: UnsafeMutablePointer<lxw_chart>, fonts: ChartFonts) throws(XlsxWriteError) {
        var hidden = series.indices.filter { !series[$0].inLegend }.map { Int16($0) }
        if !hidden.isEmpty {
            hidden.append(-1)
            try XlsxWriteError.check(chart_legend_delete_series(built, &hidden), "hide legend entries of chart \(title)")
        }
        chart_legend_set_position(built, UInt8(legend.libraryPosition.rawValue))
        var legendFont = fonts.font(size: 9)
        chart_legend_set_font(built, &legendFont)
    }
}

extension Chart.LegendPosition {
    var libraryPosition: lxw_chart_legend_position {
        switch self {
        case .none: LXW_CHART_LEGEND_NONE
        case .top: LXW_CHART_LEGEND_TOP
        case .bottom: LXW_CHART_LEGEND_BOTTOM
        case .right: LXW_CHART_LEGEND_RIGHT
        }
    }
}
