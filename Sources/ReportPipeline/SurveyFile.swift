/// One file of a survey and the mapping that reads it: a canonical CSV needs none, a survey
/// tool's export needs its own.
public struct SurveyFile: Sendable, Hashable {
    public var path: String
    /// The mapping file; nil for a canonical CSV.
    public var mapping: String?
    /// The SHA-256 the file had when it was chosen; a file read with other bytes (an upload still
    /// being copied in) stops the run, to be tried again. Nil: not checked.
    public var expectedSHA256: String?

    public init(path: String, mapping: String? = nil, expectedSHA256: String? = nil) {
        self.path = path
        self.mapping = mapping
        self.expectedSHA256 = expectedSHA256
    }
}
