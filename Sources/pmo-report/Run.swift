import ArgumentParser
import Foundation
import ReportPipeline

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a report definition: publish a complete, dated run and switch `latest` to it.",
        discussion: """
            Made for cron. Reads the definition (YAML; paths in it are relative to its own folder), \
            takes the input file (or the newest matching file of an input folder; or every entry of \
            `inputs:`, each survey-tool export with its mapping), and publishes \
            every output together into <output>/runs/<wave>_<UTC time>/ with a manifest.json, then \
            points <output>/latest at it. A run that fails or is killed leaves `latest` as it was. \
            When the input, the definition, the peer-code secret and pmo-report are unchanged since `latest`, the run \
            says "up to date" and writes nothing.

            Logs go to stderr; the last line states the outcome. Exit codes: 0 published or up to \
            date; 64 bad definition or usage; 65 the input is unusable; 66 the input or definition \
            cannot be opened; 70 internal error; 73 an output cannot be created; 75 another run \
            holds the output folder (try again later, or use --wait).

            Example: pmo-report run /home/pmo/pmo-report/Reports/board-pack.yaml --quiet
            """)

    @Argument(help: "The report definition, e.g. Reports/board-pack.yaml.")
    var definition: String

    @Option(name: .shortAndLong, help: "The survey CSV file or folder, instead of the definition's `input`.")
    var input: String?

    @Option(name: .shortAndLong, help: "The output folder, instead of the definition's `output`.")
    var output: String?

    @Flag(help: "Publish a new run even when nothing changed since `latest`.")
    var force = false

    @Option(help: ArgumentHelp("Wait up to this many seconds for another run on the same output folder.",
                               valueName: "seconds"))
    var wait = 0

    @Flag(name: .shortAndLong, help: "Log only warnings and errors: a successful run prints nothing.")
    var quiet = false

    @Option(name: .customLong("log-format"), help: "text (the default), json for log collectors (one object a line), or plain.")
    var logFormat = PipelineLog.Format.text

    func validate() throws {
        guard wait >= 0 else { throw ValidationError("--wait must be 0 or more seconds") }
    }

    func run() throws {
        let log = PipelineLog.stderr(logFormat, minimum: quiet ? .warning : .info)
        var options = ScheduledRun.Options(definition: definition)
        options.input = input
        options.output = output
        options.force = force
        options.wait = wait
        do throws(PipelineError) {
            switch try ScheduledRun(options, log: log).perform() {
            case let .published(folder, timings):
                log.notice("published \(folder)", metadata: [
                    "read_ms": "\(timings.read.milliseconds)", "analyse_ms": "\(timings.analyse.milliseconds)",
                    "render_ms": "\(timings.render.milliseconds)", "publish_ms": "\(timings.publish.milliseconds)",
                ])
            case let .upToDate(folder):
                log.notice("up to date: input, definition, peer-code secret and pmo-report unchanged since \(folder); --force runs again")
            }
        } catch {
            log.error("failed: \(error), exit \(error.status.rawValue)")
            throw ExitCode(error.status)
        }
    }
}
