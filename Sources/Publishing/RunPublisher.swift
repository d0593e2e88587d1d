import FileSafety

/// How `run` publishes: the outputs are rendered into a hidden staging folder of the output
/// folder, flushed to disk with a manifest beside them, and renamed whole into `runs/`; then
/// `latest` is switched to the new run and the oldest runs beyond `keepRuns` are removed. The
/// caller holds the output folder's `RunLock` throughout.
public final class RunPublisher: Publisher {
    public let folder: OutputFolder
    public let staging: StagingFolder
    /// The manifest's fields that do not depend on what was made: definition, inputs, trust files.
    private let manifest: Manifest
    private let started: UTCTime
    private let keepRuns: Int
    /// The runs removed by the last `publish`, oldest first.
    public private(set) var expired: [RunName] = []

    /// Stages a run in `folder`; `manifest` gives what went in, the rest is filled in on publishing.
    public init(folder: OutputFolder, manifest: Manifest, started: UTCTime, keepRuns: Int) throws(SystemError) {
        self.folder = folder
        self.manifest = manifest
        self.started = started
        self.keepRuns = keepRuns
        staging = try folder.makeStaging()
    }

    public var keptOnFailure: String {
        // A first run has no previous run for `latest` to point to.
        folder.latest == nil ? "there is no `latest` yet" : "`latest` still points to the previous run"
    }

    /// A new run's folder has nothing in it to refuse.
    public func check(_ entries: [PublishedEntry]) throws {}

    public func finalPath(_ entry: String) -> String { folder.latestPath + "/" + entry }

    /// Flushes every file and folder staged, so that after the rename a power cut cannot leave a
    /// published run with empty or missing files; writes the manifest; renames the run into place
    /// and points `latest` at it. Returns the run's folder.
    public func publish(_ entries: [PublishedEntry], record: RunRecord) throws -> String {
        let clock = ContinuousClock(), flushStarted = clock.now
        try staging.flush(record.files + entries.filter(\.isFolder).map(\.name))
        var manifest = manifest
        manifest.wave = record.wave
        manifest.responses = record.responses
        // The packs were fingerprinted as they were written; the other files are read here.
        manifest.outputs = try record.files.map { file in
            Manifest.Output(file: file, digest: try record.digests[file] ?? FileDigest(path: staging.file(file)))
        }
        manifest.packs = record.packs.isEmpty ? nil : record.packs
        manifest.timingsMs = record.timings
        manifest.timingsMs.publish = (clock.now - flushStarted).milliseconds
        try manifest.write(into: staging)
        try staging.flush([Manifest.fileName])
        let published = try folder.publish(staging, as: RunName(wave: record.waveDisplayLabel, time: started))
        expired = folder.expire(keeping: keepRuns)
        return folder.runPath(published)
    }

    public func discard() {
        staging.discard()
    }
}
