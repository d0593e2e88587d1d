/// How the records of a survey-tool export become canonical rows, in place of the canonical
/// header: the reader parses, decodes, checks and settles the records exactly as for a canonical
/// CSV, and asks the layout only what each record says in canonical terms. So every rule of the
/// contract (validation, aliases, dedupe, derived fields) applies to an export unchanged.
public struct ExportLayout: Sendable {
    /// Header rows before the first response (SurveyMonkey 2, Qualtrics 3, else 1).
    public var headerRows: Int
    /// Reads the header rows (their texts, blank rows skipped) into the mapper of every later row;
    /// throws `SurveyFileError.badMapping` when the mapping does not fit the header.
    public var prepare: @Sendable (_ header: [[String]]) throws(SurveyFileError) -> ExportRowMapper
    /// The mapping, for the sources list of outputs and manifests.
    public var mapping: SurveySource.Mapping

    public init(headerRows: Int, mapping: SurveySource.Mapping,
                prepare: @escaping @Sendable (_ header: [[String]]) throws(SurveyFileError) -> ExportRowMapper) {
        self.headerRows = headerRows
        self.mapping = mapping
        self.prepare = prepare
    }
}

/// Maps one export record to canonical cells; called on every core at once.
public struct ExportRowMapper: Sendable {
    public var map: @Sendable (_ row: borrowing ExportRow) throws -> MappedRow
    /// What the header told about the file (e.g. how many columns are ignored), as info findings.
    public var notes: [String]

    public init(notes: [String] = [], map: @escaping @Sendable (_ row: borrowing ExportRow) throws -> MappedRow) {
        self.map = map
        self.notes = notes
    }
}

/// One record of an export while it is checked: its fields decoded on demand, so that columns
/// no field names (respondents' e-mail addresses, names, IP addresses) are never even decoded.
public struct ExportRow: ~Copyable {
    /// The physical line (CSV) or sheet row (.xlsx) where the record starts.
    public let line: Int
    let record: BatchedRecord
    let decoding: TextDecoding

    init(record: BatchedRecord, decoding: TextDecoding) {
        self.line = record.line
        self.record = record
        self.decoding = decoding
    }

    public var count: Int { record.count }

    /// Whether field `index` is empty or missing, without decoding it.
    public func isEmpty(_ index: Int) -> Bool {
        index >= record.count || record.fieldLength(index) == 0
    }

    /// Field `index`'s bytes as the file holds them (untrimmed, not decoded), valid only inside
    /// `body`; nil when empty or missing. For matching answers without making strings.
    public func withBytes<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T? {
        guard !isEmpty(index) else { return nil }
        return try record.withField(index, body)
    }

    /// Field `index` trimmed as every canonical cell is; nil when empty or missing.
    public func text(_ index: Int) throws -> String? {
        guard !isEmpty(index) else { return nil }
        return try record.withField(index) { try RowCheck.cell($0, decoding: decoding) }
    }
}

/// What one export record says in canonical terms.
public struct MappedRow: Sendable {
    public var cells = CanonicalCells()
    /// Set when the record is left out by `exclude_when`: not a response, not counted in `rows`;
    /// the reason becomes an info finding.
    public var excluded: String?
    /// For coded columns whose answer the mapping did not translate: the `values:` entry that
    /// would, appended to the finding when validation rejects the answer.
    public var hints: [SurveyColumn: String] = [:]

    public init() {}
}

/// The canonical cells of one record, by contract column; nil is "not answered".
public struct CanonicalCells: Sendable {
    var values = RowCells()

    public init() {}

    public subscript(column: SurveyColumn) -> String? {
        get { values[column] }
        set { values[column] = newValue?.isEmpty == true ? nil : newValue }
    }
}
