internal import CXlsxWriter

/// How a sheet prints.
public struct PageSetup: Sendable {
    public var landscape = true
    /// Scale to this many pages across; rows run on to as many pages as they need.
    public var pagesWide = 1
    /// Rows printed at the top of every page, e.g. a Table's header row.
    public var repeatedRows: ClosedRange<Int>?
    public var header = PageText()
    public var footer = PageText()

    public init(landscape: Bool = true, pagesWide: Int = 1, repeatedRows: ClosedRange<Int>? = nil,
                header: PageText = PageText(), footer: PageText = PageText()) {
        self.landscape = landscape
        self.pagesWide = pagesWide
        self.repeatedRows = repeatedRows
        self.header = header
        self.footer = footer
    }
}

/// The left, centre and right parts of a page header or footer.
public struct PageText: Sendable {
    public enum Piece: Sendable {
        case text(String)
        case boldText(String)
        case sheetName
        case pageNumber
        case pageCount
    }

    public var left: [Piece]
    public var centre: [Piece]
    public var right: [Piece]

    public init(left: [Piece] = [], centre: [Piece] = [], right: [Piece] = []) {
        self.left = left
        self.centre = centre
        self.right = right
    }

    /// Excel's header code: `&L…&C…&R…`, with `&` in text doubled so it prints as itself.
    var code: String {
        func encode(_ pieces: [Piece]) -> String {
            pieces.map { piece in
                switch piece {
                case .text(let s): s.singleLine.replacingAmpersands
                case .boldText(let s): "&\"-,Bold\"" + s.singleLine.replacingAmpersands + "&\"-,Regular\""
                case .sheetName: "&A"
                case .pageNumber: "&P"
                case .pageCount: "&N"
                }
            }.joined()
        }
        var out = ""
        if !left.isEmpty { out += "&L" + encode(left) }
        if !centre.isEmpty { out += "&C" + encode(centre) }
        if !right.isEmpty { out += "&R" + encode(right) }
        return out
    }
}

extension String {
    fileprivate var replacingAmpersands: String {
        split(separator: "&", omittingEmptySubsequences: false).joined(separator: "&&")
    }
}

extension Worksheet {
    public func setPageSetup(_ setup: PageSetup) throws(XlsxWriteError) {
        if setup.landscape { worksheet_set_landscape(handle) } else { worksheet_set_portrait(handle) }
        worksheet_set_paper(handle, 9)  // A4
        worksheet_fit_to_pages(handle, UInt16(clamping: setup.pagesWide), 0)
        if let rows = setup.repeatedRows {
            try XlsxWriteError.check(worksheet_repeat_rows(handle, lxw_row_t(rows.lowerBound), lxw_row_t(rows.upperBound)),
                                "repeat rows on sheet \(name)")
        }
        for (text, isHeader) in [(setup.header.code, true), (setup.footer.code, false)] where !text.isEmpty {
            guard text.count <= Limits.headerFooterLength else {
                throw .headerFooterTooLong(sheet: name, length: text.count)
            }
            let status = isHeader ? worksheet_set_header(handle, text) : worksheet_set_footer(handle, text)
            try XlsxWriteError.check(status, "set the page \(isHeader ? "header" : "footer") of sheet \(name)")
        }
    }
}
