/// Which field of a record holds which contract column, read from the header row.
struct SurveyHeader: Sendable {
    var columns: [(field: Int, column: SurveyColumn)]
    var fieldCount: Int
}

/// What one record came to, before the checks that need other rows (duplicate IDs, repeated answers).
struct RowOutcome: Sendable {
    var line: Int
    var responseID: String?
    /// Nil when the record is blank or rejected.
    var response: Response?
    var findings: [Finding]
    var isBlank: Bool
    /// Left out by a mapping's `exclude_when`: not counted, one info finding.
    var isExcluded = false
    /// The input the record comes from: response IDs must be unique within one input only.
    var idScope = 0
    /// Hashes of `responseID` and of the response's `trustKey`, computed here, on every core.
    var idHash = 0
    var trustHash = 0
    /// The response's trust spelling (`TrustResolver.spellings`); -1 when there is no response,
    /// `RowOutcome.unknownCode` when its code and name are in neither the register nor the trust list.
    var spelling = -1
    static let unknownCode = -2
}

/// Checks one record on its own, so that records can be checked on several cores at once.
struct RowCheck: Sendable {
    let header: SurveyHeader
    let decoding: TextDecoding
    let validator: RowValidator
    let maxFieldBytes: Int
    /// An export's mapping; nil for a canonical CSV, whose header says where each column is.
    var mapper: ExportRowMapper?
    /// Named in every finding when the survey is read from exports or several files.
    var file: String?
    var idScope = 0
    /// Decides each response's trust (`trust-identity.md`); shared by every batch of a reading.
    var resolver: TrustResolver?
    /// Whether records come from a workbook, which stores no cell for a blank trailing answer:
    /// a short record there is not ragged, and gets no warning.
    var isWorkbook = false

    func check(_ record: BatchedRecord) throws -> RowOutcome {
        var cache = TrustResolver.Cache()
        return try check(record, spellings: &cache)
    }

    /// Checks one record; `spellings` holds the trust spellings its batch has met, so that a
    /// spelling is resolved once per batch and each row costs one table look-up.
    func check(_ record: BatchedRecord, spellings: inout TrustResolver.Cache) throws -> RowOutcome {
        let line = record.line
        if record.isBlank { return RowOutcome(line: line, responseID: nil, response: nil, findings: [], isBlank: true) }
        var cells = RowCells(), hints: [SurveyColumn: String] = [:]
        if let mapper {
            let mapped = try mapper.map(ExportRow(record: record, decoding: decoding))
            if let reason = mapped.excluded {
                let finding = Finding(file: file, line: line, responseID: nil, column: nil, severity: .info,
                                      message: "left out: \(reason)")
                return RowOutcome(line: line, responseID: nil, response: nil, findings: [finding], isBlank: false, isExcluded: true)
            }
            cells = mapped.cells.values
            hints = mapped.hints
        } else {
            for (field, column) in header.columns where field < record.count && record.fieldLength(field) > 0 {
                cells[column] = try record.withField(field) { try Self.cell($0, decoding: decoding) }
            }
        }
        let id = cells[.responseID]
        var findings: [Finding] = []
        func note(_ column: String?, _ severity: Finding.Severity, _ message: String) {
            findings.append(Finding(file: file, line: line, responseID: id, column: column, severity: severity, message: message))
        }

        if let malformation = record.malformation {
            let (field, message) = Self.describe(malformation, line: line)
            note(columnName(field), .error, message)
        }
        if record.count > header.fieldCount {
            if (header.fieldCount..<record.count).contains(where: { record.fieldLength($0) > 0 }) {
                note(nil, .error, "the row has \(record.count) values but the header has \(header.fieldCount) columns; a value with a comma may need quotes")
            }
        } else if record.count < header.fieldCount && !isWorkbook {
            note(nil, .warning, "the row has \(record.count) values but the header has \(header.fieldCount) columns; the missing ones are read as not answered")
        }
        for field in record.truncatedFields {
            note(columnName(field), .warning, "value longer than \(maxFieldBytes.grouped) bytes; cut to that length")
        }

        let (response, validation) = validator.validate(cells, line: line)
        for var finding in validation {
            finding.file = file
            if finding.severity == .error, let column = finding.column.flatMap(SurveyColumn.init(rawValue:)), let hint = hints[column] {
                finding.message += "; \(hint)"
            }
            findings.append(finding)
        }
        var kept = findings.contains { $0.severity == .error } ? nil : response
        var trustHash = 0, spelling = -1
        // Moved out and back, so that reading its name and code copies no Response.
        if var r = kept.take() {
            if let resolver, let resolution = resolver.resolve(code: r.trustCode, name: r.trustName, cache: &spellings) {
                r.take(resolution)
                (trustHash, spelling) = (resolution.keyHash, resolution.spelling)
            } else {
                trustHash = r.trustKey.hashValue
                if resolver != nil { spelling = RowOutcome.unknownCode }
            }
            kept = consume r
        }
        return RowOutcome(line: line, responseID: id, response: kept, findings: findings, isBlank: false, idScope: idScope,
                          idHash: id?.hashValue ?? 0, trustHash: trustHash, spelling: spelling)
    }

    /// A trimmed cell, nil when empty; line breaks inside a quoted value are kept as LF.
    static func cell(_ bytes: UnsafeBufferPointer<UInt8>, decoding: TextDecoding) throws -> String? {
        var start = 0, end = bytes.count
        while start < end, isASCIISpace(bytes[start]) { start += 1 }
        while end > start, isASCIISpace(bytes[end - 1]) { end -= 1 }
        guard start < end else { return nil }
        let trimmed = UnsafeBufferPointer(rebasing: bytes[start..<end])
        var text = try decoding.string(trimmed)
        // Only a non-ASCII first or last byte can be Unicode white space (a no-break space, say).
        if trimmed[0] >= 0x80 || trimmed[trimmed.count - 1] >= 0x80 { text = text.trimmingSurveySpace() }
        if trimmed.contains(UInt8(ascii: "\r")) { text = text.replacingOccurrences(of: "\r\n", with: "\n") }
        return text.isEmpty ? nil : text
    }

    private static func isASCIISpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    private func columnName(_ field: Int) -> String? {
        guard mapper == nil else { return nil }
        return header.columns.first { $0.field == field }?.column.rawValue
    }

    private static func describe(_ malformation: CSVParser.Malformation, line: Int) -> (Int, String) {
        switch malformation {
        case .strayQuote(let field):
            (field, "a double quote inside a value that is not quoted; quote the whole value and double the quotes inside it (\"\")")
        case .textAfterClosingQuote(let field):
            (field, "text after a closing double quote; a quote inside a quoted value must be doubled (\"\")")
        case .unterminatedQuote(let field):
            (field, "a quoted value that starts on line \(line) is never closed, so the rest of the file could not be read as rows")
        }
    }
}
