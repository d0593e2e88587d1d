import ArgumentParser
import ReportRuns

extension ExitCode {
    /// The process's exit code for a pipeline's exit status (sysexits(3)).
    init(_ status: ExitStatus) { self.init(status.rawValue) }

    static let usage = ExitCode(ExitStatus.usage)
    static let dataError = ExitCode(ExitStatus.dataError)
    static let noInput = ExitCode(ExitStatus.noInput)
    static let cannotCreate = ExitCode(ExitStatus.cannotCreate)
}
