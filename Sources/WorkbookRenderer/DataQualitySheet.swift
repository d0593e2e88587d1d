import PMOSurvey
import XlsxWriter

/// Everything reading and validation noticed, plus what the workbook itself had to change
/// (values cut to Excel's cell limit), so an analyst can fix the source file.
extension WorkbookBuilder {
    func writeDataQuality() throws(XlsxWriteError) {
        let added = adjustments.allFindings
        let records = analysis.dataQualityTable(adding: added)
        var bySeverity: [Finding.Severity: Int] = [:]
        for finding in analysis.survey.findings + added { bySeverity[finding.severity, default: 0] += 1 }
        let severities = Finding.Severity.allCases.compactMap { severity in
            bySeverity[severity].map { n in
                let noun = switch severity {
                case .error: n == 1 ? "error" : "errors"
                case .warning: n == 1 ? "warning" : "warnings"
                case .superseded: "superseded"
                case .info: n == 1 ? "note" : "notes"
                }
                return "\(n.grouped) \(noun)"
            }
        }
        let (sheet, headerRow) = try beginSheet(SheetLayout.dataQuality, title: "Data quality", description: [
            records.count == 0 ? "Nothing to report: every row was read and used as it stands."
                : "Findings: " + severities.joined(separator: ", ") + ".",
            "Rows with an error were rejected and reach no figure; superseded rows were replaced by a later answer from the same trust in the same wave.",
        ])
        try writeRecords(records, rows: 0..<records.count, tableName: "DataQuality", on: sheet, headerRow: headerRow,
                         formats: [Styles.integer, Styles.text, Styles.text, Styles.text, Styles.text])
        for (column, width) in [8.0, 14, 20, 11, 110].enumerated() {
            try sheet.setWidth(width, columns: column...column)
        }
        try finishSheet(sheet, headerRow: headerRow)
    }
}
