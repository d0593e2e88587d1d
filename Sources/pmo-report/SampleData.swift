import ArgumentParser
import DemoSurvey
import FileSafety
import Foundation
import PMOSurvey
import ReportPipeline
import SurveyImport

struct SampleData: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample-data",
        abstract: "Write a realistic, deterministic sample survey for tests, demos and benchmarks.",
        discussion: """
            The same --trusts, --waves and --seed always give the same bytes. With --format, the \
            same responses are written as a survey tool exports them, one file per wave, into the \
            --output folder (the mappings in Reports/mappings read them).

            Example: pmo-report sample-data --trusts 250 --waves 2 --seed 7 --output /tmp/survey.csv
            Example: pmo-report sample-data --format surveymonkey --output SampleData/exports
            """)

    @Option(help: "Number of trusts.")
    var trusts = 170

    @Option(help: "Number of survey waves.")
    var waves = 2

    @Option(help: "Seed of the random generator.")
    var seed: UInt64 = 2015

    @Option(name: .shortAndLong, help: "The CSV file to write; with --format, the folder.")
    var output: String

    @Option(help: ArgumentHelp("canonical, or a survey tool's export: ms-forms (.xlsx), surveymonkey, google-forms or qualtrics.",
                               valueName: "format"))
    var format = "canonical"

    func validate() throws {
        guard (1...SampleSurvey.maximumTrusts).contains(trusts) else {
            throw ValidationError("--trusts must be from 1 to \(SampleSurvey.maximumTrusts)")
        }
        guard (1...50).contains(waves) else { throw ValidationError("--waves must be from 1 to 50") }
        guard format == "canonical" || SurveyTool(rawValue: format).map({ $0 != .csv }) == true else {
            throw ValidationError("--format must be canonical, ms-forms, surveymonkey, google-forms or qualtrics")
        }
    }

    func run() throws {
        if let tool = SurveyTool(rawValue: format) { return try writeExports(tool) }
        do throws(SystemError) {
            try SampleSurvey(trusts: trusts, waves: waves, seed: seed).write(to: output)
        } catch {
            throw PipelineLog.console().fail(PipelineError(underlying: error))
        }
    }

    /// One export per wave into the `output` folder.
    private func writeExports(_ tool: SurveyTool) throws {
        do {
            try createFolders(output)
            let files = try SampleExports(survey: SampleSurvey(trusts: trusts, waves: waves, seed: seed), tool: tool).write(into: output)
            for file in files { print("wrote \(file)") }
        } catch {
            throw PipelineLog.console().fail(PipelineError(.cannotCreate, "cannot write the \(tool.displayName) export into \(output)", underlying: error))
        }
    }
}
