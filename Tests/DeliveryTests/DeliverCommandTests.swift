import Foundation
import TestSupport
import Testing

/// `pmo-report deliver` against a real SMTP relay (aiosmtpd with STARTTLS and AUTH): what arrives
/// is read back with Python's `email` module and compared with the packs.
@Suite(.serialized) struct DeliverCommandTests {
    @Test func dryRunPlansWithoutNetworkThenConfirmedRunDeliversEachTrustItsOwnPack() throws {
        let relay = try TestRelay()
        let project = try DeliveryProject(relay: relay)

        // The dry run: no password needed, nothing sent, a plan of mode 0600 printed with its ID.
        let dry = try project.deliver(environment: ["PMO_SMTP_PASSWORD": ""]).run()
        #expect(dry.status == 0, "\(dry)")
        let id = try #require(dry.stdout.split(separator: "\n").last.map(String.init)?.replacingOccurrences(of: "plan: ", with: ""))
        #expect(id.count == 16 && id.allSatisfy(\.isHexDigit), "\(dry.stdout)")
        #expect(mode(of: project.deliveryFolder + "/plan.txt") == 0o600)
        #expect(mode(of: project.deliveryFolder) == 0o700)
        #expect(try String(contentsOfFile: project.deliveryFolder + "/plan.txt", encoding: .utf8) == dry.stdout)
        for trust in project.trusts {
            #expect(dry.stdout.contains("\(trust.code)  \(trust.name)\n  to: \(trust.address)\n"))
            for file in trust.files { #expect(dry.stdout.contains("\(file.name)  sha256 \(file.sha256)")) }
        }
        #expect(relay.count == 0 && relay.logins.isEmpty)
        #expect(try project.planID() == id, "the same inputs plan the same ID")

        // --preview writes one trust's exact message (0600), sends nothing.
        let code = project.trusts[0].code
        let preview = try project.deliver(["--preview", code]).run()
        #expect(preview.status == 0, "\(preview)")
        let previewPath = project.deliveryFolder + "/preview-\(code).eml"
        #expect(preview.stdout == previewPath + "\n")
        #expect(mode(of: previewPath) == 0o600)
        let previewText = try String(contentsOfFile: previewPath, encoding: .utf8)
        #expect(previewText.contains("Message-ID: <pmo-report.\(code).") && previewText.contains("To: \(project.trusts[0].address)\r\n"))
        #expect(relay.count == 0)

        // The confirmed run: one message per trust, to its own address only, its own pack only.
        let sent = try project.deliver(["--confirm", id]).run()
        #expect(sent.status == 0, "\(sent)")
        #expect(sent.stdout.isEmpty)
        #expect(sent.stderr.split(separator: "\n").last?.contains("6 sent now, 0 sent earlier, 0 failed, 0 uncertain, 0 not sent") == true, "\(sent.stderr)")
        #expect(sent.stderr.contains("Bounces arrive later"))
        #expect(relay.logins == ["PLAIN \(TestRelay.user) accepted"], "one login, one connection for every message")
        let messages = try relay.messages()
        #expect(messages.count == project.trusts.count)
        let journal = try project.journal()
        #expect(mode(of: project.deliveryFolder + "/journal.log") == 0o600)
        let peerCodes = try String(contentsOfFile: project.run + "/packs-index-not-for-sharing.csv", encoding: .utf8)
            .split(separator: "\r\n").dropFirst().map { $0.split(separator: ",")[3] }
        for trust in project.trusts {
            let mine = messages.filter { $0.envelope.rcpt_tos == [trust.address] }
            #expect(mine.count == 1, "\(trust.code)")
            guard let message = mine.first else { continue }
            #expect(message.to == [trust.address] && message.cc == nil && message.bcc == nil)
            #expect(message.from == TestRelay.user && message.envelope.mail_from == TestRelay.user)
            #expect(message.subject == "Your PMO benchmarking pack: 2014-12")
            // Lines folded under 78 characters, but the spreadsheet's media type makes one 80 long.
            #expect(message.defects.isEmpty && message.longest_line <= 80, "\(message.defects) \(message.longest_line)")
            #expect(message.attachments.map(\.name) == trust.files.map(\.name))
            #expect(message.attachments.map(\.sha256) == trust.files.map(\.sha256), "attachments byte-equal to the packs")
            #expect(message.attachments.map(\.type) == ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/pdf"])
            let text = (message.text ?? "") + (message.html ?? "") + message.subject
            #expect(text.contains(trust.name))
            for other in project.trusts where other.code != trust.code {
                #expect(!text.contains(other.name) && !text.contains(other.code), "\(trust.code)'s message names \(other.code)")
            }
            for peer in peerCodes { #expect(!text.contains(peer)) }
            // The journal's hash is of the very bytes the relay received.
            #expect(journal.contains { $0.contains("sending \(trust.code) \(message.message_id) sha256=\(message.envelope.sha256)") })
            #expect(journal.contains { $0.hasSuffix("sent \(trust.code) \(message.message_id) 250") })
            #expect(try project.report()[trust.code]?.state == "sent")
        }
        #expect(mode(of: project.deliveryFolder + "/report.csv") == 0o600)

        // A rerun sends nothing again.
        let again = try project.deliver(["--confirm", id]).run()
        #expect(again.status == 0, "\(again)")
        #expect(relay.count == project.trusts.count)
        #expect(try project.report().values.allSatisfy { $0.state == "sent earlier" })

        // No password and no address in any output or log; the password nowhere the relay wrote.
        for output in [dry.stdout + dry.stderr, sent.stdout + sent.stderr, again.stderr, preview.stderr] {
            #expect(!output.contains(TestRelay.password))
        }
        for result in [sent, again] {
            for trust in project.trusts { #expect(!result.stderr.contains(trust.address)) }
        }
        for file in ["plan.txt", "journal.log", "report.csv"] {
            #expect(try !String(contentsOfFile: project.deliveryFolder + "/" + file, encoding: .utf8).contains(TestRelay.password))
        }
        #expect(!relay.allText().contains(TestRelay.password))
    }

    @Test func trustsWithoutACodeAreMatchedOnNameAndNamedByTheirPacks() throws {
        let relay = try TestRelay()
        let project = try DeliveryProject(relay: relay, published: DeliveryProject.codeless)
        #expect(project.trusts.count == 3 && project.trusts.allSatisfy { $0.code.isEmpty })
        let result = try project.confirmedDelivery()
        #expect(result.status == 0, "\(result)")
        let messages = try relay.messages()
        #expect(messages.count == 3)
        for trust in project.trusts {
            let message = try #require(messages.first { $0.to == [trust.address] })
            #expect(message.attachments.map(\.sha256) == trust.files.map(\.sha256))
            #expect(try project.report()[trust.key]?.state == "sent")
        }
    }

    @Test func theRateLimitSpacesMessagesAndARunCanBeNamed() throws {
        let relay = try TestRelay()
        let project = try DeliveryProject(relay: relay, published: DeliveryProject.codeless)
        let text = try String(contentsOfFile: project.definition, encoding: .utf8).replacingOccurrences(of: "rate: 0", with: "rate: 30")
        try text.write(toFile: project.definition, atomically: true, encoding: .utf8)
        let run = (project.run as NSString).lastPathComponent
        let dry = try project.deliver(["--run", run]).run()
        #expect(dry.status == 0, "\(dry)")
        #expect(dry.stdout.contains("rate: 30 messages a minute"))
        let id = String(try #require(dry.stdout.split(separator: "\n").last).dropFirst("plan: ".count))
        let started = Date()
        let result = try project.deliver(["--run", run, "--confirm", id]).run()
        #expect(result.status == 0, "\(result)")
        // Three messages at 30 a minute: two gaps of 2 s.
        #expect(Date().timeIntervalSince(started) >= 4)
        #expect(relay.count == 3)
    }

    @Test func secureMarkerAndTemplatesShapeTheSubject() throws {
        let relay = try TestRelay()
        let project = try DeliveryProject(relay: relay, delivery: """
              secure_subject: true
              subject: "PMO pack for {trust} ({code}), {wave}"
            """)
        let result = try project.confirmedDelivery()
        #expect(result.status == 0, "\(result)")
        let messages = try relay.messages()
        for trust in project.trusts {
            #expect(messages.contains { $0.subject == "[secure] PMO pack for \(trust.name) (\(trust.code)), 2014-12" })
        }
    }

    @Test func aChangedPackAfterThePlanStopsEverything() throws {
        let relay = try TestRelay()
        let project = try DeliveryProject(relay: relay)
        let id = try project.planID()
        let pack = project.run + "/packs/" + project.trusts[3].files[1].name
        let handle = try #require(FileHandle(forWritingAtPath: pack))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("%".utf8))
        try handle.close()
        let result = try project.deliver(["--confirm", id]).run()
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("does not match the packs index") || result.stderr.contains("do not match the packs index"), "\(result.stderr)")
        #expect(relay.count == 0 && relay.logins.isEmpty)
    }

    @Test func aPlanIDThatNoLongerMatchesSendsNothing() throws {
        let relay = try TestRelay()
        let project = try DeliveryProject(relay: relay)
        let id = try project.planID()
        try project.writeContacts([project.trusts[0].code: ["someone.else@nhs.net"]])
        let result = try project.deliver(["--confirm", id]).run()
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("the plan is now"))
        #expect(relay.count == 0 && relay.logins.isEmpty)
    }

    @Test func killedMidDeliveryResumesWithoutADuplicate() throws {
        let relay = try TestRelay()
        let project = try DeliveryProject(relay: relay)
        let slow = project.trusts[2]
        // The relay stores this trust's message, then waits 3 s before its reply.
        try project.writeContacts([slow.code: ["slow.\(slow.code.lowercased())@nhs.net"]])
        let id = try project.planID()
        let running = try project.deliver(["--confirm", id]).start()
        _ = try Wait.until("the relay to store \(slow.code)'s message", seconds: 60) { relay.count == 3 ? true : nil }
        running.send(SIGKILL)
        let killed = running.finish()
        #expect(killed.reason == .uncaughtSignal)

        // The rerun sends the rest, and reports the interrupted trust as uncertain instead of resending.
        let rerun = try project.deliver(["--confirm", id]).run()
        #expect(rerun.status == 69, "\(rerun)")
        #expect(rerun.stderr.contains("\(slow.code): a message (<pmo-report.\(slow.code)."), "\(rerun.stderr)")
        #expect(rerun.stderr.contains("--resend \(slow.code)"))
        let messages = try relay.messages()
        #expect(messages.count == project.trusts.count)
        for trust in project.trusts {
            #expect(messages.filter { $0.to.first?.contains(trust.code.lowercased()) == true }.count == 1, "\(trust.code)")
        }
        let report = try project.report()
        #expect(report[slow.code]?.state == "uncertain")
        #expect(report.filter { $0.value.state == "sent" || $0.value.state == "sent earlier" }.count == project.trusts.count - 1)

        // --resend is the operator's decision to send it once more.
        let resent = try project.deliver(["--confirm", id, "--resend", slow.code]).run()
        #expect(resent.status == 0, "\(resent)")
        #expect(relay.count == project.trusts.count + 1)
    }
}
