import Hashing
import Foundation
import OpenSSLDigest
import PMOSurvey
import Publishing
import ReportPipeline

/// Who gets which files, worked out without a password or the network: every pack checked against
/// the SHA-256 in the packs index, every contact against the index, every message's text checked
/// to name its own trust only. Its ID is a hash of the plan's text, which holds the run, every
/// pack's hash, every address and every setting that shapes a message: the ID a confirmed run
/// is given no longer matches when any of them changed.
struct DeliveryPlan {
    static let fileName = "plan.txt"

    /// One trust's message.
    struct Message {
        var trust: PacksIndex.Trust
        var addresses: [String]
        var subject: String
        var text: String
    }

    let run: PublishedRun
    let messages: [Message]
    let text: String
    let id: String

    init(run: PublishedRun, settings: DeliverySettings) throws(PipelineError) {
        self.run = run
        let index = try PacksIndex(path: run.indexPath)
        try Self.checkPacks(index, in: run.packsPath)
        let contacts = try Contacts(path: settings.contacts, index: index, allowedDomains: settings.allowedDomains)
        messages = try index.trusts.map { trust throws(PipelineError) in
            let message = Message(trust: trust, addresses: contacts.addresses[trust.key] ?? [],
                                  subject: Self.fill(settings.subject, trust: trust, wave: run.manifest.wave, from: settings.from),
                                  text: Self.fill(settings.body, trust: trust, wave: run.manifest.wave, from: settings.from))
            try Self.checkNamesOnlyItsOwn(message, among: index.trusts)
            return Message(trust: message.trust, addresses: message.addresses,
                           subject: (settings.secureSubject ? "[secure] " : "") + message.subject, text: message.text)
        }
        text = Self.render(messages, run: run, settings: settings)
        var hash = OpenSSLSHA256()
        Array(text.utf8).withUnsafeBytes { hash.update($0) }
        id = String(hash.finalizeHex().prefix(16))
    }

    /// What is written to `plan.txt` and printed: the plan, then its ID on a line of its own.
    var file: String { text + "\nplan: \(id)\n" }

    /// Every pack file hashed again and compared with the index: all mismatches listed at once.
    private static func checkPacks(_ index: PacksIndex, in folder: String) throws(PipelineError) {
        var problems: [String] = []
        for trust in index.trusts {
            for file in trust.files {
                let path = folder + "/" + file.name
                do {
                    let digest = try FileDigest(path: path)
                    if digest.sha256 != file.sha256 { problems.append("\(path) (\(trust.key)) is not the file the run wrote: its SHA-256 differs from the packs index") }
                } catch {
                    problems.append("\(error) (\(trust.key))")
                }
            }
        }
        guard problems.isEmpty else {
            throw PipelineError(.dataError, "\(problems.count) pack \(problems.count == 1 ? "file does" : "files do") not match the packs index; nothing was planned or sent (publish a new run):\n  "
                + problems.joined(separator: "\n  "))
        }
    }

    /// A template with the trust's own values: it has no way to name another trust.
    private static func fill(_ template: String, trust: PacksIndex.Trust, wave: String, from: String) -> String {
        let files = trust.files.map(\.name).joined(separator: " and ")
        return template.replacingOccurrences(of: "{trust}", with: trust.name).replacingOccurrences(of: "{code}", with: trust.key)
            .replacingOccurrences(of: "{wave}", with: wave).replacingOccurrences(of: "{files}", with: files)
            .replacingOccurrences(of: "{from}", with: from)
    }

    /// A subject or body that names another trust or shows a peer code would tell a trust who its
    /// peers are: refused before anything is sent (a template with a trust's name written in, say).
    private static func checkNamesOnlyItsOwn(_ message: Message, among trusts: [PacksIndex.Trust]) throws(PipelineError) {
        let words = message.subject + "\n" + message.text
        for other in trusts where other.key != message.trust.key {
            let ownAlready = message.trust.name.contains(other.name)
            if (!ownAlready && words.contains(other.name)) || (!other.code.isEmpty && Self.containsWord(words, other.code)) {
                throw PipelineError(.dataError, "the message for \(message.trust.key) names another trust (\(other.key)); fix delivery.subject or delivery.body")
            }
        }
        if let peer = trusts.first(where: { !$0.peerCode.isEmpty && words.contains($0.peerCode) }) {
            throw PipelineError(.dataError, "the message for \(message.trust.key) shows a peer code (\(peer.peerCode)); fix delivery.subject or delivery.body")
        }
    }

    /// `code` as a word of its own: a short ODS code may well be part of a longer word.
    private static func containsWord(_ text: String, _ code: String) -> Bool {
        text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).contains { $0 == code }
    }

    private static func render(_ messages: [Message], run: PublishedRun, settings: DeliverySettings) -> String {
        var bodyHash = OpenSSLSHA256()
        Array(settings.body.utf8).withUnsafeBytes { bodyHash.update($0) }
        let addresses = messages.reduce(0) { $0 + $1.addresses.count }
        var lines = [
            "pmo-report delivery plan",
            "run: \(run.path)",
            "wave: \(run.manifest.wave)",
            "relay: \(settings.smtp)" + (settings.user.map { " as \($0)" } ?? ""),
            "ca_file: \(settings.caFile ?? "the system's")",
            "from: \(settings.from)",
            "subject: \(settings.secureSubject ? "[secure] " : "")\(settings.subject)",
            "body: SHA-256 \(bodyHash.finalizeHex())",
            "rate: " + (settings.rate == 0 ? "no limit (test relay)" : "\(settings.rate) messages a minute"),
            "allowed domains: \(settings.allowedDomains.joined(separator: ", "))",
            "messages: \(messages.count), one per trust, to \(addresses) \(addresses == 1 ? "address" : "addresses"), each with its own pack only",
            "",
        ]
        for message in messages {
            lines.append("\(message.trust.key)  \(message.trust.name)")
            lines.append("  to: \(message.addresses.joined(separator: ", "))")
            for file in message.trust.files { lines.append("  \(file.name)  sha256 \(file.sha256)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
