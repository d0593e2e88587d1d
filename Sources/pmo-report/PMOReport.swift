import ArgumentParser
import Foundation
import PMOSurvey

@main
struct PMOReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pmo-report",
        abstract: "Turn an NHS PMO benchmarking survey into a workbook, a board report and JSON.",
        discussion: """
            Reads survey responses from a CSV file, validates every row, computes the PMO-structure \
            breakdowns by sector and by size, and writes them as JSON, an Excel workbook and a PDF \
            board report. Plain `pmo-report` runs `generate` on the sample data.

            Exit codes: 0 done; 64 usage error; 65 the input is unusable; 66 cannot open the input; \
            70 internal error; 73 cannot create an output; 75 another run holds the output folder (run only). \
            `deliver` adds 69 (some trusts not delivered), 75 (stopped, can resume) and 77 (login refused).
            """,
        version: RunInfo.toolVersion,
        subcommands: [Generate.self, Validate.self, Map.self, Trusts.self, Run.self, Deliver.self, SampleData.self],
        defaultSubcommand: Generate.self)

    /// A file-size limit (`ulimit -f`, which cron and batch systems set) must not kill the run
    /// half-way through a write: with SIGXFSZ ignored, a write past the limit fails with EFBIG,
    /// which every writer reports (exit 73) and the staging folder is removed. Left at its default,
    /// the signal killed the process inside libxlsxwriter and left the staging folder behind.
    static func main() {
        signal(SIGXFSZ, SIG_IGN)
        main(nil)
    }
}
