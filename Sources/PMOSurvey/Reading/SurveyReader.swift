import Hashing
import Foundation

/// Reads a survey CSV (contract sections 2 to 4) into a validated `Survey`.
///
/// The file is read in chunks and each record is validated as soon as it is parsed, so memory grows
/// with the number of responses only. A file that is not valid UTF-8 is read again as Windows-1252.
public struct SurveyReader: Sendable {
    public var bounds: SizeBounds
    /// The last year `established` may take.
    public var currentYear: Int
    /// Longest field kept, in bytes; longer values are cut and reported.
    public var maxFieldBytes = 1 << 20
    /// Widest header read: Excel's 16,384 columns (A to XFD). A header of millions of empty
    /// columns is refused before a name is made for each.
    public var maxColumns = 16_384
    /// Fingerprints the file (`SurveySource.sha256`).
    public var sha256: any SHA256Hasher.Type = SHA256.self
    /// The register and trust list each response's trust is resolved through (`trust-identity.md`).
    /// Without them, names are still compared normalised.
    public var trusts = TrustDirectory.empty

    public init(bounds: SizeBounds = .standard, currentYear: Int, sha256: any SHA256Hasher.Type = SHA256.self) {
        self.bounds = bounds
        self.currentYear = currentYear
        self.sha256 = sha256
    }

    public func read(path: String) throws(SurveyFileError) -> Survey {
        try read(inputs: [SurveyInput(path: path)])
    }

    /// Reads a survey already in memory, e.g. from a pipe or a fuzzer; `fileName` names it in messages.
    public func read(data: Data, fileName: String) throws(SurveyFileError) -> Survey {
        try read(inputs: [SurveyInput(data: data, fileName: fileName)])
    }

    /// Reads several files as one survey (`import-mapping.md` section 3): their records are
    /// checked and settled in the order given, as if they were one canonical file, except that
    /// response IDs need only be unique within each input.
    public func read(inputs: [SurveyInput]) throws(SurveyFileError) -> Survey {
        precondition(!inputs.isEmpty, "a survey needs at least one input")
        let named = inputs.count > 1 || inputs.contains { $0.layout != nil }
        var settled = SettledResponses(), findings: [Finding] = [], sources: [SurveySource] = []
        let resolver = TrustResolver(directory: trusts)
        for (scope, input) in inputs.enumerated() {
            let label = named ? input.label : nil
            settled.begin(input: scope, file: label)
            let before = settled.findings.count, blankBefore = settled.blankLines
            let pass = try read(input, scope: scope, label: label, settled: settled, resolver: resolver)
            settled = pass.settled
            let source = pass.source
            var own = pass.findings + settled.findings[before...]
            if inputs.count > 1 { own.sort { ($0.line ?? 0) < ($1.line ?? 0) } }
            if source.encoding == .windows1252 {
                own.append(Finding(file: label, line: nil, responseID: nil, column: nil, severity: .info,
                                   message: "the file is not valid UTF-8; it was read as Windows-1252 (Excel's \"CSV (Comma delimited)\" in the UK)"))
            }
            // Each input's own count, named by its file: "3 blank lines skipped" alone does not say where.
            let blank = settled.blankLines - blankBefore
            if blank > 0 {
                let unit = input.rows == nil ? "line" : "row"
                own.append(Finding(file: label, line: nil, responseID: nil, column: nil, severity: .info,
                                   message: "\(blank) blank \(unit)\(blank == 1 ? "" : "s") skipped"))
            }
            findings += own
            sources.append(source)
        }
        if inputs.count == 1 { findings.sort { ($0.line ?? 0) < ($1.line ?? 0) } }
        guard !settled.responses.isEmpty else {
            throw .noValidRows(file: inputs.map(\.fileName).joined(separator: ", "), rows: settled.counts.rows, findings: findings)
        }
        var survey = Survey(sources: sources, numberedResponses: settled.responses, trustKeys: settled.trustKeys,
                            findings: findings, counts: settled.counts)
        survey.trustDirectory = trusts
        survey.trustSpellings = resolver.spellings
        survey.unknownCodeAnswers = settled.unknownCodeAnswers
        survey.unknownCodeAnswers += repeatElement(0, count: max(0, survey.trustKeys.count - survey.unknownCodeAnswers.count))
        for (i, count) in settled.spellingCounts.enumerated() {
            survey.trustSpellings[i].count = count
            survey.trustSpellings[i].trustNumber = settled.spellingTrusts[i]
        }
        // Shown first: one finding per spelling says more than the rows' findings after it.
        survey.findings = survey.trustFindings(file: inputs.count > 1 ? survey.sourceNames : nil) + survey.findings
        return survey
    }

