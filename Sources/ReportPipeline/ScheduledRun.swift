import FileSafety
import Foundation
import PMOSurvey
import Publishing
import SurveyImport

/// One run of a report definition, as cron starts it: settle the settings, lock the output
/// folder, decide whether there is anything to do, then the pipeline's run with a `RunPublisher`:
/// a dated run with its manifest, and `latest` switched to it.
public struct ScheduledRun {
    /// What the command line says on top of the definition.
    public struct Options: Sendable {
        public var definition: String
        /// Instead of the definition's `input`.
        public var input: String?
        /// Instead of the definition's `output`.
        public var output: String?
        /// Publish even when nothing changed since `latest`.
        public var force = false
        /// Seconds to wait for another run on the same output folder.
        public var wait = 0

        public init(definition: String) { self.definition = definition }
    }

    public enum Outcome: Sendable {
        case published(folder: String, timings: Timings)
        case upToDate(folder: String)
    }

    let options: Options
    let log: PipelineLog
    var file: DefinitionFile
    /// The files of the survey as given (a file or a folder each), with their mappings.
    let inputsGiven: [SurveyFile]
    let outputFolder: String
    let started = UTCTime.now
    /// The register and trust list, read once the definition is.
    let trusts: TrustDirectory
    let trustFiles: TrustFiles

    public init(_ options: Options, log: PipelineLog) throws(PipelineError) {
        self.options = options
        self.log = log
        do {
            file = try DefinitionFile.load(path: options.definition)
        } catch {
            throw PipelineError(underlying: error)
        }
        if file.settings.input != nil && !file.settings.inputs.isEmpty {
            throw PipelineError(.usage, "\(file.path): both `input` and `inputs`; keep one")
        }
        if let input = options.input ?? file.settings.input {
            inputsGiven = [SurveyFile(path: input)]
        } else if !file.settings.inputs.isEmpty {
            inputsGiven = file.settings.inputs
        } else {
            throw PipelineError(.usage, "\(file.path): no `input`; add `input: path/to/survey.csv` (or `inputs:` with mappings) or pass --input")
        }
        guard let output = options.output ?? file.settings.output else {
            throw PipelineError(.usage, "\(file.path): no `output`; add `output: path/to/folder` or pass --output")
        }
        outputFolder = output
        let definitionFolder = URL(fileURLWithPath: file.path).deletingLastPathComponent().standardizedFileURL.path
        trustFiles = TrustFiles(register: file.settings.register ?? TrustFiles.shippedRegister(searching: [definitionFolder]),
                                trustList: file.settings.trustList, trustListNamed: file.settings.trustListNamed)
        if trustFiles.register == nil {
            log.warning("the ODS register shipped with pmo-report (\(TrustFiles.shippedRegisterName)) was not found; trusts are resolved through the trust list only; name a register with `register:`")
        }
        trusts = try trustFiles.load()
        if file.report.peerCodeSecret.isEmpty, let secretFile = file.settings.peerCodeSecretFile {
            file.report.peerCodeSecret = try PeerCodeSecret.forPipeline(at: secretFile, log: log).value
        }
        if file.report.internalUse {
            log.warning("internal_use is on: the outputs name every trust, including those that did not consent; do not share them")
        }
    }

