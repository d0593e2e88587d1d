/// Where and as whom to submit mail. The password is held here only for the connection's login;
/// `description` leaves it out, so logging a server never shows it.
public struct SMTPServer: Sendable, CustomStringConvertible {
    /// `smtp://host:587` (STARTTLS, required) or `smtps://host:465` (TLS from the first byte).
    public var url: String
    public var user: String?
    public var password: String?
    /// A CA bundle to trust instead of the system's, e.g. for an internal relay.
    public var caFile: String?

    public init(url: String, user: String? = nil, password: String? = nil, caFile: String? = nil) {
        self.url = url
        self.user = user
        self.password = password
        self.caFile = caFile
    }

    public var description: String { url + (user.map { " as \($0)" } ?? "") }
}
