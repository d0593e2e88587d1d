internal import CXlsxWriter
import XlsxReader
import Foundation

/// An `.xlsx` file being built. Nothing reaches the disk until `close()`.
///
/// Not `Sendable`: libxlsxwriter keeps global state (`gmtime`, `rand`) and documents no thread
/// safety, so a workbook and its sheets stay on the thread that made them, and closing is
/// serialised across the process.
public final class Workbook {
    /// Where `close()` writes the file.
    public let path: String
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private var formats: [CellFormat: UnsafeMutablePointer<lxw_format>] = [:]
    /// Sheet and Table names seen so far, folded to lower case: Excel compares them ignoring case.
    private var sheetNames: Set<String> = []
    private var tableNames: Set<String> = []
    /// The `tmpdir` option as a C string, kept for the workbook's whole life.
    private let temporaryFolder: UnsafeMutablePointer<CChar>

    /// libxlsxwriter keeps the workbook's parts in temporary files until `close()`. Left to
    /// itself it tries `$TMPDIR`, `/tmp`, then the working folder, and when none is writable it
    /// fails only at `close()` (error 3) after writing a 22-byte file. So the parts go where
    /// `parts` says: by default the folder that will hold the workbook, which is writable by
    /// construction (callers write into a staging folder there) and on the destination's file
    /// system; or shared memory for a small workbook (see `PartsFolder`).
    public init(path: String, parts: PartsFolder = .besideWorkbook) throws(XlsxWriteError) {
        self.path = path
        var options = lxw_workbook_options()
        options.constant_memory = 0
        options.use_zip64 = 1
        let folder = parts.path ?? (path as NSString).deletingLastPathComponent
        guard let temporaryFolder = strdup(folder.isEmpty ? "." : folder) else {
            throw .library(operation: "create a workbook for \(path)", code: Int(LXW_ERROR_MEMORY_MALLOC_FAILED.rawValue),
                           message: "out of memory")
        }
        self.temporaryFolder = temporaryFolder
        options.tmpdir = temporaryFolder
        guard let handle = workbook_new_opt(path, &options) else {
            throw .library(operation: "create a workbook for \(path)", code: Int(LXW_ERROR_MEMORY_MALLOC_FAILED.rawValue),
                           message: "out of memory")
        }
        self.handle = handle
    }

    deinit {
        // A workbook abandoned after an error: free it without writing anything.
        if let handle { lxw_workbook_free(handle) }
        free(temporaryFolder)
    }

    /// Adds a sheet, after checking the name as Excel would.
    public func addWorksheet(named name: String) throws(XlsxWriteError) -> Worksheet {
        let handle = try open()
        try Worksheet.validate(name: name)
        guard sheetNames.insert(name.lowercased()).inserted else {
            throw .invalidSheetName(name, reason: "another sheet already has this name (Excel ignores case)")
        }
        guard let sheet = workbook_add_worksheet(handle, name) else {
            throw .invalidSheetName(name, reason: "libxlsxwriter refused it")
        }
        return Worksheet(workbook: self, handle: sheet, name: name)
    }

    /// Title, author and the other fields of File > Properties.
    public func setProperties(_ properties: DocumentProperties) throws(XlsxWriteError) {
        let handle = try open()
        let strings = CStrings()
        var c = lxw_doc_properties()
        c.title = strings.copy(properties.title)
        c.subject = strings.copy(properties.subject)
        c.author = strings.copy(properties.author)
        c.company = strings.copy(properties.company)
        c.keywords = strings.copy(properties.keywords.joined(separator: ", "))
        c.comments = strings.copy(properties.comments)
        c.category = strings.copy(properties.category)
        c.status = strings.copy(properties.status)
        c.created = time_t(properties.created)
        try XlsxWriteError.check(workbook_set_properties(handle, &c), "set the document properties")
        if let language = properties.language {
            try XlsxWriteError.check(workbook_set_custom_property_string(handle, "Language", language), "set the document language")
        }
    }

