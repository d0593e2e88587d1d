import ArgumentParser
import FileSafety
import Foundation
import PMOSurvey
import ReportPipeline
import SurveyImport

struct Map: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draft a mapping that reads a survey tool's export.",
        discussion: """
            Detects the tool from the export's header, matches its questions to the survey's fields, \
            lists every distinct answer of the coded questions with the value it proposes, and marks \
            every line to check with `# check`. Edit those, then run `pmo-report validate --input \
            EXPORT --mapping MAPPING` until nothing is rejected that should not be.

            Example: pmo-report map --input responses-2015.csv --output mappings/pmo-2015.yaml
            """)

    @Option(name: .shortAndLong, help: "The export: .csv or .xlsx.")
    var input: String

    @Option(help: ArgumentHelp("The tool, when the header does not tell: \(SurveyTool.allCases.map(\.rawValue).joined(separator: ", ")).",
                               valueName: "tool"))
    var source: String?

    @Option(name: .shortAndLong, help: "Where to write the mapping (not overwritten); standard output when left out.")
    var output: String?

    func validate() throws {
        if let source, SurveyTool(rawValue: source) == nil {
            throw ValidationError("--source must be one of \(SurveyTool.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let log = PipelineLog.console()
        let draft: MappingDraft
        do {
            draft = try MappingDraft(export: input, tool: source.flatMap(SurveyTool.init(rawValue:)))
        } catch let error as SurveyFileError {
            throw log.fail(PipelineError(underlying: error))
        } catch {
            throw log.fail(PipelineError(.dataError, "\(input): \(error)"))
        }
        guard let output else {
            print(draft.text, terminator: "")
            return
        }
        try writeDraft(draft.text, to: output, kind: "a mapping", command: "map", log: log)
        log.info("wrote \(output): a \(draft.tool.displayName) mapping with \(draft.unsureLines) line\(draft.unsureLines == 1 ? "" : "s") to check (marked `# check`)")
    }
}
