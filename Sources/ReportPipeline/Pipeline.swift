import FileSafety
import Foundation
import OpenSSLDigest
import PMOSurvey
import Publishing
import SurveyImport

/// read -> validate -> analyse -> protect -> render -> publish, written once for every command:
/// `generate` runs it with a `FolderPublisher`, `run` (`ScheduledRun`) with a `RunPublisher`, and
/// `validate` stops after reading; `deliver` then reads what a run published. Each step throws a
/// `PipelineError` that knows its exit status and keeps its cause; nothing here prints: messages
/// go to `log`, and the packs' progress to `packProgress`.
public struct Pipeline: Sendable {
    public var inputs: [SurveyFile]
    public var definition: ReportDefinition
    public var outputs: [Output]
    public var log: PipelineLog
    /// Told as each benchmark pack is finished; the command line draws it.
    public var packProgress: TrustPacks.Progress?
    /// The register and trust list every response's trust is resolved through.
    public var trusts = TrustDirectory.empty

    public init(inputs: [SurveyFile], definition: ReportDefinition, outputs: [Output], log: PipelineLog) {
        self.inputs = inputs
        self.definition = definition
        self.outputs = outputs
        self.log = log
    }

    /// The outputs that are one file each, written by `render` at once.
    var fileOutputs: [Output] { outputs.filter { $0 != .packs } }

    /// The whole run: reads and analyses the inputs, renders every output into the staging folder
    /// of the publisher `makePublisher` gives, and publishes them together. The publisher is made,
    /// and `peerCodeSecret` asked for (it may create the secret file), only once the inputs have
    /// been read: a run whose inputs or mappings are unusable creates nothing. On failure nothing
    /// is published, and the error says what the publisher kept.
    public func run<P: Publisher>(publishingWith makePublisher: () throws -> P, run: RunInfo,
                                  peerCodeSecret: (() throws(PipelineError) -> String)? = nil) throws(PipelineError) -> Publication {
        var timings = Timings()
        let survey = try ContinuousClock.measure(into: &timings.read) { () throws(PipelineError) in try read(run: run) }
        var pipeline = self
        if let peerCodeSecret { pipeline.definition.peerCodeSecret = try peerCodeSecret() }
        let analysis = ContinuousClock.measure(into: &timings.analyse) { pipeline.analyse(survey) }
        let publisher = try Self.outputStep(makePublisher)
        do throws(PipelineError) {
            let entries = outputs.flatMap(\.entries)
            try Self.outputStep { try publisher.check(entries) }
            let rendering = try pipeline.render(analysis, run: run, into: publisher.staging, finalPath: publisher.finalPath, timings: &timings)
            let record = RunRecord(
                wave: survey.latestWave.label, waveDisplayLabel: survey.latestWave.displayLabel,
                responses: ["rows": survey.counts.rows, "valid": survey.counts.valid,
                            "rejected": survey.counts.rejected, "superseded": survey.counts.superseded],
                files: rendering.files, digests: rendering.digests, packs: rendering.packs?.trusts ?? [],
                timings: timings.manifest)
            let location = try ContinuousClock.measure(into: &timings.publish) { () throws(PipelineError) in
                try Self.outputStep { try publisher.publish(entries, record: record) }
            }
            return Publication(survey: survey, location: location,
                               files: fileOutputs.flatMap(\.entries).map { publisher.finalPath($0.name) },
                               packs: rendering.packs, timings: timings)
        } catch {
            publisher.discard()
            throw error.leaving("nothing was published, " + publisher.keptOnFailure)
        }
    }

    /// Runs a step of publishing; its failure is an output that cannot be made (or a bug).
    private static func outputStep<T>(_ step: () throws -> T) throws(PipelineError) -> T {
        do {
            return try step()
        } catch {
            throw PipelineError(underlying: error)
        }
    }

