import Foundation
import Publishing
import ReportPipeline

extension PipelineLog {
    /// Lines on stderr in `format`; below `minimum` nothing. Needs no terminal, locale or HOME, so a
    /// run under cron logs exactly as one run by hand.
    static func stderr(_ format: Format, minimum: Level) -> PipelineLog {
        PipelineLog { level, message, metadata in
            guard level >= minimum else { return }
            FileHandle.standardError.write(Data((Self.line(format, level, message, metadata) + "\n").utf8))
        }
    }

    static func line(_ format: Format, _ level: Level, _ message: String, _ metadata: [String: String]) -> String {
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
