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
    /// Fingerprints the file (`SurveySource.sha256`).
    public var sha256: any SHA256Hasher.Type = SHA256.self

    public init(bounds: SizeBounds = .standard, currentYear: Int, sha256: any SHA256Hasher.Type = SHA256.self) {
        self.bounds = bounds
        self.currentYear = currentYear
        self.sha256 = sha256
    }

    public func read(path: String) throws(SurveyFileError) -> Survey {
        try read(file: (path as NSString).lastPathComponent) { try $0.run(path: path) }
    }

    /// Reads a survey already in memory, e.g. from a pipe or a fuzzer; `fileName` names it in messages.
    public func read(data: Data, fileName: String) throws(SurveyFileError) -> Survey {
        try read(file: fileName) { pass in
            var offset = data.startIndex
            try pass.run {
                guard offset < data.endIndex else { return nil }
                let end = data.index(offset, offsetBy: min(1 << 20, data.endIndex - offset))
                defer { offset = end }
                return data[offset..<end]
            }
        }
    }

    /// Reads as UTF-8, and again as Windows-1252 when the bytes prove not to be UTF-8.
    private func read(file: String, feed: (inout ReadPass) throws -> Void) throws(SurveyFileError) -> Survey {
        var pass = ReadPass(file: file, reader: self, decoding: .utf8)
        do {
            try feed(&pass)
        } catch is TextDecoding.NotUTF8 {
            pass = ReadPass(file: file, reader: self, decoding: .windows1252)
            do { try feed(&pass) } catch { throw Self.fileError(error, file: file) }
        } catch {
            throw Self.fileError(error, file: file)
        }
        return try pass.survey()
    }

    private static func fileError(_ error: any Error, file: String) -> SurveyFileError {
        error as? SurveyFileError ?? .cannotOpen(file: file, reason: "\(error)")
    }
}

/// One reading of the file with one text decoding.
private struct ReadPass {
    let file: String
    let reader: SurveyReader
    let decoding: TextDecoding
    let validator: RowValidator

    var encoding = SurveySource.Encoding.utf8
    let fingerprint: Fingerprint
    var byteCount = 0
    /// Checks records on all cores; set once the header is read.
    var rows: ParallelRowCheck?
    /// File-level findings; the rows' own come with `SettledResponses`.
    var findings: [Finding] = []
    var settled: SettledResponses?

    init(file: String, reader: SurveyReader, decoding: TextDecoding) {
        self.file = file
        self.reader = reader
        self.decoding = decoding
        self.validator = RowValidator(bounds: reader.bounds, currentYear: reader.currentYear)
        self.fingerprint = Fingerprint(hash: reader.sha256.init())
        if decoding == .windows1252 { encoding = .windows1252 }
    }

    mutating func run(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SurveyFileError.cannotOpen(file: file, reason: Self.whyUnopenable(path))
        }
        defer { try? handle.close() }
        let file = self.file
        try run {
            do {
                return try handle.read(upToCount: 1 << 20)
            } catch {
                throw SurveyFileError.cannotOpen(file: file, reason: Self.whyUnopenable(path))
            }
        }
    }

    /// Parses and validates chunk by chunk until `next` returns nil or an empty chunk.
    mutating func run(next: () throws -> Data?) throws {
        var parser = CSVParser(maxFieldBytes: reader.maxFieldBytes)
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
        settled = try rows?.finish()
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
        if let rows { try rows.add(record) } else { try readHeader(record) }
    }

    private mutating func readHeader(_ record: CSVParser.Record) throws {
        if record.isBlank { return }
        let names = try (0..<record.count).map { i in try record.withField(i) { try decoding.string($0) } }
        // Excel's `sep=,` hint line names the separator; anything but a comma is the wrong file.
        if names[0].lowercased().hasPrefix("sep=") {
            let separator = names.count > 1 ? "," : String(names[0].dropFirst(4))
            guard separator == "," else { throw SurveyFileError.wrongSeparator(file: file, separator: Self.separatorName(separator)) }
            findings.append(Finding(line: record.line, responseID: nil, column: nil, severity: .info,
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
            findings.append(Finding(line: record.line, responseID: nil, column: nil, severity: .info,
                                    message: "ignored unknown column\(unknown.count == 1 ? "" : "s"): \(unknown.joined(separator: ", "))"))
        }
        let header = SurveyHeader(columns: columns, fieldCount: record.count)
        rows = ParallelRowCheck(check: RowCheck(header: header, decoding: decoding, validator: validator,
                                                maxFieldBytes: reader.maxFieldBytes))
    }

    private static func separatorName(_ separator: String) -> String {
        switch separator {
        case ";": "semicolon"
        case "\t": "tab"
        case "|": "pipe"
        default: "\"\(separator)\""
        }
    }

    /// Counts and builds the survey; fails when nothing is usable.
    mutating func survey() throws(SurveyFileError) -> Survey {
        guard let settled else { throw .empty(file: file) }
        let responses = settled.responses, counts = settled.counts
        var findings = self.findings + settled.findings
        if settled.blankLines > 0 {
            findings.append(Finding(line: nil, responseID: nil, column: nil, severity: .info,
                                    message: "\(settled.blankLines) blank line\(settled.blankLines == 1 ? "" : "s") skipped"))
        }
        if encoding == .windows1252 {
            findings.append(Finding(line: nil, responseID: nil, column: nil, severity: .info,
                                    message: "the file is not valid UTF-8; it was read as Windows-1252 (Excel's \"CSV (Comma delimited)\" in the UK)"))
        }
        findings.sort { ($0.line ?? 0) < ($1.line ?? 0) }
        guard !responses.isEmpty else { throw .noValidRows(file: file, rows: counts.rows, findings: findings) }
        let source = SurveySource(fileName: file, byteCount: byteCount, sha256: fingerprint.finish(), encoding: encoding)
        return Survey(source: source, numberedResponses: responses, trustKeys: settled.trustKeys, findings: findings, counts: counts)
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