    /// Reads one input as UTF-8, and again as Windows-1252 when its bytes prove not to be UTF-8.
    private func read(_ input: SurveyInput, scope: Int, label: String?, settled: SettledResponses,
                      resolver: TrustResolver) throws(SurveyFileError) -> ReadPass {
        func pass(_ decoding: TextDecoding) throws -> ReadPass {
            var pass = ReadPass(input: input, label: label, scope: scope, reader: self, decoding: decoding, settled: settled,
                                resolver: resolver)
            try pass.run()
            return pass
        }
        do {
            do {
                return try pass(.utf8)
            } catch is TextDecoding.NotUTF8 {
                return try pass(.windows1252)
            }
        } catch {
            throw error as? SurveyFileError ?? .cannotOpen(file: input.fileName, reason: "\(error)")
        }
    }
}

/// One file of a survey: a canonical CSV, or a survey-tool export with the layout its mapping gives.
public struct SurveyInput: Sendable {
    /// Rows of a file that is not CSV (an .xlsx sheet): `emit` is called with each row's sheet
    /// row number and cell texts, header rows included.
    public typealias Rows = @Sendable (_ path: String, _ emit: (_ line: Int, _ fields: [String]) throws -> Void) throws -> Void

    public var path: String
    /// Nil for a canonical CSV.
    public var layout: ExportLayout?
    /// Nil for CSV, parsed by the reader itself.
    public var rows: Rows?
    /// Where findings say the rows are, e.g. `forms.xlsx, sheet Form1`; the file name by default.
    public var place: String?
    fileprivate var data: Data?

    public init(path: String, layout: ExportLayout? = nil, rows: Rows? = nil, place: String? = nil) {
        self.path = path
        self.layout = layout
        self.rows = rows
        self.place = place
    }

    fileprivate init(data: Data, fileName: String) {
        self.path = fileName
        self.data = data
    }

    /// The file name only: outputs never show the operator's folders.
    public var fileName: String { (path as NSString).lastPathComponent }
    var label: String { place ?? fileName }
}

/// One reading of one input with one text decoding.
private struct ReadPass {
    let input: SurveyInput
    /// Named in findings; nil for a lone canonical CSV.
    let label: String?
    let scope: Int
    let reader: SurveyReader
    let decoding: TextDecoding
    let validator: RowValidator
    let resolver: TrustResolver

    var encoding = SurveySource.Encoding.utf8
    let fingerprint: Fingerprint
    var byteCount = 0
    /// Checks records on all cores; set once the header is read.
    var rows: ParallelRowCheck?
    /// File-level findings; the rows' own come with `SettledResponses`.
    var findings: [Finding] = []
    /// What the earlier inputs came to, then what this one added.
    var settled: SettledResponses
    /// An export's header rows, read before its mapping can be fitted.
    private var headerRows: [[String]] = []

    init(input: SurveyInput, label: String?, scope: Int, reader: SurveyReader, decoding: TextDecoding, settled: SettledResponses,
         resolver: TrustResolver) {
        self.input = input
        self.resolver = resolver
        self.label = label
        self.scope = scope
        self.reader = reader
        self.decoding = decoding
        self.settled = settled
        self.validator = RowValidator(bounds: reader.bounds, currentYear: reader.currentYear)
        self.fingerprint = Fingerprint(hash: reader.sha256.init())
        if decoding == .windows1252 { encoding = .windows1252 }
        if input.rows != nil { encoding = .workbook }
    }

    var file: String { input.fileName }

    var source: SurveySource {
        SurveySource(fileName: file, byteCount: byteCount, sha256: fingerprint.finish(), encoding: encoding,
                     mapping: input.layout?.mapping)
    }

