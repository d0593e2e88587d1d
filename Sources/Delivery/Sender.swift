import Hashing
import Foundation
import OpenSSLDigest
import PMOSurvey
import ReportPipeline
import SMTPClient

/// Sends a confirmed plan over one connection, one message per trust, journalled. A refusal of one
/// trust's message (5xx) fails that trust; a temporary refusal (4xx) or a connection dropped before
/// the body is retried with backoff while the others go on; anything that would fail every message
/// (the login, TLS, the sender, the relay's quota) stops at once.
struct Sender {
    /// Minutes between retries of a temporarily refused message: five retries over half an hour.
    static let backoff = [1.0, 2, 4, 8, 16]
    /// Test-only: seconds in place of each backoff minute, so that tests need not wait.
    static let backoffVariable = "PMO_DELIVERY_BACKOFF_UNIT_SECONDS"

    let plan: DeliveryPlan
    let settings: DeliverySettings
    let resend: Set<String>
    let log: PipelineLog

    /// A message waiting to go, and how often it was tried.
    private struct Pending {
        var message: DeliveryPlan.Message
        var messageID: String
        var attempts = 0
        var due = ContinuousClock.now
    }

    /// Sends every message not sent yet, writes the report; returns nil when every trust has its
    /// message, else the exit status that says why not.
    func deliver() throws(PipelineError) -> ExitStatus? {
        let folder = plan.run.deliveryPath
        let states = Journal.states(in: folder)
        var report = DeliveryReport(lines: [])
        var queue: [Pending] = []
        for message in plan.messages {
            let code = message.trust.key
            var line = DeliveryReport.Line(code: code, name: message.trust.name, state: .notSent)
            switch states[code] {
            case let .sent(messageID)? where !resend.contains(code):
                line.state = .sentEarlier
                line.messageID = messageID
            case let .uncertain(messageID)? where !resend.contains(code):
                line.state = .uncertain
                line.messageID = messageID
                log.warning("\(code): a message (\(messageID)) was being sent when an earlier delivery stopped; it may have arrived. "
                    + "Check the relay's log or the sent items for it, then `--resend \(code)` only if it did not")
            default:
                queue.append(Pending(message: message, messageID: MailMessage.newID(code: code, from: settings.from)))
            }
            report.lines.append(line)
        }
        guard !queue.isEmpty else {
            log.info("nothing to send: every trust's message was sent earlier or is uncertain")
            return finish(report, stopped: nil)
        }
        let password = try Password.read(settings)
        let journal = try Journal(folder: folder)
        defer { journal.close() }
        let connection: SMTPConnection
        do {
            connection = try SMTPConnection(SMTPServer(url: settings.smtp, user: settings.user, password: password, caFile: settings.caFile))
        } catch {
            throw PipelineError(.tryAgainLater, underlying: error)
        }
        let unit = Double(ProcessInfo.processInfo.environment[Self.backoffVariable] ?? "") ?? 60
        let interval: Duration = settings.rate == 0 ? .zero : .seconds(60.0 / Double(settings.rate))
        var lastStart: ContinuousClock.Instant?
        var stopped: PipelineError?
        let total = queue.count
        var done = 0
        func update(_ code: String, _ change: (inout DeliveryReport.Line) -> Void) {
            if let i = report.lines.firstIndex(where: { $0.code == code }) { change(&report.lines[i]) }
        }

        while stopped == nil, let next = queue.indices.min(by: { queue[$0].due < queue[$1].due }) {
            let wait = max(queue[next].due, lastStart.map { $0 + interval } ?? .now)
            if wait > .now { Thread.sleep(forTimeInterval: Self.seconds(wait - .now)) }
            var pending = queue.remove(at: next)
            let code = pending.message.trust.key
            pending.attempts += 1
            let mail = try build(pending)
            try journal.record(.sending, code: code, messageID: pending.messageID, detail: "sha256=\(Self.sha256(mail.bytes))")
            log.info("sending \(code) (\(done + 1) of \(total)\(pending.attempts > 1 ? ", attempt \(pending.attempts)" : ""))")
            lastStart = .now
            let result: Result<Int, SMTPError>
            do throws(SMTPError) {
                result = .success(try connection.send(mail.bytes, from: settings.from, to: pending.message.addresses))
            } catch {
                result = .failure(error)
            }
            switch result {
            case let .success(reply):
                try journal.record(.sent, code: code, messageID: pending.messageID, detail: String(reply))
                update(code) { $0.state = .sent; $0.reply = reply; $0.messageID = pending.messageID; $0.attempts = pending.attempts }
                done += 1
                log.info("sent \(code) (\(done) of \(total)), reply \(reply)")
            case let .failure(error):
                update(code) { $0.messageID = pending.messageID; $0.attempts = pending.attempts }
                switch Self.outcome(of: error) {
                case let .stop(status, reply):
                    try journal.record(.deferred, code: code, messageID: pending.messageID, detail: reply.map(String.init) ?? "-")
                    update(code) { $0.reply = reply }
                    stopped = PipelineError(status, "\(code): \(error); delivery stopped at once, nothing more was sent")
                case let .failed(reply):
                    try journal.record(.failed, code: code, messageID: pending.messageID, detail: String(reply))
                    update(code) { $0.state = .failed; $0.reply = reply }
                    done += 1
                    log.error("\(code) failed: \(error); the others go on")
                case .uncertain:
                    try journal.record(.uncertain, code: code, messageID: pending.messageID, detail: "-")
                    update(code) { $0.state = .uncertain }
                    done += 1
                    log.warning("\(code): \(error); the relay may have the message (\(pending.messageID)), so it is not sent again: "
                        + "check, then `--resend \(code)` only if it did not arrive")
                case let .retry(reply):
                    update(code) { $0.reply = reply }
                    guard pending.attempts <= Self.backoff.count else {
                        try journal.record(.failed, code: code, messageID: pending.messageID, detail: reply.map(String.init) ?? "-")
                        update(code) { $0.state = .failed }
                        done += 1
                        log.error("\(code) failed: \(error), after \(pending.attempts) attempts; the next confirmed run tries again")
                        continue
                    }
                    try journal.record(.deferred, code: code, messageID: pending.messageID, detail: reply.map(String.init) ?? "-")
                    let delay = Self.backoff[pending.attempts - 1] * unit
                    pending.due = .now + .seconds(delay)
                    queue.append(pending)
                    log.warning("\(code): \(error); trying again in \(Self.duration(delay)) while the others go on")
                }
            }
        }
        return finish(report, stopped: stopped)
    }

