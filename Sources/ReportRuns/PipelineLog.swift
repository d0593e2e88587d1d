/// Where the pipeline says what it is doing: each command passes its own log (the console for
/// `generate` and `validate`, swift-log lines for `run`), so the pipeline never prints.
public struct PipelineLog: Sendable {
    public enum Level: Sendable, Hashable, Comparable {
        case info, warning, error
    }

    private let emit: @Sendable (Level, String) -> Void

    public init(_ emit: @escaping @Sendable (Level, String) -> Void) {
        self.emit = emit
    }

    public func info(_ message: String) { emit(.info, message) }
    public func warning(_ message: String) { emit(.warning, message) }
    public func error(_ message: String) { emit(.error, message) }
}
