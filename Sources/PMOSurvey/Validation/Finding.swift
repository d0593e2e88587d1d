/// One thing reading or validation noticed about the input, for the data-quality report.
public struct Finding: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable, CaseIterable {
        /// The row was rejected and reaches no figure.
        case error
        /// The row was kept; something in it looks wrong.
        case warning
        /// The row was replaced by a later answer from the same trust in the same wave.
        case superseded
        /// Something about the file as a whole (encoding, ignored columns).
        case info
    }

    /// The input the finding is about, where a survey is read from survey-tool exports or from
    /// several files (e.g. `export-2015.csv`, or `forms.xlsx, sheet Form1`); nil for a lone canonical CSV.
    public var file: String?
    /// Physical line in the file (header is line 1), or row of an .xlsx sheet; nil for findings about the whole file.
    public var line: Int?
    public var responseID: String?
    /// The column as named in the contract, e.g. `central_pmo_fte`.
    public var column: String?
    public var severity: Severity
    /// What is wrong and what to do, in plain English. Never quotes personal or free-text data.
    public var message: String
    /// The trusts (`Response.trustNumber`) the message names, for outputs others see: where one of
    /// them may not be named there, `sharedMessage` is shown instead.
    public var trustNumbers: [Int] = []
    /// The message without the names of trusts, for outputs where they may not be named.
    public var sharedMessage: String?

    public init(file: String? = nil, line: Int?, responseID: String?, column: String?, severity: Severity, message: String) {
        self.file = file
        self.line = line
        self.responseID = responseID
        self.column = column
        self.severity = severity
        self.message = message
    }
}

extension Finding: CustomStringConvertible {
    /// `line 12, column sector (response R012): error: unknown sector "Acut"`, after the file when
    /// it has one; in a workbook `forms.xlsx, row 74 (sheet Form1), column sector ...`.
    public var description: String {
        var place: [String] = []
        let (fileName, sheet) = Self.split(file)
        if let fileName { place.append(fileName) }
        if let line { place.append(sheet.map { "row \(line) (\($0))" } ?? "line \(line)") } else if let sheet { place.append(sheet) }
        if let column { place.append("column \(column)") }
        var s = place.joined(separator: ", ")
        if let responseID, !responseID.isEmpty { s += s.isEmpty ? "response \(responseID)" : " (response \(responseID))" }
        return (s.isEmpty ? "" : s + ": ") + "\(severity.rawValue): \(message)"
    }

    /// Whether `file` names a workbook's sheet (`forms.xlsx, sheet Form1`), whose records are rows, not lines.
    public static func isSheet(_ file: String?) -> Bool { split(file).sheet != nil }

    /// `forms.xlsx, sheet Form1` -> (`forms.xlsx`, `sheet Form1`); a CSV's name -> (name, nil).
    public static func split(_ file: String?) -> (file: String?, sheet: String?) {
        guard let file, let cut = file.range(of: ", sheet ") ?? file.range(of: ", first sheet") else { return (file, nil) }
        return (String(file[..<cut.lowerBound]), String(file[file.index(cut.lowerBound, offsetBy: 2)...]))
    }

    /// "line" for a CSV, "row" for a workbook's sheet, as a finding about `file` names its records.
    public static func recordWord(_ file: String?) -> String { isSheet(file) ? "row" : "line" }
}
