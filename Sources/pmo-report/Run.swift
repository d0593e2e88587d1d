import ArgumentParser
import Foundation
import Logging
import OpenSSLDigest
import PMOSurvey
import ReportRuns
import SurveyImport

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a report definition: publish a complete, dated run and switch `latest` to it.",
        discussion: """
            Made for cron. Reads the definition (YAML; paths in it are relative to its own folder), \
            takes the input file (or the newest matching file of an input folder; or every entry of \
            `inputs:`, each survey-tool export with its mapping), and publishes \
            every output together into <output>/runs/<wave>_<UTC time>/ with a manifest.json, then \
            points <output>/latest at it. A run that fails or is killed leaves `latest` as it was. \
            When the input, the definition, the peer-code secret and pmo-report are unchanged since `latest`, the run \
            says "up to date" and writes nothing.

            Logs go to stderr; the last line states the outcome. Exit codes: 0 published or up to \
            date; 64 bad definition or usage; 65 the input is unusable; 66 the input or definition \
            cannot be opened; 70 internal error; 73 an output cannot be created; 75 another run \
            holds the output folder (try again later, or use --wait).

            Example: pmo-report run /home/pmo/pmo-report/Reports/board-pack.yaml --quiet
            """)

    @Argument(help: "The report definition, e.g. Reports/board-pack.yaml.")
    var definition: String

    @Option(name: .shortAndLong, help: "The survey CSV file or folder, instead of the definition's `input`.")
    var input: String?

    @Option(name: .shortAndLong, help: "The output folder, instead of the definition's `output`.")
    var output: String?

    @Flag(help: "Publish a new run even when nothing changed since `latest`.")
    var force = false

    @Option(help: ArgumentHelp("Wait up to this many seconds for another run on the same output folder.",
                               valueName: "seconds"))
    var wait = 0

    @Flag(name: .shortAndLong, help: "Log only warnings and errors: a successful run prints nothing.")
    var quiet = false

    @Option(name: .customLong("log-format"), help: "text, or json for log collectors (one object a line).")
    var logFormat = LogFormat.text

    func validate() throws {
        guard wait >= 0 else { throw ValidationError("--wait must be 0 or more seconds") }
    }

    func run() throws {
        let log = Logger.stderr(format: logFormat, quiet: quiet)
        do throws(RunFailure) {
            var job = try ScheduledRun(command: self, log: log)
            switch try job.perform() {
            case let .published(folder, timings):
                log.notice("published \(folder)", metadata: [
                    "read_ms": "\(timings.read)", "analyse_ms": "\(timings.analyse)",
                    "render_ms": "\(timings.render)", "publish_ms": "\(timings.publish)",
                ])
            case let .upToDate(folder):
                log.notice("up to date: input, definition, peer-code secret and pmo-report unchanged since \(folder); --force runs again")
            }
        } catch {
            log.error("failed: \(error.reason), exit \(error.status.rawValue)")
            throw error.status
        }
    }
}

extension ExitStatus {
    /// A report definition that cannot be used: unknown key, bad value (EX_USAGE, as for options).
    static let badDefinition = ExitCode(64)
    /// EX_TEMPFAIL: another run holds the output folder, or the input changed while it was read;
    /// nothing is wrong that the next run will not sort out.
    static let tryAgainLater = ExitCode(75)
}

/// Why a run stopped, with the exit status that tells a cron wrapper which kind of failure it was.
struct RunFailure: Error {
    var status: ExitCode
    var reason: String
}

enum RunOutcome {
    case published(folder: String, timings: Manifest.Timings)
    case upToDate(folder: String)
}

/// One run of a definition, step by step: settle the settings, lock the output folder, decide
/// whether there is anything to do, then read, analyse, render into staging and publish.
private struct ScheduledRun {
    let log: Logger
    let force: Bool
    let wait: Int
    var file: DefinitionFile
    /// The files of the survey as given (a file or a folder each), with their mappings.
    let inputsGiven: [RunSettings.Input]
    let outputFolder: String
    let kinds: [OutputKind]
    let withPacks: Bool
    let started = UTCTime.now
    var timings = Manifest.Timings()