    /// Reads and validates the inputs as one survey, each export through its mapping. When no row
    /// is usable, the first `findingsShown` findings are logged (as warnings: each says its own
    /// severity, and the failure that follows is the error), those that say the same about the
    /// same column as one line unless `groupsFindings` is false.
    public func read(run: RunInfo, findingsShown: Int = 10, groupsFindings: Bool = true) throws(PipelineError) -> Survey {
        var surveyInputs: [SurveyInput] = []
        for input in inputs {
            surveyInputs.append(.export(path: input.path, mapping: try input.mapping.map(Self.mapping)))
        }
        let survey: Survey
        do {
            var reader = SurveyReader(bounds: definition.bounds, currentYear: run.generatedDate.year, sha256: OpenSSLSHA256.self)
            reader.trusts = trusts
            survey = try reader.read(inputs: surveyInputs)
        } catch {
            if case let .noValidRows(file, _, findings) = error {
                let lines = groupsFindings ? FindingGroup.group(findings).map { ($0.first.file, $0.description) }
                    : findings.map { ($0.file, $0.description) }
                for (named, line) in lines.prefix(findingsShown) { log.warning(named == nil ? "\(file): \(line)" : line) }
                if lines.count > findingsShown { log.warning("... and \(lines.count - findingsShown) more findings") }
            }
            throw PipelineError(underlying: error)
        }
        for (source, input) in zip(survey.sources, inputs) {
            if let expected = input.expectedSHA256, source.sha256 != expected {
                throw PipelineError(.tryAgainLater, "\(input.path) changed while it was read (still being copied?); try again")
            }
        }
        return survey
    }

    /// A mapping file, or why it cannot be used (exit 64, or 66 when it cannot be opened).
    public static func mapping(_ path: String) throws(PipelineError) -> Mapping {
        do {
            return try Mapping.load(path: path)
        } catch {
            throw PipelineError(underlying: error)
        }
    }

    /// The analysis of `survey` under this pipeline's definition, after logging the rows that were
    /// set aside (the first ten kinds of error, each with its count, then how many rows in all),
    /// without flooding a cron mail.
    public func analyse(_ survey: Survey) -> Analysis {
        let errors = survey.findings.filter { $0.severity == .error }
        let warnings = survey.findings.count { $0.severity == .warning }
        let groups = FindingGroup.group(errors)
        for group in groups.prefix(10) { log.info(group.first.file == nil ? "\(survey.source.fileName): \(group)" : "\(group)") }
        if groups.count > 10 { log.info("... and \(groups.count - 10) more kinds of error") }
        // Rows, not error findings: one rejected row may have several errors, and the summary
        // line beside this one counts rows.
        let rejected = survey.counts.rejected
        if rejected > 0 {
            log.warning("\(rejected) \(rejected == 1 ? "row was" : "rows were") rejected and left out"
                + (warnings > 0 ? " (and \(warnings) \(warnings == 1 ? "warning" : "warnings"))" : "")
                + "; see the DataQuality table, or run `pmo-report validate` with the same inputs for every finding")
        }
        let analysis = Analysis(survey: survey, definition: definition, sha256: OpenSSLSHA256.self)
        FreedMemory.release()
        return analysis
    }

    /// Writes every output of `analysis` into `staging`: the single files at once, each on its own
    /// thread, then the packs. A missing or failed output, or any failed pack, fails the whole
    /// render: a board sends packs to every trust or to none. Failures name each output by
    /// `finalPath`, where the user will look for it.
    func render(_ analysis: Analysis, run: RunInfo, into staging: StagingFolder, finalPath: (String) -> String,
                timings: inout Timings) throws(PipelineError) -> Rendering {
        let files = fileOutputs
        // Disclosure control, once for every renderer; packs always go to other trusts.
        let shared = ContinuousClock.measure(into: &timings.protect) { analysis.protected() }
        try Self.audit(shared)
        let published = definition.internalUse ? analysis : shared
        let durations = try ContinuousClock.measure(into: &timings.outputs) { () throws(PipelineError) in
            try Self.write(files, published, run: run, into: staging, finalPath: finalPath)
        }
        timings.eachOutput = Dictionary(uniqueKeysWithValues: durations)
        var rendering = Rendering(files: files.flatMap(\.entries).map(\.name))
        if outputs.contains(.packs) {
            let packs = try ContinuousClock.measure(into: &timings.packs) { () throws(PipelineError) in
                try TrustPacks(analysis: shared, run: run, progress: packProgress)
                    .write(into: staging.file(TrustPacks.folderName), index: staging.file(TrustPacks.indexName), log: log)
            }
            rendering.packs = packs
            let files = packs.trusts.flatMap(\.files)
            for file in files { rendering.digests[file.file] = FileDigest(size: file.size, sha256: file.sha256) }
            rendering.files += files.map(\.file).sorted() + [TrustPacks.indexName]
        }
        return rendering
    }

