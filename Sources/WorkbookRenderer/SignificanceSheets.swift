import PMOSurvey
import XlsxWriter

/// The sheets of the significance tests: the test of each table, every pair of groups, and the
/// same trusts' moves between the two latest waves.
extension WorkbookBuilder {
    func writeSignificanceSheets() throws(XlsxWriteError) {
        let tests = analysis.significance
        try writeTestSheet(SheetLayout.significanceTests, title: "Significance tests", records: tests.testRecords, description: [
            "One test per breakdown of the latest wave (per item where trusts could choose several), groups other than All trusts, categories with no answer left out.",
            "chi-square: Pearson's test without continuity correction; exact: the same statistic, p-value from every table with the same margins (some expected counts below 5; two columns or two rows); monte-carlo: the same, from random tables with the same margins, drawn until the p-value is settled, at most \(IndependenceTest.simulatedTables.grouped) (fixed seed); bowker: symmetry of the same trusts' models in the two latest waves.",
        ], formats: [Styles.text, Styles.text, Styles.text, Styles.ratio, Styles.integer, Styles.pValue, Styles.integer, Styles.count],
           widths: [24, 22, 13, 10, 6, 10, 8, 9])
        try writeTestSheet(SheetLayout.pairwiseTests, title: "Pairwise tests", records: tests.pairRecords, description: [
            "Each pair of groups with \(Significance.smallestPairBase) or more answers, on each category: two-proportion z test (pooled), or Fisher's exact test where a cell is below \(Significance.smallestPairCell).",
            "p_adjusted: Holm's method over the pairs of the same breakdown and category. difference = share_a - share_b.",
        ], formats: [Styles.text, Styles.text, Styles.text, Styles.text, Styles.share, Styles.share, Styles.share, Styles.text,
                     Styles.pValue, Styles.pValue],
           widths: [22, 22, 16, 16, 9, 9, 10, 16, 10, 11])
        if let transitions = tests.transitionRecords {
            try writeTestSheet(SheetLayout.modelTransitions, title: "PMO model changes between waves", records: transitions, description: [
                "Trusts with a valid answer in both of the two latest waves: how many moved from each model to each other (zeros included).",
                "Bowker's test of symmetry on this table is in Table SignificanceTests.",
            ], formats: [Styles.text, Styles.text, Styles.text, Styles.text, Styles.count], widths: [14, 14, 12, 12, 9])
        }
    }

    private func writeTestSheet(_ name: String, title: String, records: RecordTable, description: [String],
                                formats: [CellFormat], widths: [Double]) throws(XlsxWriteError) {
        let (sheet, headerRow) = try beginSheet(name, title: title, description: description)
        try writeRecords(records, rows: 0..<records.count, tableName: records.name, on: sheet, headerRow: headerRow,
                         formats: formats)
        for (column, width) in widths.enumerated() { try sheet.setWidth(width, columns: column...column) }
        try finishSheet(sheet, headerRow: headerRow)
    }
}
