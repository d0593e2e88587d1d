/// Why a file cannot be read as an .xlsx workbook, said in terms of what the file is.
public struct XlsxError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}