    /// A withheld figure the exact audit finds recoverable is a bug in the suppression, never a
    /// warning: nothing is published.
    private static func audit(_ shared: Analysis) throws(PipelineError) {
        guard let leaks = shared.disclosure?.leaks, !leaks.isEmpty else { return }
        throw PipelineError(.software, "disclosure control left withheld figures recoverable (a bug): "
            + leaks.prefix(3).map(\.description).joined(separator: "; "))
    }

    /// Writes each single-file output on its own thread and returns how long each took. The
    /// renderers share nothing (libxlsxwriter, Cairo and Pango, plain Swift) and each keeps to its
    /// one thread; the workbook alone takes most of a large run, so the others finish in its
    /// shadow. Throws the first failure in `outputs` order once all have finished.
    private static func write(_ outputs: [Output], _ analysis: Analysis, run: RunInfo, into staging: StagingFolder,
                              finalPath: (String) -> String) throws(PipelineError) -> [(Output, Duration)] {
        // Single-file outputs only (`fileOutputs`): each has a renderer.
        let renderers = outputs.map { $0.renderer(analysis, run: run)! }
        let names = outputs.map { $0.entries[0].name }
        let results = Slots<Result<Duration, any Error>>(count: outputs.count)
        DispatchQueue.concurrentPerform(iterations: outputs.count) { i in
            var elapsed = Duration.zero
            let result = Result { try ContinuousClock.measure(into: &elapsed) { try renderers[i].write(to: staging.file(names[i])) } }
            results.set(i, result.map { elapsed })
        }
        var durations: [(Output, Duration)] = []
        for (i, (output, result)) in zip(outputs, results.all).enumerated() {
            let name = names[i]
            do {
                durations.append((output, try result.get()))
            } catch {
                throw PipelineError(nil, "cannot write \(finalPath(name))", underlying: error)
            }
            guard staging.hasContent(name) else {
                // Files written into a folder someone removed vanish without an error.
                guard FileManager.default.fileExists(atPath: staging.path) else {
                    throw PipelineError(.cannotCreate, "cannot write \(finalPath(name)): the output folder was removed while the run was writing into it")
                }
                throw PipelineError(.software, "the \(output.rawValue) renderer reported success but wrote no \(name)")
            }
        }
        return durations
    }
}

/// What `Pipeline.run` published.
public struct Publication: Sendable {
    public let survey: Survey
    /// The folder that holds what was published: the output folder, or the dated run's folder.
    public let location: String
    /// The published single files (JSON, workbook, PDF), by full path.
    public let files: [String]
    public let packs: TrustPacks.Outcome?
    public let timings: Timings
}

/// What `Pipeline.render` left in the staging folder.
struct Rendering: Sendable {
    /// Every file written, relative to the staging folder, in the outputs' order.
    public var files: [String]
    /// What the packs did, when they were asked for.
    public var packs: TrustPacks.Outcome?
    /// Size and SHA-256 of the files already fingerprinted while they were written (the packs),
    /// by their path in the staging folder.
    public var digests: [String: FileDigest] = [:]
}

extension Survey {
    /// `survey.csv: 330 responses read, 325 used, 5 rejected, 0 superseded`: what every command
    /// that reads says about it.
    public var summary: String {
        "\(sourceNames): \(counts.rows) responses read, \(counts.valid) used, \(counts.rejected) rejected, \(counts.superseded) superseded"
    }

    /// A finding as the operator reads it: with the file it is about.
    public func describe(_ finding: Finding) -> String {
        finding.file == nil ? "\(source.fileName): \(finding)" : "\(finding)"
    }
}

extension RunInfo {
    /// This run: the time from `SOURCE_DATE_EPOCH` when set, else the clock.
    public static var current: RunInfo {
        RunInfo(environment: ProcessInfo.processInfo.environment, now: Int(Date().timeIntervalSince1970))
    }
}
