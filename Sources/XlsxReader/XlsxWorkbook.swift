import Foundation

/// How much of a workbook the reader takes, so that memory and time are bounded by what is read,
/// never by what a header claims. Set by nobody but the tests, which lower them.
struct XlsxLimits: Sendable {
    /// Inflated bytes of one part other than the sheet: workbook, relationships, styles and the
    /// shared strings, each held whole or as a table.
    var partBytes = 256 << 20
    /// Inflated bytes of the sheet read, which streams: a bound on time, not memory.
    var sheetBytes = 2 << 30
    /// A cell's text, shared strings included: one byte more than the survey reader keeps (1 MiB),
    /// so that it still sees the text was cut and says so, as for a CSV.
    var cellBytes = (1 << 20) + 1
    /// Excel's last column is XFD.
    var columns = 16_384

    static let standard = XlsxLimits()
}

/// An .xlsx workbook opened for reading its sheets row by row: the package's parts found through
/// the workbook's relationships, its shared strings and which cell styles are dates read once.
public struct XlsxWorkbook {
    /// The sheets' names, in the workbook's order.
    public let sheetNames: [String]
    private let sheetParts: [String]
    private let archive: ZipArchive
    let limits: XlsxLimits
    let sharedStrings: [String]
    /// By style index (`s` attribute of a cell): whether its number format shows a date or time.
    let dateStyles: [Bool]
    /// The workbook counts days from 1904-01-01 rather than from 1900 (old Mac Excel).
    let uses1904Dates: Bool

    /// The uncompressed size of the largest part of the package at `path`, from its ZIP central
    /// directory alone: how a writer checks what it zipped without reading the parts.
    public static func largestPartSize(path: String) throws(XlsxReadError) -> UInt64 {
        try ZipArchive(path: path).entries.values.map(\.uncompressedSize).max() ?? 0
    }

    /// Opens `path`; the error says what the file is when it is no workbook.
    public init(path: String) throws(XlsxReadError) {
        try self.init(path: path, limits: .standard)
    }

