import Foundation
import TestSupport
import Testing

/// What the relay can do wrong, each injected by the recipient's address (or the sender's, or
/// the server's set-up), with the outcome and exit code `deliver` must give.
@Suite(.serialized) struct DeliveryFaultTests {
    @Test func refusalsFailOneTrustRetriesGoOnAndADropAfterTheBodyIsUncertain() throws {
        let relay = try TestRelay()
        let project = try DeliveryProject(relay: relay)
        let t = project.trusts.map(\.code)
        func address(_ fault: String, _ code: String) -> [String] { ["\(fault).\(code.lowercased())@nhs.net"] }
        try project.writeContacts([t[0]: address("reject550", t[0]), t[1]: address("busy451once", t[1]),
                                   t[2]: address("refuse554", t[2]), t[3]: address("drop", t[3])])
        let result = try project.confirmedDelivery()
        #expect(result.status == 69, "\(result)")
        let report = try project.report()
        #expect(report[t[0]]! == ("failed", "550"))
        #expect(report[t[1]]! == ("sent", "250"), "451 is retried while the others go on")
        #expect(report[t[2]]! == ("failed", "554"))
        #expect(report[t[3]]!.state == "uncertain")
        #expect(report[t[4]]!.state == "sent" && report[t[5]]!.state == "sent")
        #expect(result.stderr.contains("\(t[0]) failed: the server replied 550 to RCPT TO; the others go on"), "\(result.stderr)")
        #expect(result.stderr.contains("\(t[1]): the server replied 451 to RCPT TO; trying again in"))
        #expect(result.stderr.contains("\(t[2]) failed: the server replied 554 to end of data"))
        #expect(result.stderr.contains("\(t[3]): the connection dropped after the whole message was sent"))
        let delivered = try relay.messages().map { $0.to[0] }
        #expect(delivered.sorted() == [address("busy451once", t[1])[0], address("drop", t[3])[0],
                                       project.trusts[4].address, project.trusts[5].address].sorted())
        // The sending order shows the retry came after the others.
        let sending = result.stderr.split(separator: "\n").filter { $0.contains(" info: sending ") }.map { String($0.split(separator: " ")[3]) }
        #expect(sending == [t[0], t[1], t[2], t[3], t[4], t[5], t[1]], "\(sending)")

        // A rerun tries the failed ones again, never the uncertain one.
        let rerun = try project.deliver(["--confirm", try project.planID()]).run()
        #expect(rerun.status == 69, "\(rerun)")
        #expect(!rerun.stderr.contains("sending \(t[3])"))
        #expect(rerun.stderr.contains("sending \(t[0])") && rerun.stderr.contains("sending \(t[2])"))
        #expect(relay.count == 4)
    }

    @Test func aTemporaryRefusalThatLastsFailsAfterFiveRetries() throws {
        let relay = try TestRelay()
        let project = try DeliveryProject(relay: relay)
        let code = project.trusts[0].code
        try project.writeContacts([code: ["busy451.\(code.lowercased())@nhs.net"]])
        let result = try project.confirmedDelivery()
        #expect(result.status == 69, "\(result)")
        #expect(result.stderr.components(separatedBy: "sending \(code)").count - 1 == 6, "one attempt and five retries")
        #expect(result.stderr.contains("\(code) failed: the server replied 451 to RCPT TO, after 6 attempts"))
        #expect(try project.report()[code]! == ("failed", "451"))
        #expect(relay.count == project.trusts.count - 1)
    }

    @Test func aQuotaRefusalStopsAtOnceAndTheNextRunResumes() throws {
        let relay = try TestRelay()
        let project = try DeliveryProject(relay: relay)
        let t = project.trusts.map(\.code)
        try project.writeContacts([t[2]: ["quota452.\(t[2].lowercased())@nhs.net"]])
        let result = try project.confirmedDelivery()
        #expect(result.status == 75, "\(result)")
        #expect(result.stderr.contains("\(t[2]): the server replied 452 to RCPT TO; delivery stopped at once"), "\(result.stderr)")
        #expect(relay.count == 2)
        let report = try project.report()
        #expect(report[t[2]]!.state == "not sent" && report[t[5]]!.state == "not sent")
    }

    @Test func aRefusedSenderStopsAtOnce() throws {
        let relay = try TestRelay()
        let project = try DeliveryProject(relay: relay, from: "refused-sender@nhs.net")
        let result = try project.confirmedDelivery()
        #expect(result.status == 75, "\(result)")
        #expect(result.stderr.contains("the server replied 553 to MAIL FROM; delivery stopped at once"), "\(result.stderr)")
        #expect(result.stderr.components(separatedBy: " info: sending ").count == 2, "one attempt, then stop")
        #expect(relay.count == 0)
    }

    @Test func aRefusedLoginIsTriedOnceAndStops() throws {
        let relay = try TestRelay()
        let project = try DeliveryProject(relay: relay)
        let result = try project.confirmedDelivery(environmentPassword: "wrong password")
        #expect(result.status == 77, "\(result)")
        #expect(relay.logins == ["PLAIN \(TestRelay.user) refused"], "one attempt only: relays lock accounts")
        #expect(relay.count == 0)
        #expect(!result.stderr.contains("wrong password"))
        // The failed trust was never handed to the relay: the next run sends it as usual.
        #expect(try project.report().values.allSatisfy { $0.state == "not sent" })
    }

    @Test func noSTARTTLSMeansNothingSentAndThePasswordNeverSent() throws {
        let relay = try TestRelay(startTLS: false)
        let project = try DeliveryProject(relay: relay)
        let result = try project.confirmedDelivery()
        #expect(result.status == 75, "\(result)")
        #expect(result.stderr.contains("TLS failed"), "\(result.stderr)")
        #expect(relay.count == 0 && relay.logins.isEmpty, "no AUTH without TLS")
        #expect(!relay.allText().contains(TestRelay.password))
    }

    @Test func anUntrustedCertificateMeansNothingSent() throws {
        let relay = try TestRelay()
        let project = try DeliveryProject(relay: relay, caFile: false)
        let result = try project.confirmedDelivery()
        #expect(result.status == 75, "\(result)")
        #expect(result.stderr.contains("TLS failed"), "\(result.stderr)")
        #expect(relay.count == 0 && relay.logins.isEmpty)
    }

    @Test func aPasswordFileOthersCanReadIsRefused() throws {
        let relay = try TestRelay()
        let project = try DeliveryProject(relay: relay)
        chmod(project.passwordFile, 0o644)
        let result = try project.confirmedDelivery()
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.contains("chmod 600"))
        #expect(relay.count == 0 && relay.logins.isEmpty)
    }
}

extension DeliveryProject {
    func confirmedDelivery(environmentPassword password: String) throws -> Program.Result {
        try deliver(["--confirm", try planID()], environment: ["PMO_SMTP_PASSWORD": password]).run()
    }
}
