/// Exit statuses from sysexits(3), so that cron wrappers and scripts can tell failures apart.
public enum ExitStatus: Int32, Sendable, Hashable {
    /// A bad option, definition or mapping (EX_USAGE).
    case usage = 64
    /// The input is unusable: not CSV, missing columns, no valid row (EX_DATAERR).
    case dataError = 65
    /// An input, mapping or definition cannot be opened (EX_NOINPUT).
    case noInput = 66
    /// `deliver`: some trusts were not delivered, or may have been (EX_UNAVAILABLE).
    case unavailable = 69
    /// Something went wrong inside pmo-report (EX_SOFTWARE).
    case software = 70
    /// An output cannot be created (EX_CANTCREAT).
    case cannotCreate = 73
    /// Another run holds the output folder, or an input changed while it was read: nothing is
    /// wrong that the next run will not sort out (EX_TEMPFAIL).
    case tryAgainLater = 75
    /// `deliver`: the mail relay refused the login; never retried, since relays lock accounts
    /// after a few (EX_NOPERM).
    case loginRefused = 77
}

/// Why the pipeline stopped: what to tell the operator, and the exit status that tells a cron
/// wrapper which kind of failure it was. Nothing was published when it is thrown.
public struct PipelineError: Error, Sendable, CustomStringConvertible {
    public var status: ExitStatus
    public var reason: String

    public init(_ status: ExitStatus, _ reason: String) {
        self.status = status
        self.reason = reason
    }

    public var description: String { reason }
}
