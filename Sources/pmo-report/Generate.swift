import ArgumentParser
import Foundation
import OpenSSLDigest
import PMOSurvey
import ReportRuns

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read, validate and analyse a survey, then write the JSON, workbook and PDF report.",
        discussion: """
            Rows that fail validation are left out and listed in the outputs' data-quality tables; \
            run `pmo-report validate` to see every finding. Outputs are written to a staging folder \
            and moved into place only when all of them are complete.

            Example: pmo-report generate --input survey-2015.csv --output reports/2015
            From exports, one per wave: pmo-report generate -i forms-2014.xlsx -m forms.yaml -i monkey-2015.csv -m monkey.yaml
            """)

    @OptionGroup var inputs: InputOptions

    @Option(name: .shortAndLong, help: "The folder to write the outputs to (created when missing).")
    var output = Defaults.output

    @Flag(name: .customLong("internal-use"),
          help: "Name every trust, including those that did not consent. Every page and sheet then says so.")
    var internalUse = false

    @Flag(help: "Also write a benchmark pack (workbook and PDF) for every trust of the latest wave into <output>/packs; the index that names every trust goes beside it, not in it.")
    var packs = false

    @Option(name: .customLong("secret-file"),
            help: "The file that keeps the network's peer-code secret, made at random on first use. Keep it private and keep it: a new secret changes every peer code.")
    var secretFile = Defaults.peerCodeSecretFile

    @Flag(name: .shortAndLong, help: "Print only warnings and errors.")
    var quiet = false

    @Flag(help: "Print how long each phase took (read, analyse, each output, publish) on stderr.")
    var timings = false

    func run() throws {
        let run = RunInfo.current
        var timer = PhaseTimer()
        var definition = ReportDefinition()
        definition.internalUse = internalUse
        definition.peerCodeSecret = try PeerCodeSecret.forCommand(
            at: secretFile, announce: { if !quiet { Console.note($0) } }, complain: Console.error).value
        let survey = try SurveyLoading.load(try inputs.pairs(), bounds: definition.bounds, run: run)
        timer.mark("read")
        let analysis = Analysis(survey: survey, definition: definition, sha256: OpenSSLSHA256.self)
        FreedMemory.release()
        timer.mark("analyse")
        if !quiet { reportFindings(survey) }

        let (outputs, packOutcome) = try write(analysis, run: run, timer: &timer)
        if timings { Console.note(timer.summary) }

        if !quiet {
            let c = survey.counts
            print("\(survey.sourceNames): \(c.rows) responses read, \(c.valid) used, \(c.rejected) rejected, \(c.superseded) superseded")
            for path in outputs { print("wrote \(path)") }
            if let packOutcome {
                print(packOutcome.summary(folder: (output as NSString).appendingPathComponent(TrustPacks.folderName),
                                          index: (output as NSString).appendingPathComponent(TrustPacks.indexName)))
            }
        }
        try packOutcome?.reportFailures()
    }

    /// Writes every output into staging and publishes them together.
    private func write(_ analysis: Analysis, run: RunInfo, timer: inout PhaseTimer) throws -> ([String], TrustPacks.Outcome?) {
        let publisher: Publisher
        do {
            publisher = try Publisher(folder: output)
        } catch {
            Console.error("\(error)")
            throw ExitStatus.cannotCreate
        }
        let kinds = OutputKind.allCases
        var packOutcome: TrustPacks.Outcome?
        do {
            for kind in kinds { try publisher.checkDestination(kind.fileName, isFolder: false) }
            if packs {
                try publisher.checkDestination(TrustPacks.folderName, isFolder: true)
                try publisher.checkDestination(TrustPacks.indexName, isFolder: false)
            }
            let durations = try OutputKind.write(kinds, analysis, run: run, paths: kinds.map { publisher.stagingPath($0.fileName) })
            timer.mark("outputs")
            for (kind, seconds) in durations { timer.add("\(kind.rawValue) (in parallel)", seconds: seconds) }
            if packs {
                packOutcome = try TrustPacks(analysis: analysis, run: run, quiet: quiet)
                    .write(into: publisher.stagingPath(TrustPacks.folderName), index: publisher.stagingPath(TrustPacks.indexName))
                timer.mark("packs")
            }
            try publisher.publish(kinds.map(\.fileName) + (packs ? [TrustPacks.folderName, TrustPacks.indexName] : []))
            timer.mark("publish")
        } catch {
            publisher.discard()
            Console.error("\(error); nothing was published, \(output) keeps what it had")
            throw ExitStatus.cannotCreate
        }
        return (kinds.map { publisher.finalPath($0.fileName) }, packOutcome)
    }

    /// Tells the operator how many rows were set aside, without flooding a cron mail.
    private func reportFindings(_ survey: Survey) {
        let errors = survey.findings.filter { $0.severity == .error }
        let warnings = survey.findings.count { $0.severity == .warning }
        for finding in errors.prefix(10) { Console.note(survey.describe(finding)) }
        if errors.count > 10 { Console.note("... and \(errors.count - 10) more errors") }
        if !errors.isEmpty || warnings > 0 {
            Console.note("\(errors.count) \(errors.count == 1 ? "error" : "errors"), \(warnings) \(warnings == 1 ? "warning" : "warnings"): run `pmo-report validate` with the same --input and --mapping options for all findings")
        }
    }
}