    public func perform() throws(PipelineError) -> Outcome {
        let folder: OutputFolder
        do {
            folder = try OutputFolder(path: outputFolder)
        } catch {
            throw PipelineError(underlying: error)
        }
        let lock = try takeLock(on: folder)
        defer { lock.release() }
        let leftovers = folder.removeLeftovers()
        if !leftovers.isEmpty { log.info("removed leftovers of an unfinished run: \(leftovers.joined(separator: ", "))") }

        let inputs = try selectInputs()
        if !options.force, let latest = folder.latest, let manifest = Manifest.read(from: folder.runPath(latest)),
           manifest.matches(inputs: inputs, definition: file.sha256, peerCodeSecretFingerprint: secretFingerprint,
                            toolVersion: RunInfo.toolVersion, trustFiles: [trusts.register?.sha256, trusts.trustList?.sha256]) {
            return .upToDate(folder: folder.runPath(latest))
        }
        var pipeline = Pipeline(
            inputs: inputs.map { SurveyFile(path: $0.file, mapping: $0.mapping?.path, expectedSHA256: $0.sha256) },
            definition: file.report, outputs: file.settings.outputs, log: log)
        pipeline.trusts = trusts
        var publisher: RunPublisher?
        let publication = try pipeline.run(publishingWith: { () throws in
            let made = try RunPublisher(folder: folder, manifest: manifest(inputs: inputs), started: started, keepRuns: file.settings.keepRuns)
            publisher = made
            return made
        }, run: .current)
        log.info(publication.survey.summary)
        if let packs = publication.packs {
            log.info("wrote \(packs.written) benchmark \(packs.written == 1 ? "pack" : "packs") into \(TrustPacks.folderName)/, which can be shared; \(TrustPacks.indexName) beside it names every trust and its peer code: never share it")
        }
        if let expired = publisher?.expired, !expired.isEmpty {
            log.info("removed \(expired.count) old \(expired.count == 1 ? "run" : "runs") (keep_runs \(file.settings.keepRuns)): \(expired.map(\.description).joined(separator: ", "))")
        }
        return .published(folder: publication.location, timings: publication.timings)
    }

    private var secretFingerprint: String { PeerCodeSecret.fingerprint(of: file.report.peerCodeSecret) }

    private func takeLock(on folder: OutputFolder) throws(PipelineError) -> RunLock {
        let lock: RunLock
        do throws(RunLock.Failure) {
            lock = try RunLock.acquire(in: folder.path, wait: options.wait) { holder in
                log.info("waiting up to \(options.wait) s for \(holder.map { "another run (\($0))" } ?? "another run") to finish")
            }
        } catch {
            throw PipelineError(underlying: error)
        }
        if let previous = lock.previousHolder {
            log.warning("the previous run (\(previous)) ended without finishing; taking over its lock and cleaning up")
        }
        return lock
    }

    /// Every input file (the newest match where a folder is given) and mapping, fingerprinted.
    private func selectInputs() throws(PipelineError) -> [Manifest.Input] {
        var inputs: [Manifest.Input] = []
        for given in inputsGiven {
            let pattern = given.pattern ?? file.settings.inputPattern
            let path: String
            do {
                path = try InputSelection.resolve(given.path, pattern: pattern)
            } catch {
                throw PipelineError(underlying: error)
            }
            if path != given.path { log.info("input: \(path) (newest \(pattern) in \(given.path))") }
            let mapping = try given.mapping.map { mapping throws(PipelineError) in
                Manifest.Definition(path: mapping, sha256: try Self.digest(of: mapping).sha256)
            }
            inputs.append(Manifest.Input(given: given.path, file: path, digest: try Self.digest(of: path), mapping: mapping))
        }
        return inputs
    }

    private static func digest(of path: String) throws(PipelineError) -> FileDigest {
        do {
            return try FileDigest(path: path)
        } catch {
            throw PipelineError(.noInput, underlying: error)
        }
    }

    /// What went into the run, for its manifest; the publisher adds what came out.
    private func manifest(inputs: [Manifest.Input]) -> Manifest {
        var manifest = Manifest(
            toolVersion: RunInfo.toolVersion,
            definition: Manifest.Definition(path: file.path, sha256: file.sha256),
            inputs: inputs, peerCodeSecretFingerprint: secretFingerprint,
            wave: "", responses: [:], outputs: [], started: started, timingsMs: Manifest.Timings())
        if let path = trustFiles.register, let source = trusts.register {
            manifest.trustRegister = Manifest.TrustFile(path: path, sha256: source.sha256, date: source.date?.description)
        }
        manifest.trustList = trusts.trustList.map { Manifest.TrustFile(path: trustFiles.trustList ?? $0.fileName, sha256: $0.sha256) }
        return manifest
    }
}