    /// Writes the file and frees the workbook. Afterwards no other call is allowed.
    ///
    /// Numbers are turned into text here with `sprintf`, so the thread's numeric locale is
    /// pinned to C for the call: a comma-decimal locale would write `0,5` and corrupt the file.
    public func close() throws(XlsxWriteError) {
        let handle = try open()
        self.handle = nil
        formats = [:]
        let (status, code) = Workbook.closing.withLock {
            withCNumericLocale { () -> (lxw_error, Int32) in
                errno = 0
                let status = workbook_close(handle)
                return (status, errno)
            }
        }
        // libxlsxwriter's own message for a failed write is only "zip error"; the system's reason
        // ("No space left on device", "File too large") is what the user can act on.
        if status != LXW_NO_ERROR, code != 0 {
            throw .library(operation: "write \(path)", code: Int(status.rawValue),
                           message: String(cString: lxw_strerror(status)) + " (\(String(cString: strerror(code))))")
        }
        try XlsxWriteError.check(status, "write \(path)")
        if let limit = FileSizeLimit.bytes, let largest = try? XlsxWorkbook.largestPartSize(path: path), largest >= limit {
            throw .partCutShort(limit: limit)
        }
    }

    private static let closing = NSLock()

    func open() throws(XlsxWriteError) -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else { throw .workbookClosed }
        return handle
    }

    /// The libxlsxwriter format for a description, made once per distinct description.
    func format(_ description: CellFormat?) throws(XlsxWriteError) -> UnsafeMutablePointer<lxw_format>? {
        guard let description else { return nil }
        guard let made = formats[description] else { return try addFormat(description) }
        return made
    }

    private func addFormat(_ description: CellFormat) throws(XlsxWriteError) -> UnsafeMutablePointer<lxw_format> {
        guard let made = workbook_add_format(try open()) else {
            throw .library(operation: "add a cell format", code: Int(LXW_ERROR_MEMORY_MALLOC_FAILED.rawValue),
                           message: "out of memory")
        }
        description.apply(to: made)
        formats[description] = made
        return made
    }

    /// Reserves a Table name for the whole workbook.
    func reserveTableName(_ name: String) throws(XlsxWriteError) {
        guard tableNames.insert(name.lowercased()).inserted else {
            throw .invalidTableName(name, reason: "another Table already has this name (Excel ignores case)")
        }
    }

    func addChart(type: lxw_chart_type) throws(XlsxWriteError) -> UnsafeMutablePointer<lxw_chart> {
        guard let chart = workbook_add_chart(try open(), UInt8(type.rawValue)) else {
            throw .library(operation: "add a chart", code: Int(LXW_ERROR_MEMORY_MALLOC_FAILED.rawValue),
                           message: "out of memory")
        }
        return chart
    }
}

/// The fields of File > Properties.
public struct DocumentProperties: Hashable, Sendable {
    public var title: String
    public var subject: String
    public var author: String
    public var company: String
    public var keywords: [String]
    public var comments: String
    public var category: String
    public var status: String
    /// Seconds since 1970-01-01 UTC: fixed by the caller so that two runs give identical files.
    public var created: Int
    /// BCP 47 language of the text, `en-GB`. libxlsxwriter 1.1.4 cannot write the core
    /// `dc:language`, so it goes into the custom property `Language`.
    public var language: String?

    public init(title: String, subject: String = "", author: String = "", company: String = "",
                keywords: [String] = [], comments: String = "", category: String = "", status: String = "",
                created: Int, language: String? = nil) {
        self.language = language
        self.title = title
        self.subject = subject
        self.author = author
        self.company = company
        self.keywords = keywords
        self.comments = comments
        self.category = category
        self.status = status
        self.created = created
    }
}

/// Runs `body` with this thread's `LC_NUMERIC` set to C, leaving the process locale alone.
private func withCNumericLocale<T>(_ body: () -> T) -> T {
    guard let c = newlocale(LC_NUMERIC_MASK, "C", nil) else { return body() }
    let previous = uselocale(c)
    defer {
        uselocale(previous)
        freelocale(c)
    }
    return body()
}

/// C copies of Swift strings for libxlsxwriter's `char *` struct fields (1.1.4 headers are not
/// `const`), freed when the holder goes away. libxlsxwriter copies what it keeps.
final class CStrings {
    private var pointers: [UnsafeMutablePointer<CChar>] = []

    /// nil for an empty string: libxlsxwriter treats NULL as "not set".
    func copy(_ text: String) -> UnsafeMutablePointer<CChar>? {
        guard !text.isEmpty else { return nil }
        let pointer = strdup(CellText(text).value)!
        pointers.append(pointer)
        return pointer
    }

    deinit { pointers.forEach { free($0) } }
}
