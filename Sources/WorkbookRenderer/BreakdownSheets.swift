import PMOSurvey
import ReportStyle
import XlsxWriter

/// A breakdown sheet: the contract's long-form Table on the left (what scripts read), a small
/// crosstab of the charted figures on the right (what people read), and the chart below it.
extension WorkbookBuilder {
    /// Column where the chart data and the chart start, right of the Table.
    static let chartColumn = 10
    /// The most groups (waves) a stacked chart shows.
    static let chartedGroups = 24

    func writeShareSheet(_ table: ShareTable, named name: String) throws(XlsxWriteError) {
        var method = "Share = count / base, with its 95% Wilson score interval (ci_low to ci_high)."
        if table.multipleChoice { method += " Trusts could choose several items, so shares may sum past 100%." }
        let (sheet, headerRow) = try beginSheet(name, title: table.title, description: [
            "\(scope(of: table.name)) Base: \(table.baseDescription).", method,
        ])
        let records = table.records
        let tableInfo = try writeRecords(records, rows: 0..<records.count, tableName: table.name.rawValue, on: sheet,
                                         headerRow: headerRow,
                                         formats: [Styles.text, Styles.text, Styles.count, Styles.count,
                                                   Styles.share, Styles.share, Styles.share])
        for (column, width) in [22.0, 24, 9, 9, 10, 10, 10].enumerated() {
            try sheet.setWidth(width, columns: column...column)
        }
        if table.hasWithheld { try noteWithheld(under: tableInfo, on: sheet) }

        // Single-choice: one stacked bar per group. Multiple-choice: one cluster per item. A chart
        // of thousands of waves is unreadable: it shows the latest, the Table has them all.
        let charted = table.groups.suffix(Self.chartedGroups)
        // A 100% bar with a segment withheld would stretch the others: such a group gets no bar.
        let block: ChartBlock = if table.multipleChoice {
            ChartBlock(corner: table.categoryKind, rowLabels: table.categories,
                       columnLabels: table.groups.map(\.labelWithBase),
                       values: table.categories.indices.map { c in table.groups.map { $0.share(c)?.value } })
        } else {
            ChartBlock(corner: table.groupKind.rawValue, rowLabels: charted.map(\.labelWithBase),
                       columnLabels: table.categories.map(categoryLabel),
                       values: charted.map { g in g.hasWithheld ? g.figures.map { _ in nil } : g.figures.map { $0?.value } })
        }
        let windowed = charted.count < table.groups.count
        let placed = try block.write(on: sheet, headerRow: headerRow, column: Self.chartColumn, format: Styles.share,
                                     caption: windowed ? "The latest \(charted.count) of \(table.groups.count.grouped) groups as charted "
                                        + "(Table \(table.name) has every one)" : "Shares as charted (from Table \(table.name))")
        if !table.groups.isEmpty {
            let chart = table.multipleChoice
                ? BreakdownCharts.clustered(table, block: placed)
                : BreakdownCharts.stacked(table, block: placed,
                                          title: windowed ? "\(table.title): the latest \(charted.count) of \(table.groups.count.grouped)" : nil)
            try sheet.insert(chart, row: placed.lastRow + 2, column: Self.chartColumn)
        }
        if table.name != .modelByWave {
            try writeLetters(table, row: placed.lastRow + 3 + Self.chartRows, column: Self.chartColumn, on: sheet)
        }
        try finishSheet(sheet, headerRow: tableInfo.firstRow)
    }

