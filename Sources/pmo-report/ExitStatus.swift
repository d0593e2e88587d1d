import ArgumentParser

/// Exit codes from sysexits(3), so that cron wrappers and scripts can tell failures apart.
enum ExitStatus {
    /// A bad option or setting (EX_USAGE).
    static let usage = ExitCode(64)
    /// The input file is unusable: not CSV, missing columns, no valid row.
    static let dataError = ExitCode(65)
    /// The input file cannot be opened.
    static let noInput = ExitCode(66)
    /// Something went wrong inside pmo-report.
    static let software = ExitCode(70)
    /// An output cannot be created.
    static let cannotCreate = ExitCode(73)
}