    init(command: Run, log: Logger) throws(RunFailure) {
        self.log = log
        force = command.force
        wait = command.wait
        do {
            file = try DefinitionFile.load(path: command.definition)
        } catch {
            throw RunFailure(status: error.isUnreadable ? ExitStatus.noInput : ExitStatus.badDefinition, reason: "\(error)")
        }
        if file.settings.input != nil && !file.settings.inputs.isEmpty {
            throw RunFailure(status: ExitStatus.badDefinition,
                             reason: "\(file.path): both `input` and `inputs`; keep one")
        }
        if let input = command.input ?? file.settings.input {
            inputsGiven = [RunSettings.Input(file: input)]
        } else if !file.settings.inputs.isEmpty {
            inputsGiven = file.settings.inputs
        } else {
            throw RunFailure(status: ExitStatus.badDefinition,
                             reason: "\(file.path): no `input`; add `input: path/to/survey.csv` (or `inputs:` with mappings) or pass --input")
        }
        guard let output = command.output ?? file.settings.output else {
            throw RunFailure(status: ExitStatus.badDefinition,
                             reason: "\(file.path): no `output`; add `output: path/to/folder` or pass --output")
        }
        outputFolder = output
        kinds = file.settings.outputs.compactMap { OutputKind(rawValue: $0.rawValue) }
        withPacks = file.settings.outputs.contains(.packs)
        if file.report.peerCodeSecret.isEmpty, let secretFile = file.settings.peerCodeSecretFile {
            do throws(ExitCode) {
                file.report.peerCodeSecret = try PeerCodeSecret.forCommand(
                    at: secretFile, announce: { log.notice("\($0)") }, complain: { log.error("\($0)") }).value
            } catch {
                throw RunFailure(status: error, reason: "no usable peer-code secret (\(secretFile))")
            }
        }
        if file.report.internalUse {
            log.warning("internal_use is on: the outputs name every trust, including those that did not consent; do not share them")
        }
    }

    mutating func perform() throws(RunFailure) -> RunOutcome {
        let folder: OutputFolder
        do {
            folder = try OutputFolder(path: outputFolder)
        } catch {
            throw RunFailure(status: ExitStatus.cannotCreate, reason: "\(error)")
        }
        let lock = try takeLock(on: folder)
        defer { lock.release() }
        let leftovers = folder.removeLeftovers()
        if !leftovers.isEmpty { log.info("removed leftovers of an unfinished run: \(leftovers.joined(separator: ", "))") }

        let clock = ContinuousClock()
        let readStart = clock.now
        let inputs = try selectInputs()
        if !force, let latest = folder.latest, let manifest = Manifest.read(from: folder.runPath(latest)),
           manifest.matches(inputs: inputs, definition: file.sha256, peerCodeSecretFingerprint: secretFingerprint,
                            toolVersion: RunInfo.toolVersion) {
            return .upToDate(folder: folder.runPath(latest))
        }
        let runInfo = RunInfo.current
        let survey = try read(inputs, run: runInfo)
        timings.read = clock.now.milliseconds(since: readStart)

        let analyseStart = clock.now
        let analysis = Analysis(survey: survey, definition: file.report, sha256: OpenSSLSHA256.self)
        FreedMemory.release()
        timings.analyse = clock.now.milliseconds(since: analyseStart)

        let staging: StagingFolder
        do {
            staging = try folder.makeStaging()
        } catch {
            throw RunFailure(status: ExitStatus.cannotCreate, reason: "\(error)")
        }
        do throws(RunFailure) {
            let name = try render(analysis, survey: survey, inputs: inputs, run: runInfo, into: staging)
            let published: RunName
            do {
                published = try folder.publish(staging, as: name)
            } catch {
                throw RunFailure(status: ExitStatus.cannotCreate, reason: "\(error); `latest` still points to the previous run")
            }
            let expired = folder.expire(keeping: file.settings.keepRuns)
            if !expired.isEmpty {
                log.info("removed \(expired.count) old \(expired.count == 1 ? "run" : "runs") (keep_runs \(file.settings.keepRuns)): \(expired.map(\.description).joined(separator: ", "))")
            }
            return .published(folder: folder.runPath(published), timings: timings)
        } catch {
            staging.discard()
            throw error
        }
    }

    private var secretFingerprint: String { PeerCodeSecret.fingerprint(of: file.report.peerCodeSecret) }

