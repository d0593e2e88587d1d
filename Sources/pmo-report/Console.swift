import ArgumentParser
import Foundation
import ReportRuns

/// Messages for the operator on stderr, so stdout stays clean for the run summary.
enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("pmo-report: error: " + message + "\n").utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// The pipeline's log on the console: errors marked as such, notes only when not `quiet`.
    static func log(quiet: Bool) -> PipelineLog {
        PipelineLog { level, message in
            switch level {
            case .error: error(message)
            case .warning: note(message)
            case .info: if !quiet { note(message) }
            }
        }
    }

    /// Says why the pipeline stopped and exits with its status.
    static func fail(_ failure: PipelineError) -> ExitCode {
        error(failure.reason)
        return ExitCode(failure.status)
    }
}
