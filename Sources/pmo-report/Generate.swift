import ArgumentParser
import Foundation
import PMOSurvey
import Publishing
import ReportPipeline

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
    @OptionGroup var trustOptions: TrustOptions

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
        let log = PipelineLog.console(quiet: quiet)
        let files = try inputs.pairs()
        let publication: Publication
        do throws(PipelineError) {
            var definition = ReportDefinition()
            definition.internalUse = internalUse
            var pipeline = Pipeline(inputs: files, definition: definition,
                                    outputs: [.json, .workbook, .pdf] + (packs ? [.packs] : []), log: log)
            pipeline.trusts = try trustOptions.directory(log: log)
            if !quiet && isatty(2) == 1 {
                let line = PackProgressLine()
                pipeline.packProgress = { line.show(done: $0, total: $1) }
            }
            // The output folder and the secret file are made only once the inputs have been read:
            // a run that fails on its mapping leaves nothing behind.
            let output = self.output, secretFile = self.secretFile
            publication = try pipeline.run(publishingWith: { try FolderPublisher(folder: output) }, run: .current) {
                () throws(PipelineError) in try PeerCodeSecret.forPipeline(at: secretFile, log: log).value
            }
        } catch {
            throw log.fail(error)
        }
        if timings { PipelineLog.console().info(publication.timings.summary) }
        guard !quiet else { return }
        print(publication.survey.summary)
        for path in publication.files { print("wrote \(path)") }
        if let packs = publication.packs {
            print(packs.summary(folder: (output as NSString).appendingPathComponent(TrustPacks.folderName),
                                index: (output as NSString).appendingPathComponent(TrustPacks.indexName)))
        }
    }
}