    private func takeLock(on folder: OutputFolder) throws(RunFailure) -> RunLock {
        let lock: RunLock
        do throws(RunLock.Failure) {
            lock = try RunLock.acquire(in: folder.path, wait: wait) { holder in
                log.info("waiting up to \(wait) s for \(holder.map { "another run (\($0))" } ?? "another run") to finish")
            }
        } catch {
            if case .busy = error { throw RunFailure(status: ExitStatus.tryAgainLater, reason: "\(error)") }
            throw RunFailure(status: ExitStatus.cannotCreate, reason: "\(error)")
        }
        if let previous = lock.previousHolder {
            log.warning("the previous run (\(previous)) ended without finishing; taking over its lock and cleaning up")
        }
        return lock
    }

    /// Every input file (the newest match where a folder is given) and mapping, fingerprinted.
    private func selectInputs() throws(RunFailure) -> [Manifest.Input] {
        var inputs: [Manifest.Input] = []
        for given in inputsGiven {
            let pattern = given.pattern ?? file.settings.inputPattern
            let path: String
            do {
                path = try InputSelection.resolve(given.file, pattern: pattern)
            } catch {
                throw RunFailure(status: ExitStatus.noInput, reason: "\(error)")
            }
            if path != given.file { log.info("input: \(path) (newest \(pattern) in \(given.file))") }
            let mapping = try given.mapping.map { mapping throws(RunFailure) in
                Manifest.Definition(path: mapping, sha256: try digest(of: mapping).sha256)
            }
            inputs.append(Manifest.Input(given: given.file, file: path, digest: try digest(of: path), mapping: mapping))
        }
        return inputs
    }

    private func digest(of path: String) throws(RunFailure) -> FileDigest {
        do {
            return try FileDigest(path: path)
        } catch {
            throw RunFailure(status: ExitStatus.noInput, reason: "\(error)")
        }
    }

    /// Reads and validates the survey, logging what was set aside. A file that changes while it
    /// is read (an upload still in progress) is refused as a temporary failure, for the next run.
    private func read(_ inputs: [Manifest.Input], run: RunInfo) throws(RunFailure) -> Survey {
        var surveyInputs: [SurveyInput] = []
        for input in inputs {
            do {
                surveyInputs.append(.export(path: input.file, mapping: try input.mapping.map { try Mapping.load(path: $0.path) }))
            } catch let error as MappingError {
                throw RunFailure(status: error.isUnreadable ? ExitStatus.noInput : ExitStatus.badDefinition, reason: error.description)
            } catch {
                throw RunFailure(status: ExitStatus.software, reason: "\(error)")
            }
        }
        let survey: Survey
        do {
            survey = try SurveyReader(bounds: file.report.bounds, currentYear: run.generatedDate.year, sha256: OpenSSLSHA256.self).read(inputs: surveyInputs)
        } catch {
            if case let .noValidRows(_, _, findings) = error {
                for finding in findings.prefix(10) { log.error("\(finding.file ?? inputs[0].file): \(finding)") }
            }
            throw RunFailure(status: error.isUnreadable ? ExitStatus.noInput : error.isBadMapping ? ExitStatus.badDefinition : ExitStatus.dataError,
                             reason: error.description)
        }
        for (source, input) in zip(survey.sources, inputs) where source.sha256 != input.sha256 {
            throw RunFailure(status: ExitStatus.tryAgainLater, reason: "\(input.file) changed while it was read (still being copied?); nothing was published, try again")
        }
        let c = survey.counts
        log.info("\(survey.sourceNames): \(c.rows) responses read, \(c.valid) used, \(c.rejected) rejected, \(c.superseded) superseded")
        let errors = survey.findings.filter { $0.severity == .error }
        for finding in errors.prefix(10) { log.info("\(survey.describe(finding))") }
        if !errors.isEmpty {
            log.warning("\(errors.count) \(errors.count == 1 ? "row was" : "rows were") rejected and left out; see the DataQuality table, or run `pmo-report validate` on the input\(inputs.count == 1 ? "" : "s")")
        }
        return survey
    }

