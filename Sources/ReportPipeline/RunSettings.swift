/// What a scheduled run reads and where it publishes: the part of a definition that
/// `PMOSurvey.ReportDefinition` does not cover, because it is about files, not about the report.
public struct RunSettings: Sendable, Hashable {
    /// The survey file, or a folder whose newest file matching `inputPattern` is read.
    /// Absolute once loaded; nil when the definition leaves it to the command line.
    public var input: String?
    /// Survey-tool exports read as one survey (`import-mapping.md` section 3), in place of `input`.
    public var inputs: [SurveyFile] = []
    /// A shell pattern (`fnmatch`) for choosing a file when `input` is a folder.
    public var inputPattern = "*.csv"
    /// The folder that holds `runs/`, `latest` and the lock. Absolute once loaded.
    public var output: String?
    public var outputs: [Output] = [.json, .workbook, .pdf]
    /// How many published runs to keep; older ones are removed after a successful run.
    public var keepRuns = 12
    /// Where the network's peer-code secret is kept (made there on first use), unless the
    /// definition gives the secret itself. Absolute once loaded: beside the definition by default.
    public var peerCodeSecretFile: String?
    /// A newer download of the ODS register than the shipped copy (`register:`). Absolute once loaded.
    public var register: String?
    /// The network's trust list (`trusts:`); absolute once loaded, `trusts.yaml` beside the
    /// definition by default, which may be absent.
    public var trustList: String?
    public var trustListNamed = false

    public init() {}
}