    func writeFTESheet(_ table: FTETable, named name: String) throws(XlsxWriteError) {
        let (sheet, headerRow) = try beginSheet(name, title: table.title, description: [
            "\(scope(of: table.name)) Central PMO full-time equivalents (FTE) of trusts with a central or hybrid model that gave a figure.",
            "Quartiles by inclusive interpolation (Excel QUARTILE.INC); median_per_1000_staff over trusts that also gave their headcount.",
        ])
        let records = table.records
        let tableInfo = try writeRecords(records, rows: 0..<records.count, tableName: table.name.rawValue, on: sheet,
                                         headerRow: headerRow,
                                         formats: [Styles.text, Styles.count, Styles.fte, Styles.fte, Styles.fte,
                                                   Styles.fte, Styles.fte, Styles.fte, Styles.ratio])
        for (column, width) in [22.0, 7, 9, 9, 9, 9, 9, 9, 22].enumerated() {
            try sheet.setWidth(width, columns: column...column)
        }
        if table.hasWithheld { try noteWithheld(under: tableInfo, on: sheet) }

        // A range bar: an invisible segment up to the lower quartile, then two visible halves
        // that meet at the median.
        let block = ChartBlock(
            corner: table.groupKind.rawValue,
            rowLabels: table.groups.map { "\($0.labelWithBase), median \($0.median.map { NumberText.decimal($0, places: 1) } ?? Withheld.mark)" },
            columnLabels: ["Up to lower quartile", "Lower quartile to median", "Median to upper quartile"],
            values: table.groups.map { g in
                guard let q1 = g.q1, let median = g.median, let q3 = g.q3 else { return [nil, nil, nil] }
                return [q1, median - q1, q3 - median]
            })
        let placed = try block.write(on: sheet, headerRow: headerRow, column: Self.chartColumn, format: Styles.fte,
                                     caption: "Quartile range as charted (from Table \(table.name))")
        if !table.groups.isEmpty {
            try sheet.insert(BreakdownCharts.quartileRange(table, block: placed), row: placed.lastRow + 2, column: Self.chartColumn)
        }
        try finishSheet(sheet, headerRow: tableInfo.firstRow)
    }

    /// What `[c]` means, two rows under the Table.
    private func noteWithheld(under table: Table, on sheet: Worksheet) throws(XlsxWriteError) {
        try sheet.write(Withheld.markNote, row: table.lastRow + 2, column: 0, format: Styles.note)
    }

    /// Which responses a breakdown describes, as a sentence.
    private func scope(of table: TableName) -> String {
        if table == .modelByWave { return "Every survey wave, oldest first." }
        guard analysis.survey.waves.count > 1 else { return "All valid responses." }
        return "Latest survey wave, \(analysis.survey.latestWave.displayLabel.singleLine)."
    }

    /// Legend text for a category: PMO models by their short label (`Central`), others as they are.
    private func categoryLabel(_ category: String) -> String {
        PMOModel(rawValue: category)?.label ?? category
    }
}

/// A small crosstab written for a chart to read: a corner label, column labels (series names),
/// row labels (categories) and values.
struct ChartBlock {
    let corner: String
    let rowLabels: [String]
    let columnLabels: [String]
    /// `values[row][column]`; nil for a withheld figure, written `[c]` and drawn as no bar.
    let values: [[Double?]]

    /// Where the block landed, for the chart's ranges.
    struct Placed {
        let sheet: String
        let headerRow: Int
        let firstColumn: Int
        let rowCount: Int
        let columnCount: Int
        let block: ChartBlock

        var firstRow: Int { headerRow + 1 }
        var lastRow: Int { headerRow + max(rowCount, 1) }
        var categories: CellRange { CellRange(sheet: sheet, rows: firstRow...lastRow, column: firstColumn) }
        func name(ofSeries s: Int) -> CellRange { CellRange(sheet: sheet, rows: headerRow...headerRow, column: firstColumn + 1 + s) }
        func values(ofSeries s: Int) -> CellRange { CellRange(sheet: sheet, rows: firstRow...lastRow, column: firstColumn + 1 + s) }
    }

    func write(on sheet: Worksheet, headerRow: Int, column: Int, format: CellFormat, caption: String) throws(XlsxWriteError) -> Placed {
        try sheet.write(caption, row: headerRow - 1, column: column, format: Styles.note)
        // Chart categories must be single-line, control-free text (they go into the chart XML).
        try sheet.write(corner.singleLine, row: headerRow, column: column, format: Styles.blockHeader)
        for (c, label) in columnLabels.enumerated() {
            try sheet.write(label.singleLine, row: headerRow, column: column + 1 + c, format: Styles.blockNumberHeader)
        }
        for (r, label) in rowLabels.enumerated() {
            try sheet.write(label.singleLine, row: headerRow + 1 + r, column: column, format: Styles.text)
            for (c, value) in values[r].enumerated() {
                if let value {
                    try sheet.write(number: value, row: headerRow + 1 + r, column: column + 1 + c, format: format)
                } else {
                    try sheet.write(Withheld.mark, row: headerRow + 1 + r, column: column + 1 + c, format: Styles.withheld)
                }
            }
        }
        try sheet.setWidth(30, columns: column...column)
        if !columnLabels.isEmpty {
            try sheet.setWidth(13, columns: (column + 1)...(column + columnLabels.count))
        }
        return Placed(sheet: sheet.name, headerRow: headerRow, firstColumn: column, rowCount: rowLabels.count,
                      columnCount: columnLabels.count, block: self)
    }
}
