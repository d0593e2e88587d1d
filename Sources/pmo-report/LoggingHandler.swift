import ArgumentParser
import Foundation
import Logging
import ReportRuns

/// How log lines look on stderr: for a person reading a cron mail, or for a log collector.
enum LogFormat: String, CaseIterable, ExpressibleByArgument {
    /// `2026-11-27T03:00:01Z info: published ... key=value`
    case text
    /// One JSON object a line: `{"level":"info","message":"...","metadata":{...},"time":"..."}`
    case json
}

/// A swift-log handler that writes each message as one line on stderr, stamped in UTC. It needs
/// no terminal, locale or HOME, so a run under cron logs exactly as one run by hand.
struct StderrLogHandler: LogHandler {
    var format: LogFormat
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    init(format: LogFormat, logLevel: Logger.Level) {
        self.format = format
        self.logLevel = logLevel
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let fields = metadata.merging(event.metadata ?? [:]) { $1 }
        let line: String
        switch format {
        case .text: line = Self.text(event, fields)
        case .json: line = Self.json(event, fields)
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    private static func text(_ event: LogEvent, _ fields: Logger.Metadata) -> String {
        let pairs = fields.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
        return "\(UTCTime.now.iso8601) \(event.level): \(event.message)\(pairs)"
    }

    private static func json(_ event: LogEvent, _ fields: Logger.Metadata) -> String {
        let object: [String: Any] = [
            "time": UTCTime.now.iso8601,
            "level": event.level.rawValue,
            "message": event.message.description,
            "metadata": fields.mapValues(plain),
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return #"{"level":"error","message":"cannot encode a log line as JSON"}"#
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Metadata as JSON values: strings stay strings, lists and dictionaries nest.
    private static func plain(_ value: Logger.MetadataValue) -> Any {
        switch value {
        case let .string(text): text
        case let .stringConvertible(value): value.description
        case let .array(items): items.map(plain)
        case let .dictionary(entries): entries.mapValues(plain)
        }
    }
}

extension Logger {
    /// The logger of one command run: stderr, `format`, warnings and errors only when `quiet`.
    static func stderr(format: LogFormat, quiet: Bool) -> Logger {
        Logger(label: "pmo-report") { _ in StderrLogHandler(format: format, logLevel: quiet ? .warning : .info) }
    }
}
