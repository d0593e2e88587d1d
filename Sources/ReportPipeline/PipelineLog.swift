import Foundation

/// Where the pipeline and the commands say what they are doing: one line a message on stderr, so
/// that stdout stays clean for a command's own summary. Every command logs through one of these;
/// the pipeline itself never prints.
public struct PipelineLog: Sendable {
    public enum Level: String, Sendable, Hashable, Comparable {
        case info, notice, warning, error

        public static func < (a: Level, b: Level) -> Bool { a.order < b.order }
        private var order: Int { [.info, .notice, .warning, .error].firstIndex(of: self)! }
    }

    /// How a line looks.
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

    /// Lines on stderr in `format`; below `minimum` nothing. Needs no terminal, locale or HOME, so a
    /// run under cron logs exactly as one run by hand.
    public static func stderr(_ format: Format, minimum: Level) -> PipelineLog {
        PipelineLog { level, message, metadata in
            guard level >= minimum else { return }
            FileHandle.standardError.write(Data((line(format, level, message, metadata) + "\n").utf8))
        }
    }

    public func info(_ message: String) { emit(.info, message, [:]) }
    /// What a run did, with figures a collector can chart (`read_ms`); shown unless quiet.
    public func notice(_ message: String, metadata: [String: String] = [:]) { emit(.notice, message, metadata) }
    public func warning(_ message: String) { emit(.warning, message, [:]) }
    public func error(_ message: String) { emit(.error, message, [:]) }

    private static func line(_ format: Format, _ level: Level, _ message: String, _ metadata: [String: String]) -> String {
        switch format {
        case .plain:
            return level == .error ? "pmo-report: error: " + message : message
        case .text:
            let pairs = metadata.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
            return "\(UTCTime.now.iso8601) \(level.rawValue): \(message)\(pairs)"
        case .json:
            let object: [String: Any] = ["time": UTCTime.now.iso8601, "level": level.rawValue, "message": message, "metadata": metadata]
            guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
                return #"{"level":"error","message":"cannot encode a log line as JSON"}"#
            }
            return String(decoding: data, as: UTF8.self)
        }
    }
}