    mutating func run() throws {
        if let data = input.data {
            var offset = data.startIndex
            return try run {
                guard offset < data.endIndex else { return nil }
                let end = data.index(offset, offsetBy: min(1 << 20, data.endIndex - offset))
                defer { offset = end }
                return data[offset..<end]
            }
        }
        let path = input.path
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SurveyFileError.cannotOpen(file: file, reason: Self.whyUnopenable(path))
        }
        defer { try? handle.close() }
        let file = self.file
        let next = {
            do {
                return try handle.read(upToCount: 1 << 20)
            } catch {
                throw SurveyFileError.cannotOpen(file: file, reason: Self.whyUnopenable(path))
            }
        }
        if let feed = input.rows { try run(rows: feed, fingerprinting: next) } else { try run(next: next) }
    }

    /// Parses and validates chunk by chunk until `next` returns nil or an empty chunk.
    mutating func run(next: () throws -> Data?) throws {
        var parser = CSVParser(maxFieldBytes: reader.maxFieldBytes, maxFields: reader.maxColumns + 1)
        var first = true
        while let chunk = try next(), !chunk.isEmpty {
            byteCount += chunk.count
            fingerprint.add(chunk)
            try chunk.withUnsafeBytes { raw in
                var body = raw[...]
                if first {
                    first = false
                    try sniff(raw)
                    if raw.starts(with: [0xEF, 0xBB, 0xBF]) {
                        if encoding == .utf8 { encoding = .utf8WithBOM }
                        body = body.dropFirst(3)
                    }
                }
                try parser.consume(UnsafeRawBufferPointer(rebasing: body)) { try take($0) }
            }
        }
        if byteCount == 0 { throw SurveyFileError.empty(file: file) }
        try parser.finish { try take($0) }
        try finishRows()
    }

    /// Takes the rows `feed` gives (an .xlsx sheet), after fingerprinting the file's bytes.
    private mutating func run(rows feed: SurveyInput.Rows, fingerprinting next: () throws -> Data?) throws {
        while let chunk = try next(), !chunk.isEmpty {
            byteCount += chunk.count
            fingerprint.add(chunk)
        }
        if byteCount == 0 { throw SurveyFileError.empty(file: file) }
        var record = CSVParser.Record()
        try feed(input.path) { line, fields in
            record.set(line: line, fields: fields, maxFieldBytes: reader.maxFieldBytes)
            try take(record)
        }
        try finishRows()
    }

    private mutating func finishRows() throws {
        guard let rows else {
            // An export that ends within its header rows has a header but no responses.
            if !headerRows.isEmpty { throw SurveyFileError.noValidRows(file: file, rows: 0, findings: findings) }
            throw SurveyFileError.empty(file: file)
        }
        settled = try rows.finish()
    }

    /// Refuses what is plainly not a CSV before any record is read.
    private func sniff(_ bytes: UnsafeRawBufferPointer) throws {
        let signatures: [([UInt8], String)] = [
            ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
            ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive, perhaps an Excel workbook (.xlsx)"),
            ([0x25, 0x50, 0x44, 0x46], "a PDF document"),
            ([0xD0, 0xCF, 0x11, 0xE0], "an old Excel workbook (.xls)"),
            ([0xFF, 0xD8, 0xFF], "a JPEG image"),
            ([0x1F, 0x8B], "a gzip archive"),
        ]
        for (signature, kind) in signatures where bytes.starts(with: signature) {
            throw SurveyFileError.notText(file: file, looksLike: kind)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw SurveyFileError.utf16(file: file)
        }
        let sample = bytes.prefix(4096)
        let nulCount = sample.count { $0 == 0 }
        guard nulCount > 0 else { return }
        // UTF-16 without a byte-order mark: every other byte of ASCII text is zero.
        if nulCount * 3 >= sample.count { throw SurveyFileError.utf16(file: file) }
        throw SurveyFileError.notText(file: file, looksLike: "binary data (it contains NUL bytes)")
    }

    private static func whyUnopenable(_ path: String) -> String {
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) { return "no such file" }
        if isFolder.boolValue { return "it is a folder, not a file" }
        return "permission denied or unreadable"
    }

    private mutating func take(_ record: CSVParser.Record) throws {
        if let rows { try rows.add(record) } else if let layout = input.layout { try readExportHeader(record, layout) } else { try readHeader(record) }
    }

    /// Collects an export's header rows, then fits its mapping to them.
    private mutating func readExportHeader(_ record: CSVParser.Record, _ layout: ExportLayout) throws {
        try checkWidth(record)
        if record.isBlank { return }
        headerRows.append(try (0..<record.count).map { i in try record.withField(i) { try decoding.string($0) } })
        guard headerRows.count == layout.headerRows else { return }
        let mapper = try layout.prepare(headerRows)
        for note in mapper.notes {
            findings.append(Finding(file: label, line: record.line, responseID: nil, column: nil, severity: .info, message: note))
        }
        let header = SurveyHeader(columns: [], fieldCount: headerRows.map(\.count).max() ?? 0)
        rows = ParallelRowCheck(check: check(header, mapper: mapper), settled: settled)
    }

    private func check(_ header: SurveyHeader, mapper: ExportRowMapper? = nil) -> RowCheck {
        RowCheck(header: header, decoding: decoding, validator: validator, maxFieldBytes: reader.maxFieldBytes,
                 mapper: mapper, file: label, idScope: scope, resolver: resolver, isWorkbook: input.rows != nil)
    }

    private mutating func readHeader(_ record: CSVParser.Record) throws {
        try checkWidth(record)
        if record.isBlank { return }
        let names = try (0..<record.count).map { i in try record.withField(i) { try decoding.string($0) } }
        // Excel's `sep=,` hint line names the separator; anything but a comma is the wrong file.
        if names[0].lowercased().hasPrefix("sep=") {
            let separator = names.count > 1 ? "," : String(names[0].dropFirst(4))
            guard separator == "," else { throw SurveyFileError.wrongSeparator(file: file, separator: Self.separatorName(separator)) }
            findings.append(Finding(file: label, line: record.line, responseID: nil, column: nil, severity: .info,
                                    message: "line \(record.line) is Excel's \"sep=,\" hint; skipped"))
            return
        }
        var columns: [(Int, SurveyColumn)] = [], firstHeader: [SurveyColumn: String] = [:], unknown: [String] = []
        for (i, name) in names.enumerated() {
            let trimmed = name.trimmingSurveySpace()
            guard let column = SurveyColumn(header: trimmed) else {
                if !trimmed.isEmpty { unknown.append(trimmed) }
                continue
            }
            if let earlier = firstHeader[column] {
                throw SurveyFileError.duplicateColumn(file: file, column: column.rawValue, headers: [earlier, trimmed])
            }
            firstHeader[column] = trimmed
            if !column.isPersonal { columns.append((i, column)) }
        }
        let missing = SurveyColumn.required.filter { firstHeader[$0] == nil }
        if !missing.isEmpty {
            if names.count == 1, let separator = [";", "\t", "|"].first(where: { names[0].contains($0) }) {
                throw SurveyFileError.wrongSeparator(file: file, separator: Self.separatorName(separator))
            }
            throw SurveyFileError.missingColumns(file: file, columns: missing.map(\.rawValue))
        }
        if !unknown.isEmpty {
            findings.append(Finding(file: label, line: record.line, responseID: nil, column: nil, severity: .info,
                                    message: "ignored unknown column\(unknown.count == 1 ? "" : "s"): \(unknown.joined(separator: ", "))"))
        }
        rows = ParallelRowCheck(check: check(SurveyHeader(columns: columns, fieldCount: record.count)), settled: settled)
    }

    private func checkWidth(_ record: CSVParser.Record) throws {
        guard record.count > reader.maxColumns else { return }
        throw SurveyFileError.tooWide(file: file, line: record.line, limit: reader.maxColumns)
    }

    private static func separatorName(_ separator: String) -> String {
        switch separator {
        case ";": "semicolon"
        case "\t": "tab"
        case "|": "pipe"
        default: "\"\(separator)\""
        }
    }
}

/// Hashes the file on a second core while the first parses it.
private final class Fingerprint: @unchecked Sendable {
    private let queue = DispatchQueue(label: "pmo-report.fingerprint")
    /// Touched only on `queue`.
    private var hash: any SHA256Hasher

    init(hash: any SHA256Hasher) {
        self.hash = hash
    }

    func add(_ chunk: Data) {
        queue.async { chunk.withUnsafeBytes { self.hash.update($0) } }
    }

    func finish() -> String {
        queue.sync { hash.finalizeHex() }
    }
}
