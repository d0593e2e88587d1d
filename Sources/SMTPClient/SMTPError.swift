/// Why a message was not accepted, in the terms a sender acts on: the server's reply (and at which
/// step), a refused login, a TLS problem, or a connection that went away (before the body, or
/// after it, when the server may already have stored the message).
public enum SMTPError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The server answered a step with a 4xx (try later) or 5xx (do not retry) reply.
    case refused(Reply)
    /// AUTH was refused. Never retried: relays such as NHSmail lock an account after a few.
    case loginRefused(code: Int?)
    /// STARTTLS not offered or refused, a TLS handshake failure, or a certificate not trusted.
    case tls(String)
    /// No connection could be made (name not found, connection refused, timeout).
    case unreachable(String)
    /// The connection broke. `afterBody`: the whole message had been sent, so the server may
    /// have stored it before the break; the sender cannot tell.
    case dropped(afterBody: Bool, String)

    /// One reply of the server: its code and the command it answered.
    public struct Reply: Sendable, Hashable {
        public var code: Int
        public var step: Step

        public init(code: Int, step: Step) {
            self.code = code
            self.step = step
        }

        public var isTransient: Bool { (400..<500).contains(code) }
    }

    /// The SMTP command a reply answered.
    public enum Step: String, Sendable, Hashable {
        case greeting, hello = "EHLO", startTLS = "STARTTLS", login = "AUTH"
        case sender = "MAIL FROM", recipient = "RCPT TO", data = "DATA", body = "end of data"
    }

    public var description: String {
        switch self {
        case let .refused(reply): "the server replied \(reply.code) to \(reply.step.rawValue)"
        case let .loginRefused(code): "the server refused the login" + (code.map { " (\($0))" } ?? "")
        case let .tls(reason): "TLS failed: \(reason)"
        case let .unreachable(reason): "cannot connect: \(reason)"
        case let .dropped(afterBody, reason):
            "the connection dropped \(afterBody ? "after the whole message was sent, before the server's reply" : "before the message was sent"): \(reason)"
        }
    }
}
