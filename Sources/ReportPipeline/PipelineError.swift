import FileSafety

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

/// Why a command stopped, in the manner of swift-subprocess's `SubprocessError`: the exit status
/// that tells a cron wrapper which kind of failure it was, what to tell the operator, and the
/// error of the layer below that caused it, kept whole rather than flattened into text. Nothing
/// was published when it is thrown.
public struct PipelineError: Error, Sendable, CustomStringConvertible {
    public var status: ExitStatus
    /// What went wrong, naming the file the user named; nil when `underlying` says it all.
    public var reason: String?
    /// The cause, from the layer below: a survey file's finding, a renderer's, the system's.
    public var underlying: (any Error)?
    /// What the failure left as it was, e.g. "nothing was published, out keeps what it had".
    public var outcome: String?

    public init(_ status: ExitStatus, _ reason: String) {
        self.status = status
        self.reason = reason
    }

    /// `underlying`'s failure, with the status `ExitStatus(for:)` gives it unless `status` is
    /// given, and `reason` in front of its cause.
    public init(_ status: ExitStatus? = nil, _ reason: String? = nil, underlying: any Error) {
        self.status = status ?? ExitStatus(for: underlying)
        self.reason = reason
        self.underlying = underlying
    }

    public var description: String {
        let cause = underlying.map { ($0 as? any OutputError)?.cause ?? "\($0)" }
        let text = [reason, cause].compactMap { $0 }.joined(separator: ": ")
        return outcome.map { text + "; " + $0 } ?? text
    }

    /// This error, saying after its cause what the failure left as it was.
    public func leaving(_ outcome: String) -> PipelineError {
        var error = self
        error.outcome = [self.outcome, outcome].compactMap { $0 }.joined(separator: "; ")
        return error
    }
}
