/// Why a survey file cannot be used at all. Each names the file and, where it can, the line.
public enum SurveyFileError: Error, Sendable, CustomStringConvertible {
    case cannotOpen(file: String, reason: String)
    case empty(file: String)
    case notText(file: String, looksLike: String)
    case utf16(file: String)
    case wrongSeparator(file: String, separator: String)
    case missingColumns(file: String, columns: [String])
    case duplicateColumn(file: String, column: String, headers: [String])
    case noValidRows(file: String, rows: Int, findings: [Finding])
    /// A mapping that does not fit its export (a question no column matches, or several): the
    /// message names the mapping file, key, line and candidate columns. Exit 64, like a bad definition.
    case badMapping(String)
    /// An .xlsx input that is not a workbook that can be read: corrupt, encrypted, or another kind of file.
    case unreadableWorkbook(file: String, reason: String)
    /// A header row wider than any spreadsheet (`limit` columns, Excel's A to XFD).
    case tooWide(file: String, line: Int, limit: Int)
    /// An export whose header rows are not those its tool writes (a SurveyMonkey export without
    /// its second header row): read on, its first response would become a header and answers
    /// would be lost without a word.
    case unexpectedHeader(file: String, line: Int, problem: String)

    /// Whether the file could not be opened (exit 66) rather than being unusable (exit 65).
    public var isUnreadable: Bool {
        if case .cannotOpen = self { return true }
        return false
    }

    /// Whether the mapping, not the data, is at fault (exit 64).
    public var isBadMapping: Bool {
        if case .badMapping = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case let .cannotOpen(file, reason):
            "\(file): cannot open: \(reason)"
        case let .empty(file):
            "\(file): the file is empty; expected a CSV with a header row and one row per response"
        case let .notText(file, kind) where kind.contains("Excel workbook"):
            // A survey tool's .xlsx is read through a mapping; re-saving it as CSV would not make it canonical.
            "\(file): not a CSV file (it looks like \(kind)); a survey tool's export is read through a mapping: run `pmo-report map --input \(file) --output mapping.yaml`, check its `# check` lines, then give it with --mapping"
        case let .notText(file, kind):
            "\(file): not a CSV file (it looks like \(kind)); export the survey as CSV (comma-separated, UTF-8)"
        case let .utf16(file):
            "\(file): the file is UTF-16 text (Excel's \"Unicode Text\"); save it as \"CSV UTF-8 (Comma delimited)\""
        case let .wrongSeparator(file, separator):
            "\(file), line 1: the file is \(separator)-separated, not comma-separated; export it as CSV with commas (in Excel: \"CSV UTF-8 (Comma delimited)\")"
        case let .missingColumns(file, columns):
            "\(file), line 1: the header lacks the required column\(columns.count == 1 ? "" : "s") \(columns.joined(separator: ", "))"
        case let .duplicateColumn(file, column, headers):
            "\(file), line 1: the header has column \(column) more than once (as \(headers.map { quoted($0, limit: 80) }.joined(separator: " and "))); keep one"
        case let .noValidRows(file, rows, _):
            rows == 0
                ? "\(file): the file has a header but no responses"
                : "\(file): none of the \(rows) responses is valid; see the findings above"
        case let .badMapping(message):
            message
        case let .unreadableWorkbook(file, reason):
            "\(file): cannot read it as an .xlsx workbook: \(reason)"
        case let .tooWide(file, line, limit):
            "\(file), line \(line): the header has more than \(limit.grouped) columns, the most a spreadsheet holds (A to XFD); is it a header at all?"
        case let .unexpectedHeader(file, line, problem):
            "\(file), line \(line): \(problem)"
        }
    }
}
