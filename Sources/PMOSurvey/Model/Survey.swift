/// Where the responses came from, for the About sheet, the appendix and the manifest.
public struct SurveySource: Sendable, Hashable {
    public enum Encoding: String, Sendable, Hashable {
        case utf8 = "UTF-8"
        case utf8WithBOM = "UTF-8 with byte-order mark"
        case windows1252 = "Windows-1252"
        /// An .xlsx workbook: its cells are typed, there is no text encoding to choose.
        case workbook = "an Excel workbook"
    }

    /// The mapping file an export was read through (`import-mapping.md`).
    public struct Mapping: Sendable, Hashable {
        /// The file name only, as for the input.
        public var fileName: String
        public var sha256: String
        /// The survey tool the export came from, e.g. `surveymonkey`.
        public var tool: String

        public init(fileName: String, sha256: String, tool: String) {
            self.fileName = fileName
            self.sha256 = sha256
            self.tool = tool
        }
    }

    /// The file name only: outputs never show the operator's folders.
    public var fileName: String
    public var byteCount: Int
    /// Lower-case hex SHA-256 of the file's bytes.
    public var sha256: String
    public var encoding: Encoding
    /// Nil for a canonical CSV.
    public var mapping: Mapping?

    public init(fileName: String, byteCount: Int, sha256: String, encoding: Encoding, mapping: Mapping? = nil) {
        self.fileName = fileName
        self.byteCount = byteCount
        self.sha256 = sha256
        self.encoding = encoding
        self.mapping = mapping
    }
}

/// How the file's records were used (contract section 5): `rows = valid + rejected + superseded`.
public struct ResponseCounts: Sendable, Hashable {
    public var rows = 0
    public var valid = 0
    public var rejected = 0
    public var superseded = 0

    public init(rows: Int = 0, valid: Int = 0, rejected: Int = 0, superseded: Int = 0) {
        self.rows = rows
        self.valid = valid
        self.rejected = rejected
        self.superseded = superseded
    }
}

/// A survey round.
public struct Wave: Sendable, Hashable {
    /// The label as written in the file; empty when the file has no waves.
    public var label: String
    /// The earliest `submitted` date of its valid responses, which orders the waves.
    public var earliestSubmitted: SurveyDate?
    /// Valid, non-superseded responses in the wave.
    public var responseCount: Int

    /// The label for people: an unlabelled wave reads `Survey`.
    public var displayLabel: String { label.isEmpty ? "Survey" : label }
}

/// A survey file read and validated: what every analysis and report starts from.
public struct Survey: Sendable {
    /// Every file read, in the order given: one canonical CSV, or survey-tool exports.
    public var sources: [SurveySource]
    /// The first input: the only one of a canonical survey.
    public var source: SurveySource { sources[0] }
    /// The inputs' file names for a sentence: `a.csv`, or `a.xlsx and b.csv`.
    public var sourceNames: String {
        let names = sources.map(\.fileName)
        return names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
    }
    /// Valid responses that reach the figures, superseded ones excluded, in file order of each
    /// trust's first answer to its wave (a later answer that supersedes it takes its place).
    public private(set) var responses: [Response]
    /// Every trust's `trustKey`, by its `Response.trustNumber`.
    public private(set) var trustKeys: [String]
    /// Every finding, in line order; file-level findings first.
    public var findings: [Finding]
    public var counts: ResponseCounts
    /// Waves in the contract's order: earliest submitted date, then label.
    public private(set) var waves: [Wave]

    /// A survey whose responses already carry their trust numbers.
    init(sources: [SurveySource], numberedResponses responses: [Response], trustKeys: [String], findings: [Finding],
         counts: ResponseCounts) {
        self.sources = sources
        self.responses = responses
        self.trustKeys = trustKeys
        self.findings = findings
        self.counts = counts
        self.waves = Self.orderedWaves(responses)
    }

    public var latestWave: Wave { waves[waves.count - 1] }

    /// Rejected rows by reason, for the data-quality summaries: the first error of each rejected row.
    public var rejectionsByColumn: [(column: String, count: Int)] {
        var seen = Set<Pair>(), counts: [String: Int] = [:], order: [String] = []
        for f in findings where f.severity == .error {
            guard let line = f.line, seen.insert(Pair(file: f.file, line: line)).inserted else { continue }
            let column = f.column ?? "record"
            if counts[column] == nil { order.append(column) }
            counts[column, default: 0] += 1
        }
        return order.map { ($0, counts[$0]!) }
    }

    private struct Pair: Hashable {
        var file: String?
        var line: Int
    }
}
