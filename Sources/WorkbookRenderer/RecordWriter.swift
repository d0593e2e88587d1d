import PMOSurvey
import ReportStyle
import XlsxWriter

/// Writes rows of a contract table (`RecordTable`) under a header row and declares them an Excel
/// Table, so every figure keeps its type: numbers stay numbers, dates become Excel dates, survey
/// text stays text.
extension WorkbookBuilder {
    /// Writes `rows` of `records` below `headerRow` and returns the Table declared over them.
    /// `noteText` hears of every text cell written, so cuts can be reported.
    @discardableResult
    func writeRecords(_ records: RecordTable, rows: Range<Int>, tableName: String, on sheet: Worksheet,
                      headerRow: Int, formats: [CellFormat],
                      noteText: (CellText, _ column: Int, _ record: [FieldValue], _ row: Int) -> Void = { _, _, _, _ in })
        throws(XlsxWriteError) -> Table {
        try sheet.writeRecords(records, rows: rows, tableName: tableName, headerRow: headerRow, formats: formats,
                               noteText: noteText)
    }
}

extension Worksheet {
    /// Writes `rows` of `records` below `headerRow` and returns the Table declared over them; any
    /// workbook (the report, a trust's pack) writes its contract-style Tables this way.
    @discardableResult
    func writeRecords(_ records: RecordTable, rows: Range<Int>, tableName: String, headerRow: Int,
                      formats: [CellFormat],
                      noteText: (CellText, _ column: Int, _ record: [FieldValue], _ row: Int) -> Void = { _, _, _, _ in })
        throws(XlsxWriteError) -> Table {
        let sheet = self
        precondition(formats.count == records.columns.count, "one format per column")
        var row = headerRow + 1
        for index in rows {
            let record = records.row(index)
            for (column, value) in record.enumerated() {
                let format = formats[column]
                switch value {
                case .text(let text):
                    let stored = try sheet.write(text, row: row, column: column, format: format)
                    noteText(stored, column, record, row)
                case .integer(let n):
                    try sheet.write(number: Double(n), row: row, column: column, format: format)
                case .number(let x):
                    try sheet.write(number: x, row: row, column: column, format: format)
                case .date(let date):
                    try sheet.write(number: Styles.serial(daysSinceEpoch: date.daysSinceEpoch, secondsOfDay: date.secondsOfDay),
                                    row: row, column: column, format: Styles.date)
                case .boolean(let b):
                    try sheet.write(boolean: b, row: row, column: column, format: format)
                case .empty:
                    break
                case .withheld:
                    try sheet.write(Withheld.mark, row: row, column: column, format: Styles.withheld)
                }
            }
            row += 1
        }
        let table = Table(name: tableName, headers: records.columns, firstRow: headerRow, rowCount: rows.count,
                          style: .light(9), headerFormat: Styles.tableHeader)
        try sheet.addTable(table)
        sheet.freezePanes(row: headerRow + 1)
        return table
    }
}
