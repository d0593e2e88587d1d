import ArgumentParser
import PMOSurvey

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a survey file and list every finding, without writing anything.",
        discussion: """
            Prints one line per finding: file, line, column, severity (error: the row is rejected; \
            warning: kept but suspicious; superseded: replaced by a later answer; info: about the \
            file), and what to do. Exits 65 when the file is unusable, or with --strict when any row \
            is rejected.

            Example: pmo-report validate --input SampleData/pmo-survey.csv
            """)

    @Option(name: .shortAndLong, help: "The survey CSV file.")
    var input = Defaults.input

    @Flag(help: "Exit 65 when any row is rejected, not only when the file is unusable.")
    var strict = false

    func run() throws {
        let survey = try SurveyLoading.load(input, bounds: .standard, run: .current)
        for finding in survey.findings { print("\(survey.source.fileName): \(finding)") }
        let c = survey.counts
        print("\(survey.source.fileName): \(c.rows) responses read, \(c.valid) used, \(c.rejected) rejected, \(c.superseded) superseded")
        if strict && c.rejected > 0 { throw ExitStatus.dataError }
    }
}
