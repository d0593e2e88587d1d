import ArgumentParser
import ReportPipeline

extension ExitCode {
    /// The process's exit code for a pipeline's exit status (sysexits(3)).
    init(_ status: ExitStatus) { self.init(status.rawValue) }
}

extension PipelineLog {
    /// Messages for a person at a terminal: on stderr, notes left out when `quiet`.
    static func console(quiet: Bool = false) -> PipelineLog { .stderr(.plain, minimum: quiet ? .warning : .info) }

    /// Says why the pipeline stopped; returns the exit code that tells which kind of failure it was.
    func fail(_ failure: PipelineError) -> ExitCode {
        error(failure.description)
        return ExitCode(failure.status)
    }
}

extension PipelineLog.Format: ExpressibleByArgument {}
