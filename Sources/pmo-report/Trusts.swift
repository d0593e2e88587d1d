import ArgumentParser
import FileSafety
import Foundation
import PMOSurvey
import ReportPipeline
import SurveyImport

struct Trusts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show how every trust code and name in a survey resolves; draft the trust list.",
        discussion: """
            Reads the inputs as `validate` does and lists every distinct code and spelling by how it \
            resolved: by code, by alias (the trust list), by register name (the ODS register), or \
            unresolved, with the number of answers. With --output, drafts a trust list that would \
            link the unresolved spellings, every guess marked `# check`; an existing file is never \
            overwritten. A trust is never linked by similarity alone: check each guess, then keep \
            the list as Reports/trusts.yaml.

            Example: pmo-report trusts --input forms-2021.xlsx --mapping forms.yaml --output Reports/trusts-draft.yaml
            """)

    @OptionGroup var inputs: InputOptions
    @OptionGroup var trustOptions: TrustOptions

    @Option(name: .shortAndLong, help: "Where to write the draft trust list (not overwritten).")
    var output: String?

    func run() throws {
        let log = PipelineLog.console()
        let survey = try trustOptions.readSurvey(inputs, log: log)
        let draft = TrustListDraft(survey: survey)
        print(draft.report, terminator: "")
        guard let output else { return }
        try writeDraft(draft.text, to: output, kind: "a trust list", command: "trusts", log: log)
        log.info("wrote \(output): a trust list with \(draft.unsureLines) line\(draft.unsureLines == 1 ? "" : "s") to check (marked `# check`)")
    }
}
