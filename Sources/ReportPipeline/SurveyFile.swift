/// One file of a survey and the mapping that reads it: a canonical CSV needs none, a survey
/// tool's export needs its own. Given on the command line (`--input`, `--mapping`) or by a
/// definition (`input:`, `inputs:`), where it may name a folder whose newest matching file is
/// read. (The core reads a `SurveyInput`, with the mapping loaded; a run's manifest records a
/// `Manifest.Input`, with each file's digest.)
public struct SurveyFile: Sendable, Hashable {
    /// The file, or in a definition a folder.
    public var path: String
    /// The mapping file; nil for a canonical CSV.
    public var mapping: String?
    /// Where `path` is a folder, the shell pattern (`fnmatch`) of the files to choose the newest
    /// of; nil: the definition's `input_pattern`.
    public var pattern: String?
    /// The SHA-256 the file had when it was chosen; a file read with other bytes (an upload still
    /// being copied in) stops the run, to be tried again. Nil: not checked.
    public var expectedSHA256: String?

    public init(path: String, mapping: String? = nil, pattern: String? = nil, expectedSHA256: String? = nil) {
        self.path = path
        self.mapping = mapping
        self.pattern = pattern
        self.expectedSHA256 = expectedSHA256
    }
}
