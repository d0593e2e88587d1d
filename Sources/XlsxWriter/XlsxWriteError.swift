internal import CXlsxWriter

/// Why a workbook could not be written. Each case names the cause in words a user can act on.
public enum XlsxWriteError: Error, Equatable, CustomStringConvertible {
    /// libxlsxwriter refused an operation; `message` is its own explanation (`lxw_strerror`).
    case library(operation: String, code: Int, message: String)
    /// A sheet name Excel would reject, or that libxlsxwriter would turn into a NULL sheet.
    case invalidSheetName(String, reason: String)
    /// A Table name Excel would reject: duplicates or malformed names corrupt the file silently.
    case invalidTableName(String, reason: String)
    /// Two columns of one Table with the same header (ignoring case) corrupt the file silently.
    case duplicateColumnHeader(table: String, header: String)
    /// A cell position beyond Excel's 1,048,576 rows or 16,384 columns.
    case cellOutOfRange(sheet: String, row: Int, column: Int)
    /// A chart that Excel cannot draw, e.g. one without series.
    case invalidChart(title: String, reason: String)
    /// A page header or footer longer than Excel's 255 characters.
    case headerFooterTooLong(sheet: String, length: Int)
    /// The workbook was already closed: a programming error in the caller.
    case workbookClosed
    /// A part reached the file-size limit (`ulimit -f`) and was cut short (see `FileSizeLimit`).
    case partCutShort(limit: UInt64)

    public var description: String {
        switch self {
        case let .library(operation, code, message):
            "libxlsxwriter could not \(operation): \(message) (error \(code))"
        case let .invalidSheetName(name, reason):
            "invalid sheet name \"\(name)\": \(reason)"
        case let .invalidTableName(name, reason):
            "invalid Table name \"\(name)\": \(reason)"
        case let .duplicateColumnHeader(table, header):
            "Table \(table) has two columns headed \"\(header)\" (Excel requires unique headers)"
        case let .cellOutOfRange(sheet, row, column):
            "cell at row \(row + 1), column \(column + 1) of sheet \"\(sheet)\" is beyond Excel's limits "
                + "(\(Limits.rows) rows, \(Limits.columns) columns)"
        case let .invalidChart(title, reason):
            "chart \"\(title)\" cannot be drawn: \(reason)"
        case let .headerFooterTooLong(sheet, length):
            "page header or footer of sheet \"\(sheet)\" has \(length) characters; Excel allows 255"
        case .workbookClosed:
            "the workbook was already closed"
        case .partCutShort(let limit):
            "File too large: a part of the workbook reached the file-size limit (ulimit -f) of \(limit) bytes "
                + "and was cut short"
        }
    }

    /// Turns a libxlsxwriter status into a thrown error; `LXW_NO_ERROR` passes.
    static func check(_ status: lxw_error, _ operation: @autoclosure () -> String) throws(XlsxWriteError) {
        guard status != LXW_NO_ERROR else { return }
        throw .library(operation: operation(), code: Int(status.rawValue),
                       message: String(cString: lxw_strerror(status)))
    }
}

/// Excel's fixed limits, checked here because libxlsxwriter either rejects or silently corrupts
/// values beyond them.
public enum Limits {
    public static let rows = 1_048_576
    public static let columns = 16_384
    /// Characters (UTF-16 units, as Excel counts) in one cell.
    public static let cellTextLength = 32_767
    /// Characters in a sheet name.
    public static let sheetNameLength = 31
    /// Characters in a page header or footer, codes included.
    public static let headerFooterLength = 255
}
