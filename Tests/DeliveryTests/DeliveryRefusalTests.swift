import Foundation
import TestSupport
import Testing

/// What a dry run refuses before anything could be sent: contacts that do not match the packs,
/// and delivery settings that are wrong, each with the file and line.
@Suite struct DeliveryRefusalTests {
    @Test func everyContactsProblemIsListedAtOnce() throws {
        let project = try DeliveryProject(relay: nil)
        let t = project.trusts
        try project.writeContacts(rows: [
            "trust_code,trust_name,email",
            "\(t[0].code),\(t[0].name),\(t[0].address)",
            "XXXX,Nowhere NHS Trust,pmo.xxxx@nhs.net",                 // line 3: unknown code
            "\(t[1].code),\(t[2].name),\(t[2].address)",               // line 4: another trust's code
            "\(t[3].code),\(t[3].name),pmo@gmail.com",                // line 5: outside the allowed domains
            "\(t[4].code),\(t[4].name),shared@nhs.net",
            "\(t[5].code),\(t[5].name),SHARED@nhs.net",               // line 7: one address, two trusts
        ])
        let result = try project.deliver().run()
        #expect(result.status == 65, "\(result)")
        let contacts = project.root + "/contacts.csv"
        for expected in [
            "\(contacts), line 3: unknown trust code `XXXX`",
            "\(contacts), line 4: code \(t[1].code) is \(t[1].name) in the packs index, not \(t[2].name)",
            "\(contacts), line 5: the address for \(t[3].code) is at gmail.com, outside allowed_domains (nhs.net, nhs.uk)",
            "\(contacts), line 7: the address for \(t[5].code) is also given for \(t[4].code) on line 6",
            "no contact for \(t[1].code)", "no contact for \(t[2].code)", "no contact for \(t[3].code)",
        ] {
            #expect(result.stderr.contains(expected), "\(expected)\n\(result.stderr)")
        }
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: project.deliveryFolder + "/plan.txt"))
        #expect(!result.stderr.contains("pmo@gmail.com"), "problems name lines and domains, not addresses")
    }

    @Test(arguments: [
        ("  rate: 31", "line 11: bad value for `delivery.rate`"),
        ("  colour: blue", "unknown key `delivery.colour`"),
        ("  body: \"Dear {trust}, from {peers}\"", "`{peers}` is not"),
        ("  smtp: http://relay.example:25", "bad value for `delivery.smtp`"),
    ])
    func badSettingsStopWithTheirLine(extra: String, expected: String) throws {
        let project = try DeliveryProject(relay: nil, delivery: extra)
        var text = try String(contentsOfFile: project.definition, encoding: .utf8)
        if extra.hasPrefix("  smtp:") || extra.hasPrefix("  rate:") {
            // Replace the key rather than repeat it.
            let key = extra.split(separator: ":")[0]
            text = text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix(key + ":") || $0 == Substring(extra) }.joined(separator: "\n")
            try text.write(toFile: project.definition, atomically: true, encoding: .utf8)
        }
        let result = try project.deliver().run()
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.contains(expected), "\(result.stderr)")
    }

    @Test func noRateLimitOnlyForATestRelayOnLocalhost() throws {
        let project = try DeliveryProject(relay: nil)
        let text = try String(contentsOfFile: project.definition, encoding: .utf8)
            .replacingOccurrences(of: "smtp://127.0.0.1:1", with: "smtp://smtp.example.nhs.uk:587")
        try text.write(toFile: project.definition, atomically: true, encoding: .utf8)
        let result = try project.deliver().run()
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.contains("0 (no limit) is only for a test relay on smtp://127.0.0.1"), "\(result.stderr)")
    }

    @Test func aBodyNamingAnotherTrustIsRefused() throws {
        let project = try DeliveryProject(relay: nil)
        let other = project.trusts[1]
        let text = try String(contentsOfFile: project.definition, encoding: .utf8) + "  body: \"Dear {trust}, see also \(other.name)\"\n"
        try text.write(toFile: project.definition, atomically: true, encoding: .utf8)
        let result = try project.deliver().run()
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("names another trust (\(other.code))"), "\(result.stderr)")
    }
}
