import A1Notation
internal import CXlsxWriter
import Foundation

/// One sheet of a workbook. Cells are written by zero-based row and column.
///
/// Text is always written as a string, never as a formula: survey answers such as
/// `=HYPERLINK(...)`, `+44 …` or `@SUM(…)` stay inert text.
public struct Worksheet {
    public let name: String
    let workbook: Workbook
    let handle: UnsafeMutablePointer<lxw_worksheet>

    init(workbook: Workbook, handle: UnsafeMutablePointer<lxw_worksheet>, name: String) {
        self.workbook = workbook
        self.handle = handle
        self.name = name
    }

    /// Checks a sheet name against Excel's rules: 1 to 31 characters, none of `[]:*?/\`, no
    /// apostrophe at either end, not `History` (reserved by Excel).
    public static func validate(name: String) throws(XlsxWriteError) {
        if name.isEmpty { throw .invalidSheetName(name, reason: "it is empty") }
        if name.utf16.count > Limits.sheetNameLength {
            throw .invalidSheetName(name, reason: "it is longer than \(Limits.sheetNameLength) characters")
        }
        if let bad = name.first(where: { "[]:*?/\\".contains($0) }) {
            throw .invalidSheetName(name, reason: "it contains \"\(bad)\", which Excel forbids in sheet names")
        }
        if name.unicodeScalars.contains(where: { !CellText.isAllowedInXML($0) || $0.value < 0x20 }) {
            throw .invalidSheetName(name, reason: "it contains a control character")
        }
        if name.hasPrefix("'") || name.hasSuffix("'") {
            throw .invalidSheetName(name, reason: "it starts or ends with an apostrophe")
        }
        if name.lowercased() == "history" {
            throw .invalidSheetName(name, reason: "Excel reserves this name")
        }
    }

    // MARK: Cells

    /// Writes text as a string cell, made XML-safe and cut to Excel's limit. Returns what was
    /// stored so that the caller can report a cut.
    @discardableResult
    public func write(_ text: String, row: Int, column: Int, format: CellFormat? = nil) throws(XlsxWriteError) -> CellText {
        try checkCell(row, column)
        let cell = CellText(text)
        try XlsxWriteError.check(
            worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(column), cell.value, workbook.format(format)),
            "write text to \(place(row, column))")
        return cell
    }

    /// Writes a number. NaN and infinity have no representation in a cell (libxlsxwriter would
    /// write `NAN` and corrupt the file), so they leave the cell empty, as a missing value.
    public func write(number: Double, row: Int, column: Int, format: CellFormat? = nil) throws(XlsxWriteError) {
        guard number.isFinite else { return try writeBlank(row: row, column: column, format: format) }
        try checkCell(row, column)
        try XlsxWriteError.check(
            worksheet_write_number(handle, lxw_row_t(row), lxw_col_t(column), number, workbook.format(format)),
            "write a number to \(place(row, column))")
    }

    public func write(boolean: Bool, row: Int, column: Int, format: CellFormat? = nil) throws(XlsxWriteError) {
        try checkCell(row, column)
        try XlsxWriteError.check(
            worksheet_write_boolean(handle, lxw_row_t(row), lxw_col_t(column), boolean ? 1 : 0, workbook.format(format)),
            "write a boolean to \(place(row, column))")
    }

    /// An empty cell; it keeps its format (libxlsxwriter ignores a blank without one).
    public func writeBlank(row: Int, column: Int, format: CellFormat? = nil) throws(XlsxWriteError) {
        try checkCell(row, column)
        try XlsxWriteError.check(
            worksheet_write_blank(handle, lxw_row_t(row), lxw_col_t(column), workbook.format(format)),
            "write an empty cell to \(place(row, column))")
    }

    /// A link to cell `A1` of another sheet of this workbook, showing `text`.
    public func writeLink(toSheet sheet: String, text: String, row: Int, column: Int,
                          format: CellFormat? = nil) throws(XlsxWriteError) {
        try checkCell(row, column)
        let target = "internal:'" + sheet.replacingOccurrences(of: "'", with: "''") + "'!A1"
        try XlsxWriteError.check(
            worksheet_write_url_opt(handle, lxw_row_t(row), lxw_col_t(column), target, workbook.format(format),
                                    CellText(text).value, nil),
            "write a link to sheet \(sheet) at \(place(row, column))")
    }

    /// Merges a block of cells into one, showing `text`.
    public func merge(_ text: String, rows: ClosedRange<Int>, columns: ClosedRange<Int>,
                      format: CellFormat? = nil) throws(XlsxWriteError) {
        try checkCell(rows.upperBound, columns.upperBound)
        try XlsxWriteError.check(
            worksheet_merge_range(handle, lxw_row_t(rows.lowerBound), lxw_col_t(columns.lowerBound),
                                  lxw_row_t(rows.upperBound), lxw_col_t(columns.upperBound),
                                  CellText(text).value, workbook.format(format)),
            "merge cells \(place(rows.lowerBound, columns.lowerBound)):\(CellReference.a1(row: rows.upperBound, column: columns.upperBound))")
    }

    // MARK: Layout

    /// Width in characters of the default font, as Excel measures columns.
    public func setWidth(_ width: Double, columns: ClosedRange<Int>) throws(XlsxWriteError) {
        try checkCell(0, columns.upperBound)
        try XlsxWriteError.check(
            worksheet_set_column(handle, lxw_col_t(columns.lowerBound), lxw_col_t(columns.upperBound), width, nil),
            "set column widths on sheet \(name)")
    }

    /// Height in points.
    public func setHeight(_ height: Double, row: Int) throws(XlsxWriteError) {
        try checkCell(row, 0)
        try XlsxWriteError.check(worksheet_set_row(handle, lxw_row_t(row), height, nil), "set the height of row \(row + 1) on sheet \(name)")
    }

    /// Keeps the rows above `row` and the columns left of `column` in view while scrolling.
    public func freezePanes(row: Int, column: Int = 0) {
        worksheet_freeze_panes(handle, lxw_row_t(row), lxw_col_t(column))
    }

    public func hideGridlines() {
        worksheet_gridlines(handle, UInt8(LXW_HIDE_ALL_GRIDLINES.rawValue))
    }

    public func setTabColor(_ color: Color) {
        worksheet_set_tab_color(handle, color.rgb)
    }

    /// Makes this the sheet shown when the file opens.
    public func activate() {
        worksheet_activate(handle)
    }

    func checkCell(_ row: Int, _ column: Int) throws(XlsxWriteError) {
        guard (0..<Limits.rows).contains(row), (0..<Limits.columns).contains(column) else {
            throw .cellOutOfRange(sheet: name, row: row, column: column)
        }
    }

    func place(_ row: Int, _ column: Int) -> String {
        "cell \(CellReference.a1(row: row, column: column)) of sheet \(name)"
    }
}
