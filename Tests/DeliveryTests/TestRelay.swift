import Foundation
import TestSupport

/// The real SMTP relay the delivery tests send to: `scripts/smtp-test-server.py` (aiosmtpd) on
/// 127.0.0.1 and a free port, STARTTLS on a certificate made for this test process, AUTH required,
/// every message saved to disk with its envelope. Faults are chosen by the recipient's address.
final class TestRelay {
    static let user = "pmo.network@nhs.net"
    static let password = "correct horse battery staple 7"
    static let script = Program.projectRoot + "/scripts/smtp-test-server.py"
    /// Debian's Python, which has python3-aiosmtpd (a pyenv on PATH may not).
    static let python = "/usr/bin/python3"

    /// A self-signed certificate for 127.0.0.1, made once with `openssl req`.
    static let certificate: (cert: String, key: String) = {
        let folder = ScratchFolder.make("relay-cert")
        _ = try! Program("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", folder + "/key.pem",
                                     "-out", folder + "/cert.pem", "-days", "2", "-subj", "/CN=127.0.0.1",
                                     "-addext", "subjectAltName=IP:127.0.0.1"]).runChecked()
        return (folder + "/cert.pem", folder + "/key.pem")
    }()

    let store: String
    let port: Int
    private let process: Program.Running

    var url: String { "smtp://127.0.0.1:\(port)" }

    init(startTLS: Bool = true) throws {
        store = ScratchFolder.make("relay")
        var arguments = [Self.script, "serve", "--store", store, "--user", Self.user, "--password", Self.password]
        if startTLS {
            arguments += ["--cert", Self.certificate.cert, "--key", Self.certificate.key]
        } else {
            arguments.append("--no-starttls")
        }
        process = try Program(Self.python, arguments).start()
        let portFile = store + "/port"
        port = try Wait.until("the test relay's port", seconds: 30) {
            (try? String(contentsOfFile: portFile, encoding: .utf8)).flatMap { Int($0) }
        }
    }

    /// SIGKILL: the test process's threads block SIGTERM, and a child inherits that mask.
    deinit {
        process.send(SIGKILL)
        _ = process.finish()
    }

    /// Every stored message, read back with Python's `email` module.
    func messages() throws -> [StoredMessage] {
        let result = try Program(Self.python, [Self.script, "read", "--store", store]).runChecked()
        return try JSONDecoder().decode([StoredMessage].self, from: result.standardOutput)
    }

    /// How many messages the relay stored.
    var count: Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: store)) ?? []).filter { $0.hasSuffix(".json") }.count
    }

    /// The login attempts, one line each (`PLAIN user accepted`); never the password.
    var logins: [String] {
        ((try? String(contentsOfFile: store + "/auth.log", encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    /// Everything the relay wrote, for "the password appears nowhere".
    func allText() -> String {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: store)) ?? []
        return names.compactMap { try? String(contentsOfFile: store + "/" + $0, encoding: .utf8) }.joined(separator: "\n")
    }
}

struct StoredMessage: Decodable {
    struct Envelope: Decodable {
        var mail_from: String
        var rcpt_tos: [String]
        var sha256: String
    }

    struct Attachment: Decodable {
        var name: String
        var type: String
        var sha256: String
    }

    var envelope: Envelope
    var from: String
    var to: [String]
    var cc: String?
    var bcc: String?
    var subject: String
    var message_id: String
    var text: String?
    var html: String?
    var attachments: [Attachment]
    var defects: [String]
    var longest_line: Int
}
