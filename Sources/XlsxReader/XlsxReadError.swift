/// Why a file cannot be read as an .xlsx workbook, said in terms of what the file is.
public struct XlsxReadError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}

extension String {
    /// At most `count` characters, with `...` when cut: text from the file quoted in a message,
    /// which must not become a megabyte of stderr.
    func cut(_ count: Int) -> String {
        self.count > count ? prefix(count - 3) + "..." : self
    }
}
