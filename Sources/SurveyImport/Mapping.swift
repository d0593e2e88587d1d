import PMOSurvey

/// A mapping file read and checked (`import-mapping.md` section 2): how one tool's export
/// becomes survey responses. Every scalar is kept as the text written.
public struct Mapping: Sendable {
    /// A place in the mapping file, for messages.
    public struct Place: Sendable, Hashable {
        public var key: String
        public var line: Int?
    }

    /// How the export holds one canonical field.
    public struct Field: Sendable {
        public var column: SurveyColumn
        /// The column reference: a question text or a header cell.
        public var question: String
        /// Answer texts (as written) to canonical values; `""` means not answered.
        public var values: [(answer: String, value: String)]
        /// Overrides the tool's separator of one-cell multi-select answers.
        public var separator: String?
        public var place: Place
    }

    /// One `exclude_when` entry: leave a row out when this column holds any of these texts.
    public struct Exclusion: Sendable {
        public var question: String
        public var answers: [String]
        public var place: Place
    }

    /// The mapping file's name and path as given, and its SHA-256.
    public var path: String
    public var sha256: String
    public var tool: SurveyTool
    /// The .xlsx sheet to read; nil for the first.
    public var sheet: String?
    public var dates: DateOrder
    /// Every row's wave, or the column holding it.
    public var wave: String?
    public var waveFrom: (question: String, place: Place)?
    public var exclusions: [Exclusion] = []
    public var fields: [Field] = []

    public var fileName: String { path.split(separator: "/").last.map(String.init) ?? path }

    public func field(_ column: SurveyColumn) -> Field? { fields.first { $0.column == column } }

    /// The canonical columns whose answers may hold several options.
    static let multiSelect: Set<SurveyColumn> = [.projectTypes, .pmoServices, .methodology]
}
