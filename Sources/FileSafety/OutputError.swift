/// A renderer's or the file system's error about an output, told without the output's path: the
/// pipeline names the file the user asked for (`out/pmo-report.pdf`), never the hidden staging
/// copy that was being written.
public protocol OutputError: Error {
    /// The cause alone, e.g. `File too large`.
    var cause: String { get }
    /// A programming error in pmo-report rather than a problem with the destination: exit 70, not 73.
    var isBug: Bool { get }
}

extension OutputError {
    public var isBug: Bool { false }
}

extension SystemError: OutputError {
    public var cause: String { reason }
}
