import PMOSurvey
import ReportStyle
import XlsxWriter

/// The native chart of each breakdown, read from the sheet's chart data block.
enum BreakdownCharts {
    private static let gridlines = Color(Palette.sheetGridline)
    private static let outline = Color.white

    /// Categories top to bottom in the contract's order, with the value axis kept at the bottom.
    private static func categoryAxis(_ title: String) -> Chart.Axis {
        Chart.Axis(title: title, reversed: true, crossesAtMaximum: true)
    }

    /// Single-choice shares: one 100% bar per group, a segment per category, labelled with its
    /// share (zero shares unlabelled).
    static func stacked(_ table: ShareTable, block: ChartBlock.Placed, title: String? = nil) -> Chart {
        let series = table.categories.indices.map { c in
            let fill = Palette.category(table.categories[c], at: c)
            return Chart.Series(
                name: block.name(ofSeries: c), categories: block.categories, values: block.values(ofSeries: c),
                fill: Color(fill), border: Palette.border(for: fill),
                dataLabels: Chart.DataLabels(numberFormat: NumberStyle.roundShare.excelLabelFormat, position: .centre, fontColor: Palette.labelColor(on: fill)))
        }
        return Chart(
            kind: .percentStackedBar, title: title ?? table.title,
            categoryAxis: categoryAxis(table.groupKind.rawValue),
            valueAxis: Chart.Axis(title: "Share of \(table.baseDescription)", numberFormat: NumberStyle.roundShare.excelFormat, majorUnit: 0.25,
                                  gridlines: gridlines),
            series: series, legend: .top, gap: 50, fontName: Styles.font, textColor: Color(Palette.sheetText),
            heightPixels: max(300, 130 + 42 * block.rowCount),
            description: ChartDescriptions.stacked(table, block: block.block))
    }

    /// Multiple-choice shares: a cluster of bars per item, one bar per group.
    static func clustered(_ table: ShareTable, block: ChartBlock.Placed) -> Chart {
        let series = table.groups.indices.map { g in
            let fill = Palette.group(table.groups[g].label, at: g)
            return Chart.Series(name: block.name(ofSeries: g), categories: block.categories, values: block.values(ofSeries: g),
                                fill: Color(fill), border: Palette.border(for: fill))
        }
        let bars = table.categories.count * (table.groups.count + 1)
        return Chart(
            kind: .bar, title: table.title,
            categoryAxis: categoryAxis(table.categoryKind),
            valueAxis: Chart.Axis(title: "Share of \(table.baseDescription)", numberFormat: NumberStyle.roundShare.excelFormat, minimum: 0,
                                  maximum: 1, majorUnit: 0.25, gridlines: gridlines),
            series: series, legend: .bottom, gap: 60, fontName: Styles.font, textColor: Color(Palette.sheetText),
            heightPixels: max(360, 150 + 11 * bars), description: ChartDescriptions.clustered(table, block: block.block))
    }

    /// FTE: a bar from the lower to the upper quartile per group, its shade changing at the
    /// median; the categories name the median. No legend: LibreOffice misplaces the deletion
    /// of the spacer's legend entry, and the axis title says what the bar means.
    static func quartileRange(_ table: FTETable, block: ChartBlock.Placed) -> Chart {
        let series = [
            Chart.Series(name: block.name(ofSeries: 0), categories: block.categories, values: block.values(ofSeries: 0),
                         fill: nil, inLegend: false),
            Chart.Series(name: block.name(ofSeries: 1), categories: block.categories, values: block.values(ofSeries: 1),
                         fill: Color(Palette.lowerQuartileToMedian), border: outline),
            Chart.Series(name: block.name(ofSeries: 2), categories: block.categories, values: block.values(ofSeries: 2),
                         fill: Color(Palette.medianToUpperQuartile), border: Palette.border(for: Palette.medianToUpperQuartile)),
        ]
        return Chart(
            kind: .stackedBar, title: table.title + ": median and interquartile range",
            categoryAxis: categoryAxis(table.groupKind.rawValue),
            valueAxis: Chart.Axis(title: "Central PMO FTE: bar from lower to upper quartile, shade changes at the median",
                                  numberFormat: NumberStyle.wholeAmount.excelFormat, minimum: 0, gridlines: gridlines),
            series: series, legend: .none, gap: 60, fontName: Styles.font, textColor: Color(Palette.sheetText),
            heightPixels: max(300, 110 + 42 * table.groups.count), description: ChartDescriptions.quartileRange(table))
    }
}