    init(path: String, limits: XlsxLimits) throws(XlsxReadError) {
        self.limits = limits
        let head = Self.head(path)
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw XlsxReadError("it is an OLE compound file, which is either a password-protected (encrypted) workbook or an old .xls workbook; open it in Excel, remove the password if it has one (File > Info > Protect Workbook), and save it as .xlsx")
        }
        guard head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) else {
            let kind = Self.kind(head)
            let advice = kind.contains("text") ? "if it is a CSV export, give it a .csv name" : "download the survey's responses again, as .xlsx or CSV"
            throw XlsxReadError("it is not an .xlsx workbook (\(kind)); \(advice)")
        }
        archive = try ZipArchive(path: path)
        guard let workbookXML = try Self.part("xl/workbook.xml", in: archive, limits: limits) else {
            throw XlsxReadError("it is a ZIP archive, but not an Excel workbook: it has no xl/workbook.xml")
        }
        let book = try WorkbookPart(workbookXML)
        var relations = Relationships()
        if let data = try Self.part("xl/_rels/workbook.xml.rels", in: archive, limits: limits) { relations = try Relationships(data) }
        sheetNames = book.sheets.map(\.name)
        sheetParts = book.sheets.map { sheet in
            let target = relations.targets[sheet.relationship] ?? "worksheets/sheet1.xml"
            return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        uses1904Dates = book.uses1904Dates
        sharedStrings = try Self.stream("xl/sharedStrings.xml", in: archive, limit: limits.partBytes,
                                        into: SharedStringsPart(cellBytes: limits.cellBytes))?.strings ?? []
        if let styles = try Self.part("xl/styles.xml", in: archive, limits: limits) { dateStyles = try StylesPart(styles).dateStyles } else { dateStyles = [] }
    }

    /// Streams the rows of sheet `name` (the first sheet when nil): `row` gets each row's number
    /// (1-based, as Excel shows it) and its cells as text, empty where a cell is missing.
    public func rows(sheet name: String?, _ row: (Int, [String]) throws -> Void) throws {
        try withoutActuallyEscaping(row) { row in try rows(sheet: name, escaping: row) }
    }

    private func rows(sheet name: String?, escaping row: @escaping (Int, [String]) throws -> Void) throws {
        let index: Int
        if let name {
            guard let found = sheetNames.firstIndex(where: { $0.compare(name, options: .caseInsensitive) == .orderedSame }) else {
                let names = sheetNames.prefix(20).map { "\"\($0.cut(80))\"" }.joined(separator: ", ")
            throw XlsxReadError("the workbook has no sheet \"\(name.cut(80))\"; its sheets are \(names)\(sheetNames.count > 20 ? ", ..." : "")")
            }
            index = found
        } else {
            guard !sheetNames.isEmpty else { throw XlsxReadError("the workbook has no sheet") }
            index = 0
        }
        let reader = SheetPart(workbook: self, part: sheetParts[index], emit: row)
        guard try Self.stream(sheetParts[index], in: archive, limit: limits.sheetBytes, into: reader) != nil else {
            throw XlsxReadError("the workbook names sheet \"\(sheetNames[index].cut(80))\" but holds no \(sheetParts[index].cut(80))")
        }
        if let failure = reader.rowError { throw failure }
    }

    /// A small part read whole (workbook, relationships, styles), at most `limits.partBytes`.
    private static func part(_ path: String, in archive: ZipArchive, limits: XlsxLimits) throws(XlsxReadError) -> Data? {
        guard let entry = archive[path] else { return nil }
        var data = Data()
        do {
            try archive.inflate(entry, part: path, limit: limits.partBytes) { data.append(contentsOf: $0) }
        } catch {
            throw error as? XlsxReadError ?? XlsxReadError("its part \(path) cannot be read (damaged?): \(error)")
        }
        return data
    }

    /// A part streamed through `handler` as it inflates, at most `limit` bytes; nil when the
    /// part is missing. Stops at the first chunk after the XML is malformed or the handler stops
    /// (it failed, or its row callback threw): a sheet is not inflated on to its end for nothing.
    static func stream<Handler: PartHandler>(_ path: String, in archive: ZipArchive, limit: Int, into handler: Handler) throws(XlsxReadError) -> Handler? {
        guard let entry = archive[path] else { return nil }
        let xml = XMLStream()
        handler.attach(to: xml)
        do {
            try archive.inflate(entry, part: path, limit: limit) { chunk in
                try xml.parse(chunk)
                if handler.isStopped { throw HandlerStopped() }
            }
            try xml.parse(UnsafeRawBufferPointer(start: nil, count: 0), isFinal: true)
        } catch is HandlerStopped {
            // The handler holds why.
        } catch let error as XlsxReadError {
            throw error
        } catch let error as XMLStream.Failure {
            throw XlsxReadError("its part \(path) is damaged: \(error)")
        } catch {
            throw XlsxReadError("its part \(path) cannot be read (damaged?): \(error)")
        }
        if let stop = handler.failure { throw stop }
        return handler
    }

    private static func head(_ path: String) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        return Array((try? handle.read(upToCount: 8)) ?? Data())
    }

    private static func kind(_ head: [UInt8]) -> String {
        if head.isEmpty { return "it is empty" }
        if head.starts(with: [0x25, 0x50, 0x44, 0x46]) { return "it is a PDF document" }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "it is a PNG image" }
        if head.starts(with: [0x1F, 0x8B]) { return "it is a gzip archive" }
        if head.allSatisfy({ $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || (0x20..<0x7F).contains($0) || $0 >= 0x80 }) {
            return "it looks like text, perhaps a CSV file"
        }
        return "it is some other binary file"
    }
}

/// Receives one part's XML events.
protocol PartHandler: AnyObject {
    func attach(to xml: XMLStream)
    /// Why the part cannot be read, found by the handler (e.g. a cell beyond column XFD).
    var failure: XlsxReadError? { get }
    /// Whether the handler wants nothing more: it failed, or its row callback threw.
    var isStopped: Bool { get }
}

/// Ends inflating a part whose handler has stopped.
private struct HandlerStopped: Error {}
