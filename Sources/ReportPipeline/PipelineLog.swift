import Foundation

/// Where the pipeline and the commands say what they are doing, through a sink the command line
/// gives (one line a message on stderr, so that stdout stays clean for a command's own summary);
/// the library itself never prints.
public struct PipelineLog: Sendable {
    public enum Level: String, Sendable, Hashable, Comparable {
        case info, notice, warning, error

        public static func < (a: Level, b: Level) -> Bool { a.order < b.order }
        private var order: Int { [.info, .notice, .warning, .error].firstIndex(of: self)! }
    }

    /// How a line looks on stderr.
    public enum Format: String, Sendable, CaseIterable {
        /// For a person at a terminal: `pmo-report: error: ...` for errors, the bare message otherwise.
        case plain
        /// For a cron mail: `2026-11-27T03:00:01Z info: published ... key=value`.
        case text
        /// For log collectors, one JSON object a line:
        /// `{"level":"info","message":"...","metadata":{...},"time":"..."}`.
        case json
    }

    private let emit: @Sendable (Level, String, [String: String]) -> Void

    /// A log with its own sink, e.g. one that keeps the messages for a test.
    public init(_ emit: @escaping @Sendable (Level, String, [String: String]) -> Void) {
        self.emit = emit
    }

    public func info(_ message: String) { emit(.info, message, [:]) }
    /// What a run did, with figures a collector can chart (`read_ms`); shown unless quiet.
    public func notice(_ message: String, metadata: [String: String] = [:]) { emit(.notice, message, metadata) }
    public func warning(_ message: String) { emit(.warning, message, [:]) }
    public func error(_ message: String) { emit(.error, message, [:]) }
}
