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
            log.error(error.description)
            throw error.isUnreadable ? ExitCode(.noInput) : ExitCode(.dataError)
        } catch {
            log.error("\(input): \(error)")
            throw ExitCode(.dataError)
        }
        guard let output else {
            print(draft.text, terminator: "")
            return
        }
        // Created only if it does not exist: a mapping someone may have edited is never overwritten.
        let file: FileDescriptor
        do throws(SystemError) {
            file = try FileDescriptor.create(output, exclusive: true)
        } catch {
            log.error(error.code == EEXIST ? "\(output) exists; pmo-report map does not overwrite a mapping someone may have edited" : "\(error)")
            throw ExitCode(.cannotCreate)
        }
        do throws(SystemError) {
            try file.closeAfter { () throws(SystemError) in try file.writeAll(Array(draft.text.utf8)) }
        } catch {
            unlink(output)
            log.error("\(error)")
            throw ExitCode(.cannotCreate)
        }
        log.info("wrote \(output): a \(draft.tool.displayName) mapping with \(draft.unsureLines) line\(draft.unsureLines == 1 ? "" : "s") to check (marked `# check`)")
    }
}
