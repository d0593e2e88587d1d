/// The `delivery:` section of a report definition: how `pmo-report deliver` mails each trust its
/// pack. There is no built-in host: NHSmail's and Microsoft 365's are set by the organisation.
/// The password is never here: it comes from `passwordFile` or `PMO_SMTP_PASSWORD`.
public struct DeliverySettings: Sendable, Hashable {
    /// Exchange Online accepts at most 30 messages a minute from one mailbox.
    public static let maximumRate = 30
    public static let placeholders = ["trust", "code", "wave", "files", "from"]
    public static let defaultSubject = "Your PMO benchmarking pack: {wave}"
    public static let defaultBody = """
        Dear colleagues at {trust},

        Attached is your trust's benchmarking pack for the PMO survey, {wave}: {files}.

        It shows your own answers against the other trusts of the network, who appear only by peer code.
        Please reply to this message if anything looks wrong.

        PMO benchmarking network ({from})
        """

    /// `smtp://host:587` (STARTTLS required) or `smtps://host:465`.
    public var smtp = ""
    public var user: String?
    public var from = ""
    /// Absolute once loaded.
    public var passwordFile: String?
    /// The contacts CSV (`trust_code,trust_name,email`); absolute once loaded.
    public var contacts = ""
    /// Recipient domains, lower case; an address must be in one of them or below one.
    public var allowedDomains: [String] = []
    /// Absolute once loaded.
    public var caFile: String?
    /// Messages a minute; 0 (no limit) only for a relay on `smtp://127.0.0.1`.
    public var rate = 20
    /// "[secure] " before the subject: NHSmail encrypts mail so marked to non-nhs.net addresses.
    public var secureSubject = false
    public var subject = defaultSubject
    public var body = defaultBody

    public init() {}

    /// A plain `local@domain.tld`: no display name, no spaces, no angle brackets.
    public static func isAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
            && !text.contains(where: { $0.isWhitespace || "<>,;\"()[]\\".contains($0) || !$0.isASCII })
    }
}
