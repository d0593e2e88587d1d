import FileSafety
import Foundation
import Publishing
import ReportPipeline

/// What happened to each trust's message, one line per event, each flushed to disk before the
/// next step: "sending" before the message goes, "sent" once the relay accepts it. After a crash,
/// a trust with "sending" and nothing after it may or may not have its message, so it is never
/// sent again unless the operator says so (`--resend`).
///
/// A line: `2026-12-07T06:00:00Z sent RTNR <message-id> 250`.
struct Journal {
    static let fileName = "journal.log"

    enum Event: String {
        /// The message is about to go; its SHA-256 follows.
        case sending
        /// The relay accepted it; its reply code follows.
        case sent
        /// Refused for good (5xx), or still refused (4xx) after every retry.
        case failed
        /// Refused for now (4xx) or the connection dropped before the body: retried.
        case deferred
        /// The connection dropped after the whole message went: the relay may have it.
        case uncertain
    }

    /// Where a trust stands, from its last event.
    enum State: Equatable {
        case sent(messageID: String)
        /// "sending" or "uncertain" last: the message may have arrived.
        case uncertain(messageID: String)
        /// Failed or deferred last: sent again by the next confirmed run.
        case unsent
    }

    private let file: FileDescriptor
    let path: String

    /// Opens (creating, mode 0600) the journal in `folder`, to append.
    init(folder: String) throws(PipelineError) {
        path = folder + "/" + Self.fileName
        do {
            file = try FileDescriptor.openForAppending(path, mode: 0o600)
        } catch {
            throw PipelineError(underlying: error)
        }
    }

    /// Appends one event and flushes it to disk before returning.
    func record(_ event: Event, code: String, messageID: String, detail: String) throws(PipelineError) {
        let line = "\(UTCTime.now.iso8601) \(event.rawValue) \(code) \(messageID) \(detail)\n"
        do {
            try file.writeAll(Array(line.utf8))
            try file.sync()
        } catch {
            throw PipelineError(.cannotCreate, "\(error); delivery stopped so that no message goes unrecorded")
        }
    }

    func close() { try? file.close() }

    /// Each trust's state from the journal in `folder`; empty when there is none yet.
    static func states(in folder: String) -> [String: State] {
        guard let data = FileManager.default.contents(atPath: folder + "/" + fileName) else { return [:] }
        var states: [String: State] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: " ")
            // A line cut short by a crash has fewer fields and is ignored: its event did not finish.
            guard fields.count >= 5, let event = Event(rawValue: String(fields[1])) else { continue }
            let code = String(fields[2]), messageID = String(fields[3])
            switch event {
            case .sending, .uncertain: states[code] = .uncertain(messageID: messageID)
            case .sent: states[code] = .sent(messageID: messageID)
            case .failed, .deferred: states[code] = .unsent
            }
        }
        return states
    }
}