    /// Writes every output and the manifest into `staging` and flushes them; returns the name the
    /// run will be published under.
    private mutating func render(_ analysis: Analysis, survey: Survey, inputs: [Manifest.Input],
                                 run: RunInfo, into staging: StagingFolder) throws(RunFailure) -> RunName {
        let clock = ContinuousClock()
        let renderStart = clock.now
        var outputs: [Manifest.Output] = []
        do {
            _ = try OutputKind.write(kinds, analysis, run: run, paths: kinds.map { staging.file($0.fileName) })
        } catch {
            throw RunFailure(status: ExitStatus.cannotCreate, reason: "\(error); `latest` still points to the previous run")
        }
        for kind in kinds {
            guard staging.hasContent(kind.fileName) else {
                // Files written into a folder someone removed vanish without an error.
                guard FileManager.default.fileExists(atPath: staging.path) else {
                    throw RunFailure(status: ExitStatus.cannotCreate, reason: "cannot write \(kind.fileName): \(staging.path) was removed while the run was writing into it (was the output folder removed?)")
                }
                throw RunFailure(status: ExitStatus.software, reason: "the \(kind.rawValue) renderer reported success but wrote no \(kind.fileName); `latest` still points to the previous run")
            }
            do {
                outputs.append(Manifest.Output(file: kind.fileName, digest: try FileDigest(path: staging.file(kind.fileName))))
            } catch {
                throw RunFailure(status: ExitStatus.cannotCreate, reason: "\(error)")
            }
        }
        if withPacks { outputs += try writePacks(analysis, run: run, into: staging) }
        timings.render = clock.now.milliseconds(since: renderStart)

        let publishStart = clock.now
        do {
            try staging.flush(outputs.map(\.file) + (withPacks ? [TrustPacks.folderName, TrustPacks.indexName] : []))
        } catch {
            throw RunFailure(status: ExitStatus.cannotCreate, reason: "\(error); `latest` still points to the previous run")
        }
        timings.publish = clock.now.milliseconds(since: publishStart)
        let c = survey.counts
        let manifest = Manifest(
            toolVersion: RunInfo.toolVersion,
            definition: Manifest.Definition(path: file.path, sha256: file.sha256),
            inputs: inputs,
            peerCodeSecretFingerprint: secretFingerprint,
            wave: survey.latestWave.label,
            responses: ["rows": c.rows, "valid": c.valid, "rejected": c.rejected, "superseded": c.superseded],
            outputs: outputs, started: started, timingsMs: timings)
        do {
            try manifest.write(into: staging)
            try staging.flush([Manifest.fileName])
        } catch {
            throw RunFailure(status: ExitStatus.cannotCreate, reason: "\(error); `latest` still points to the previous run")
        }
        return RunName(wave: survey.latestWave.displayLabel, time: started)
    }
}

extension ScheduledRun {
    /// Writes a benchmark pack for every trust into `packs/` and lists each file for the manifest.
    /// A pack that fails fails the run: a board sends packs to every trust or to none.
    private func writePacks(_ analysis: Analysis, run: RunInfo, into staging: StagingFolder) throws(RunFailure) -> [Manifest.Output] {
        let folder = staging.file(TrustPacks.folderName)
        do {
            let outcome = try TrustPacks(analysis: analysis, run: run, quiet: true)
                .write(into: folder, index: staging.file(TrustPacks.indexName))
            for failure in outcome.failures { log.error("no benchmark pack for \(failure.trust): \(failure.reason)") }
            guard outcome.failures.isEmpty else {
                throw RunFailure(status: ExitStatus.cannotCreate, reason: "\(outcome.failures.count) of \(outcome.written + outcome.failures.count) benchmark packs failed; `latest` still points to the previous run")
            }
            log.info("wrote \(outcome.written) benchmark \(outcome.written == 1 ? "pack" : "packs") into \(TrustPacks.folderName)/, which can be shared; \(TrustPacks.indexName) beside it names every trust and its peer code: never share it")
            let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            return try (names.map { TrustPacks.folderName + "/" + $0 } + [TrustPacks.indexName]).map { file in
                Manifest.Output(file: file, digest: try FileDigest(path: staging.file(file)))
            }
        } catch let failure as RunFailure {
            throw failure
        } catch {
            throw RunFailure(status: ExitStatus.cannotCreate, reason: "cannot write the benchmark packs: \(error); `latest` still points to the previous run")
        }
    }
}

extension ContinuousClock.Instant {
    /// Whole milliseconds from `start` to this instant.
    func milliseconds(since start: Self) -> Int {
        let elapsed = start.duration(to: self).components
        return Int(elapsed.seconds) * 1000 + Int(elapsed.attoseconds / 1_000_000_000_000_000)
    }
}
