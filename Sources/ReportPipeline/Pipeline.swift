import FileSafety
import Foundation
import OpenSSLDigest
import PMOSurvey
import SurveyImport

/// read -> validate -> analyse -> render, for every command: `generate` publishes what it renders
/// into a folder (`FolderPublisher`), `run` into a dated run (`ScheduledRun`), and `validate` stops
/// after reading. Each step throws a `PipelineError` that knows its exit status; nothing here prints.
public struct Pipeline: Sendable {
    public var inputs: [SurveyFile]
    public var definition: ReportDefinition
    public var outputs: [Output]
    public var log: PipelineLog
    /// Whether to show the packs' progress line (only ever on a terminal).
    public var showsProgress = false
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
            throw PipelineError(error.isUnreadable ? .noInput : error.isBadMapping ? .usage : .dataError, error.description)
        }
        for (source, input) in zip(survey.sources, inputs) {
            if let expected = input.expectedSHA256, source.sha256 != expected {
                throw PipelineError(.tryAgainLater, "\(input.path) changed while it was read (still being copied?); nothing was published, try again")
            }
        }
        return survey
    }

    /// A mapping file, or why it cannot be used (exit 64, or 66 when it cannot be opened).
    public static func mapping(_ path: String) throws(PipelineError) -> Mapping {
        do {
            return try Mapping.load(path: path)
        } catch {
            throw PipelineError(error.isUnreadable ? .noInput : .usage, error.description)
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
    /// render: a board sends packs to every trust or to none.
    public func render(_ analysis: Analysis, run: RunInfo, into staging: StagingFolder,
                       timings: inout Timings) throws(PipelineError) -> Rendering {
        let files = fileOutputs
        // Disclosure control, once for every renderer; packs always go to other trusts.
        let shared = try ContinuousClock.measure(into: &timings.protect) { analysis.protected() }
        try Self.audit(shared)
        let published = definition.internalUse ? analysis : shared
        let durations = try ContinuousClock.measure(into: &timings.outputs) { () throws(PipelineError) in
            try Self.write(files, published, run: run, into: staging)
        }
        timings.eachOutput = Dictionary(uniqueKeysWithValues: durations)
        var rendering = Rendering(files: files.flatMap(\.entries))
        if outputs.contains(.packs) {
            let packs = try ContinuousClock.measure(into: &timings.packs) { () throws(PipelineError) in
                try TrustPacks(analysis: shared, run: run, showsProgress: showsProgress)
                    .write(into: staging.file(TrustPacks.folderName), index: staging.file(TrustPacks.indexName), log: log)
            }
            rendering.packs = packs
            for (name, digest) in packs.digests { rendering.digests[TrustPacks.folderName + "/" + name] = digest }
            rendering.files += packs.files.map { TrustPacks.folderName + "/" + $0 } + [TrustPacks.indexName]
        }
        return rendering
    }

    /// A withheld figure the exact audit finds recoverable is a bug in the suppression, never a
    /// warning: nothing is published.
    private static func audit(_ shared: Analysis) throws(PipelineError) {
        guard let leaks = shared.disclosure?.leaks, !leaks.isEmpty else { return }
        throw PipelineError(.software, "disclosure control left withheld figures recoverable (a bug; nothing was published): "
            + leaks.prefix(3).map(\.description).joined(separator: "; "))
    }

    /// Writes each single-file output on its own thread and returns how long each took. The
    /// renderers share nothing (libxlsxwriter, Cairo and Pango, plain Swift) and each keeps to its
    /// one thread; the workbook alone takes most of a large run, so the others finish in its
    /// shadow. Throws the first failure in `outputs` order once all have finished.
    private static func write(_ outputs: [Output], _ analysis: Analysis, run: RunInfo,
                              into staging: StagingFolder) throws(PipelineError) -> [(Output, Duration)] {
        let results = Slots<Result<Duration, any Error>>(count: outputs.count)
        DispatchQueue.concurrentPerform(iterations: outputs.count) { i in
            var elapsed = Duration.zero
            let result = Result { try ContinuousClock.measure(into: &elapsed) { try outputs[i].write(analysis, run: run, to: staging.file(outputs[i].entries[0])) } }
            results.set(i, result.map { elapsed })
        }
        var durations: [(Output, Duration)] = []
        for (output, result) in zip(outputs, results.all) {
            let name = output.entries[0]
            do {
                durations.append((output, try result.get()))
            } catch {
                throw PipelineError(.cannotCreate, "cannot write \(name): \(error)")
            }
            guard staging.hasContent(name) else {
                // Files written into a folder someone removed vanish without an error.
                guard FileManager.default.fileExists(atPath: staging.path) else {
                    throw PipelineError(.cannotCreate, "cannot write \(name): \(staging.path) was removed while the run was writing into it (was the output folder removed?)")
                }
                throw PipelineError(.software, "the \(output.rawValue) renderer reported success but wrote no \(name)")
            }
        }
        return durations
    }
}

/// What `Pipeline.render` left in the staging folder.
public struct Rendering: Sendable {
    /// Every file written, relative to the staging folder, in the outputs' order.
    public var files: [String]
    /// What the packs did, when they were asked for.
    public var packs: TrustPacks.Outcome?
    /// Size and SHA-256 of the files already fingerprinted while they were written (the packs),
    /// by their path in the staging folder.
    public var digests: [String: FileDigest] = [:]
}

extension Survey {
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
