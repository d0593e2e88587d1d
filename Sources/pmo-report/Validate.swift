import ArgumentParser
import PMOSurvey
import ReportPipeline

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a survey file and list every finding, without writing anything.",
        discussion: """
            Prints each finding: file, line (or sheet row), column, severity (error: the row is \
            rejected; warning: kept but suspicious; superseded: replaced by a later answer; info: \
            about the file), and what to do. Findings that say the same about the same column \
            (one unmapped answer on many rows) are one line, with how many rows and the first few; \
            --all lists every finding. Exits 65 when the file is unusable, or with --strict when \
            any row is rejected.

            With --mapping, a survey tool's export is read through the mapping, and each answer \
            the mapping does not translate is shown with the `values:` entry that would.

            Trusts are resolved through the ODS register and the trust list (--register, --trusts); \
            each spelling that resolves to no trust, each code that contradicts its name and each \
            trust that had closed before the wave is listed once, first, with the trust-list line \
            that would settle it.

            Example: pmo-report validate --input SampleData/pmo-survey.csv
            Example: pmo-report validate --input export.csv --mapping mappings/export.yaml
            """)

    @OptionGroup var inputs: InputOptions
    @OptionGroup var trustOptions: TrustOptions

    @Flag(help: "Exit 65 when any row is rejected, not only when the file is unusable.")
    var strict = false

    @Flag(help: "List every finding on its own line, not one line per distinct finding with its count.")
    var all = false

    func run() throws {
        let survey = try trustOptions.readSurvey(inputs, log: .console(), findingsShown: .max, groupsFindings: !all)
        if all {
            for finding in survey.findings { print(survey.describe(finding)) }
        } else {
            for group in FindingGroup.group(survey.findings) {
                print(group.first.file == nil ? "\(survey.source.fileName): \(group)" : "\(group)")
            }
        }
        print(survey.summary)
        if strict && survey.counts.rejected > 0 { throw ExitCode(.dataError) }
    }
}
