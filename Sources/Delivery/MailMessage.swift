import Foundation

/// One trust's message, as bytes: a text part with an HTML alternative, then each pack file as a
/// base64 attachment (76-character lines). These bytes are what `--preview` writes, what the
/// journal's hash is of and what the relay receives; libcurl only adds the SMTP dot-stuffing.
struct MailMessage {
    struct Attachment {
        var name: String
        var bytes: [UInt8]
    }

    let messageID: String
    let bytes: [UInt8]

    init(from: String, to: [String], subject: String, text: String, attachments: [Attachment], date: Date = Date(),
         messageID: String) {
        self.messageID = messageID
        let boundary = "=_pmo_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        var out = ""
        func line(_ text: String = "") { out += text + "\r\n" }
        line("From: \(from)")
        line("To: " + to.joined(separator: ",\r\n "))
        line("Subject: " + Self.encodedWord(subject))
        line("Date: " + Self.rfc5322(date))
        line("Message-ID: \(messageID)")
        line("MIME-Version: 1.0")
        line("Content-Type: multipart/mixed;\r\n boundary=\"mixed\(boundary)\"")
        line()
        line("--mixed\(boundary)")
        line("Content-Type: multipart/alternative;\r\n boundary=\"alt\(boundary)\"")
        line()
        line("--alt\(boundary)")
        line("Content-Type: text/plain; charset=utf-8")
        line("Content-Transfer-Encoding: base64")
        line()
        line(Self.base64(Self.crlf(text)))
        line("--alt\(boundary)")
        line("Content-Type: text/html; charset=utf-8")
        line("Content-Transfer-Encoding: base64")
        line()
        line(Self.base64(Self.crlf(Self.html(text))))
        line("--alt\(boundary)--")
        for attachment in attachments {
            line("--mixed\(boundary)")
            // Folded: the spreadsheet's media type and its name would pass 78 characters on one line.
            line("Content-Type: \(Self.mediaType(attachment.name));\r\n name=\"\(attachment.name)\"")
            line("Content-Disposition: attachment; filename=\"\(attachment.name)\"")
            line("Content-Transfer-Encoding: base64")
            line()
            line(Self.base64(attachment.bytes))
        }
        line("--mixed\(boundary)--")
        bytes = Array(out.utf8)
    }

    /// `<pmo-report.RTNR.3f2a...@nhs.net>`: unique, and the sender's own domain, as RFC 5322 asks.
    static func newID(code: String, from: String) -> String {
        let domain = from.split(separator: "@").last.map(String.init) ?? "localhost"
        let safeCode = code.filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        return "<pmo-report.\(safeCode).\(UUID().uuidString.lowercased())@\(domain)>"
    }

    /// Text parts end their lines with CRLF, as MIME's canonical form asks.
    private static func crlf(_ text: String) -> [UInt8] {
        Array(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }

    private static func base64(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
    }

    /// A subject of plain ASCII as it is; otherwise an RFC 2047 encoded word, so that a trust name
    /// with an accent arrives intact.
    private static func encodedWord(_ text: String) -> String {
        guard text.contains(where: { !$0.isASCII }) else { return text }
        return "=?UTF-8?B?" + Data(text.utf8).base64EncodedString() + "?="
    }

    /// The text as HTML: escaped, a paragraph per blank-line-separated block.
    private static func html(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        let paragraphs = escaped.components(separatedBy: "\n\n").map {
            "<p>" + $0.trimmingCharacters(in: .newlines).replacingOccurrences(of: "\n", with: "<br>\n") + "</p>"
        }
        return "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"></head><body>\n"
            + paragraphs.joined(separator: "\n") + "\n</body></html>\n"
    }

    private static func mediaType(_ name: String) -> String {
        switch (name as NSString).pathExtension.lowercased() {
        case "pdf": "application/pdf"
        case "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        default: "application/octet-stream"
        }
    }

    /// `Mon, 07 Dec 2026 06:00:00 +0000`, in English whatever the locale.
    private static func rfc5322(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