    /// What a failed send means for the delivery.
    private enum Outcome {
        case stop(ExitStatus, reply: Int?)
        case failed(reply: Int)
        case uncertain
        case retry(reply: Int?)
    }

    private static func outcome(of error: SMTPError) -> Outcome {
        switch error {
        case .loginRefused(let code): return .stop(.loginRefused, reply: code)
        case .tls, .unreachable: return .stop(.tryAgainLater, reply: nil)
        case .dropped(afterBody: true, _): return .uncertain
        case .dropped(afterBody: false, _): return .retry(reply: nil)
        case .refused(let reply):
            // The sender refused, or the mailbox over its sending quota (452/552): every
            // message would be refused the same way.
            if [.greeting, .hello, .startTLS, .login, .sender].contains(reply.step) || [452, 552].contains(reply.code) {
                return .stop(.tryAgainLater, reply: reply.code)
            }
            return reply.isTransient ? .retry(reply: reply.code) : .failed(reply: reply.code)
        }
    }

    /// The bytes `code`'s message would have now, as a confirmed run would build them.
    func preview(_ code: String) throws(PipelineError) -> [UInt8] {
        guard let message = plan.messages.first(where: { $0.trust.key == code }) else {
            throw PipelineError(.usage, "\(code) is not a trust code of this run's packs")
        }
        return try build(Pending(message: message, messageID: MailMessage.newID(code: code, from: settings.from))).bytes
    }

    /// The message, from the pack files read now and checked against the plan's SHA-256: what is
    /// attached is exactly what was planned, even if a file changed since.
    private func build(_ pending: Pending) throws(PipelineError) -> MailMessage {
        var attachments: [MailMessage.Attachment] = []
        for file in pending.message.trust.files {
            let path = plan.run.packsPath + "/" + file.name
            guard let data = FileManager.default.contents(atPath: path) else {
                throw PipelineError(.dataError, "\(pending.message.trust.key): cannot read \(path); delivery stopped")
            }
            let bytes = [UInt8](data)
            guard Self.sha256(bytes) == file.sha256 else {
                throw PipelineError(.dataError, "\(pending.message.trust.key): \(path) changed since the plan; delivery stopped, nothing more was sent")
            }
            attachments.append(MailMessage.Attachment(name: file.name, bytes: bytes))
        }
        return MailMessage(from: settings.from, to: pending.message.addresses, subject: pending.message.subject,
                           text: pending.message.text, attachments: attachments, messageID: pending.messageID)
    }

    /// Writes the report, logs the counts and returns the exit status.
    private func finish(_ report: DeliveryReport, stopped: PipelineError?) -> ExitStatus? {
        if let stopped { log.error(stopped.description) }
        do {
            try report.write(into: plan.run.deliveryPath)
        } catch {
            log.error("\(error)")
        }
        let counts = [("sent now", report.count(.sent)), ("sent earlier", report.count(.sentEarlier)), ("failed", report.count(.failed)),
                      ("uncertain", report.count(.uncertain)), ("not sent", report.count(.notSent))]
        log.notice("\(report.lines.count) trusts: " + counts.map { "\($0.1) \($0.0)" }.joined(separator: ", ")
            + "; report: \(plan.run.deliveryPath)/\(DeliveryReport.fileName). Bounces arrive later in the sending mailbox: check it over the next days",
            metadata: Dictionary(uniqueKeysWithValues: counts.map { ($0.0.replacingOccurrences(of: " ", with: "_"), String($0.1)) }))
        if let stopped { return stopped.status }
        return report.lines.allSatisfy({ $0.state == .sent || $0.state == .sentEarlier }) ? nil : .unavailable
    }

    static func sha256(_ bytes: [UInt8]) -> String {
        var hash = OpenSSLSHA256()
        bytes.withUnsafeBytes { hash.update($0) }
        return hash.finalizeHex()
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func duration(_ seconds: Double) -> String {
        seconds >= 60 ? "\(Int(seconds / 60)) min" : String(format: "%.2g s", seconds)
    }
}
