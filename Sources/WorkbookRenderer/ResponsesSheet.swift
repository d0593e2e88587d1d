import A1Notation
import PMOSurvey
import XlsxWriter

/// The validated responses of every wave of the trusts that may be named (disclosure control R1),
/// on as many sheets as Excel's row limit needs.
extension WorkbookBuilder {
    func writeResponses() throws(XlsxWriteError) {
        let records = analysis.sharedResponses
        let formats = records.columns.map(Self.responseFormat)
        let perSheet = layout.responsesPerSheet
        let idColumn = records.columns.firstIndex(of: "response_id")!

        for (part, name) in layout.responseSheets.enumerated() {
            let rows = (part * perSheet)..<min(records.count, (part + 1) * perSheet)
            var description = [
                "\(records.count.grouped) validated responses of every wave, one row per trust and wave, "
                    + "with derived size bands. Respondents' names, e-mails and roles are never included.",
                analysis.definition.internalUse
                    ? "Every trust is named (internal use)."
                    : "Only trusts that agreed to be named are listed: a record under a peer code would single a trust out by its sector and headcount.",
            ]
            if layout.responseSheets.count > 1 {
                description[0] += " Part \(part + 1) of \(layout.responseSheets.count): rows \((rows.lowerBound + 1).grouped) to \(rows.upperBound.grouped)."
            }
            let (sheet, headerRow) = try beginSheet(name, title: "Responses", description: description)
            try writeRecords(records, rows: rows, tableName: SheetLayout.responsesTableName(part), on: sheet,
                             headerRow: headerRow, formats: formats) { stored, column, record, row in
                guard stored.truncatedFrom != nil || stored.removedControlCharacters else { return }
                let id: String? = if case .text(let text) = record[idColumn] { text } else { nil }
                adjustments.record(stored, column: records.columns[column], responseID: id,
                                   line: id.flatMap { linesByResponseID[$0] }, sheet: name,
                                   cell: CellReference.a1(row: row, column: column))
            }
            for (column, header) in records.columns.enumerated() {
                try sheet.setWidth(Self.responseWidths[header] ?? 14, columns: column...column)
            }
            try finishSheet(sheet, headerRow: headerRow)
        }
    }

    private static func responseFormat(_ column: String) -> CellFormat {
        switch column {
        case "staff_headcount": Styles.count
        case "established": Styles.integer
        case "central_pmo_fte", "devolved_pm_fte": Styles.fte
        case "fte_per_1000_staff": Styles.ratio
        case "submitted": Styles.date
        default: Styles.text
        }
    }

    /// Widths in characters. Text does not wrap: one line per response keeps the sheet scannable
    /// (libxlsxwriter cannot size rows to wrapped text).
    private static let responseWidths: [String: Double] = [
        "response_id": 13, "wave": 11, "submitted": 12, "trust_code": 11, "trust_name": 40, "sector": 15,
        "region": 16, "foundation_trust": 11, "staff_headcount": 10, "pmo_model": 11, "pmo_name": 28,
        "central_pmo_fte": 10, "devolved_pm_fte": 10, "project_types": 30, "pmo_services": 34, "reports_to": 16,
        "methodology": 20, "established": 10, "share_consent": 10, "comments": 50, "trust_size": 10,
        "pmo_size": 14, "fte_per_1000_staff": 11,
    ]
}
