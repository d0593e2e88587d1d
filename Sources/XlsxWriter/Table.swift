import A1Notation
internal import CXlsxWriter

/// An Excel Table (Insert > Table): a named, filterable range that Power Query, pandas and R can
/// find by name.
public struct Table: Sendable {
    public enum Style: Sendable, Hashable {
        case light(Int), medium(Int), dark(Int)
    }

    public let name: String
    public let headers: [String]
    public let firstRow: Int
    public let firstColumn: Int
    /// Data rows below the header. Excel cannot keep a Table without rows, so an empty table
    /// spans one empty row.
    public let rowCount: Int
    public var style: Style
    public var headerFormat: CellFormat?

    public init(name: String, headers: [String], firstRow: Int, firstColumn: Int = 0, rowCount: Int,
                style: Style = .medium(2), headerFormat: CellFormat? = nil) {
        self.name = name
        self.headers = headers
        self.firstRow = firstRow
        self.firstColumn = firstColumn
        self.rowCount = rowCount
        self.style = style
        self.headerFormat = headerFormat
    }

    public var lastRow: Int { firstRow + max(rowCount, 1) }
    public var lastColumn: Int { firstColumn + headers.count - 1 }

    /// `A5:G33`.
    public var range: String {
        CellReference.a1(row: firstRow, column: firstColumn) + ":" + CellReference.a1(row: lastRow, column: lastColumn)
    }

    /// Excel's rules for defined names, which Tables share: a letter, `_` or `\` first, then
    /// letters, digits, `_` or `.`; at most 255 characters; not a cell reference such as `A1` or `R1C1`.
    public static func validate(name: String) throws(XlsxWriteError) {
        guard let first = name.unicodeScalars.first else { throw .invalidTableName(name, reason: "it is empty") }
        guard name.count <= 255 else { throw .invalidTableName(name, reason: "it is longer than 255 characters") }
        guard first.properties.isAlphabetic || first == "_" || first == "\\" else {
            throw .invalidTableName(name, reason: "it must start with a letter or underscore")
        }
        guard name.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "." || $0 == "\\" }) else {
            throw .invalidTableName(name, reason: "only letters, digits, underscores and full stops are allowed")
        }
        if looksLikeCellReference(name.uppercased()) {
            throw .invalidTableName(name, reason: "it reads as a cell reference")
        }
    }

    private static func looksLikeCellReference(_ name: String) -> Bool {
        if name == "R" || name == "C" { return true }
        let letters = name.prefix { ("A"..."Z").contains($0) }
        let digits = name.dropFirst(letters.count)
        if (1...3).contains(letters.count), !digits.isEmpty, digits.allSatisfy(\.isNumber) { return true }
        // R1C1 style: R, optional digits, C, optional digits.
        guard name.first == "R" else { return false }
        let afterR = name.dropFirst().drop { $0.isNumber }
        return afterR.first == "C" && afterR.dropFirst().allSatisfy(\.isNumber)
    }
}

extension Worksheet {
    /// Declares a Table over cells written (or to be written) on this sheet. libxlsxwriter writes
    /// the header row itself.
    public func addTable(_ table: Table) throws(XlsxWriteError) {
        try Table.validate(name: table.name)
        guard !table.headers.isEmpty else { throw .invalidTableName(table.name, reason: "it has no columns") }
        let headers = table.headers.map { $0.singleLine }
        var seen: Set<String> = []
        for header in headers {
            guard !header.isEmpty else { throw .duplicateColumnHeader(table: table.name, header: "") }
            guard seen.insert(header.lowercased()).inserted else {
                throw .duplicateColumnHeader(table: table.name, header: header)
            }
        }
        try checkCell(table.lastRow, table.lastColumn)
        try workbook.reserveTableName(table.name)

        let strings = CStrings()
        let headerFormat = try workbook.format(table.headerFormat)
        var columns = headers.map { header in
            var column = lxw_table_column()
            column.header = strings.copy(header)
            column.header_format = headerFormat
            return column
        }
        var options = lxw_table_options()
        options.name = strings.copy(table.name)
        switch table.style {
        case .light(let n): options.style_type = UInt8(LXW_TABLE_STYLE_TYPE_LIGHT.rawValue); options.style_type_number = UInt8(n)
        case .medium(let n): options.style_type = UInt8(LXW_TABLE_STYLE_TYPE_MEDIUM.rawValue); options.style_type_number = UInt8(n)
        case .dark(let n): options.style_type = UInt8(LXW_TABLE_STYLE_TYPE_DARK.rawValue); options.style_type_number = UInt8(n)
        }
        let status = columns.withUnsafeMutableBufferPointer { buffer in
            var pointers: [UnsafeMutablePointer<lxw_table_column>?] = (0..<buffer.count).map { buffer.baseAddress! + $0 }
            pointers.append(nil)
            return pointers.withUnsafeMutableBufferPointer { list in
                options.columns = list.baseAddress
                return worksheet_add_table(handle, lxw_row_t(table.firstRow), lxw_col_t(table.firstColumn),
                                           lxw_row_t(table.lastRow), lxw_col_t(table.lastColumn), &options)
            }
        }
        try XlsxWriteError.check(status, "add Table \(table.name) at \(name)!\(table.range)")
    }
}
