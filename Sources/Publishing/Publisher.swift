import FileSafety

/// Where a run's outputs go once every one of them is complete. Renderers write into `staging`,
/// which nobody else sees; `publish` makes all of it visible at once, or none of it.
///
/// `generate` publishes with a `FolderPublisher` (files replaced in a folder), `run` with a
/// `RunPublisher` (a dated run with its manifest and `latest`); the run before them is the same.
public protocol Publisher {
    /// The hidden folder the outputs are rendered into.
    var staging: StagingFolder { get }
    /// Where `entry` is once published: the path to name in messages, never the staging one.
    func finalPath(_ entry: String) -> String
    /// Refuses, before anything is rendered, a destination that publishing would have to refuse,
    /// so that a run does not do all its work only to be turned away.
    func check(_ entries: [PublishedEntry]) throws
    /// Makes the staged `entries` visible together, and returns the path that holds them.
    func publish(_ entries: [PublishedEntry], record: RunRecord) throws -> String
    /// Removes what was staged, after a failure.
    func discard()
    /// What is still there after a failure, said after the reason: "`latest` still points to the
    /// previous run".
    var keptOnFailure: String { get }
}

/// A file or folder a run publishes, named relative to where it is published.
public struct PublishedEntry: Sendable, Hashable {
    public var name: String
    /// A folder (the packs) is replaced as a whole; a file is replaced in one rename.
    public var isFolder: Bool

    public init(_ name: String, isFolder: Bool = false) {
        self.name = name
        self.isFolder = isFolder
    }
}

/// What a run made, for a publisher that keeps a record of it (a dated run's manifest).
public struct RunRecord: Sendable {
    /// The latest wave's label, as in the survey.
    public var wave: String
    /// The same as people read it (`2015-05` for a date), which names a dated run's folder.
    public var waveDisplayLabel: String
    /// `rows`, `valid`, `rejected` and `superseded`.
    public var responses: [String: Int]
    /// Every file written, relative to the staging folder, in the outputs' order.
    public var files: [String]
    /// Size and SHA-256 of the files already fingerprinted while they were written (the packs).
    public var digests: [String: FileDigest]
    /// Each trust's pack files, when packs were made.
    public var packs: [Manifest.Pack]
    public var timings: Manifest.Timings

    public init(wave: String, waveDisplayLabel: String, responses: [String: Int], files: [String], digests: [String: FileDigest],
                packs: [Manifest.Pack], timings: Manifest.Timings) {
        self.wave = wave
        self.waveDisplayLabel = waveDisplayLabel
        self.responses = responses
        self.files = files
        self.digests = digests
        self.packs = packs
        self.timings = timings
    }
}
