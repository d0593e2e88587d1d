import Foundation
import TestSupport
import Testing

/// A project with a published run of six trusts' packs (made once with the real `pmo-report
/// run`, copied for each test), a definition whose `delivery:` section points at a test relay,
/// a contacts file and a password file of mode 0600.
struct DeliveryProject {
    struct Trust {
        var code: String
        var name: String
        /// Pack file name and SHA-256, from the packs index.
        var files: [(name: String, sha256: String)]
        /// The code, else the packs' file stem: how `deliver` names a trust without a code.
        var key: String { code.isEmpty ? String(files[0].name.split(separator: ".")[0]) : code }
        /// The address a plain contacts file gives the trust.
        var address: String { "pmo.\(key.lowercased())@nhs.net" }
    }

    /// The published run: `sample-data --trusts 6 --waves 1`, then `run` with `outputs: [packs]`.
    static let published: String = {
        let root = ScratchFolder.make("published")
        _ = try! Program.pmoReport(["sample-data", "--trusts", "6", "--waves", "1", "--output", root + "/survey.csv"]).runChecked()
        try! "title: Delivery test\ninput: survey.csv\noutput: out\noutputs: [packs]\n"
            .write(toFile: root + "/run.yaml", atomically: true, encoding: .utf8)
        _ = try! Program.pmoReport(["run", root + "/run.yaml", "--quiet"]).runChecked()
        return root + "/out"
    }()

    /// A run of three trusts the survey gave no ODS code (only the columns a survey needs).
    static let codeless: String = {
        let root = ScratchFolder.make("published-codeless")
        try! """
            response_id,trust_name,sector,pmo_model,central_pmo_fte
            1,Northfield Hospitals NHS Trust,Acute,central,3
            2,Southmoor Community NHS Trust,Community,central,4
            3,Eastwick Ambulance NHS Trust,Ambulance,central,5

            """.write(toFile: root + "/survey.csv", atomically: true, encoding: .utf8)
        try! "title: Delivery test\ninput: survey.csv\noutput: out\noutputs: [packs]\n"
            .write(toFile: root + "/run.yaml", atomically: true, encoding: .utf8)
        _ = try! Program.pmoReport(["run", root + "/run.yaml", "--quiet"]).runChecked()
        return root + "/out"
    }()

    let root: String
    let trusts: [Trust]
    var definition: String { root + "/delivery.yaml" }
    var output: String { root + "/out" }
    var run: String { output + "/" + (try! FileManager.default.destinationOfSymbolicLink(atPath: output + "/latest")) }
    var deliveryFolder: String { run + "/delivery" }
    var passwordFile: String { root + "/secret/smtp-password" }

    /// `delivery` holds extra lines of the `delivery:` section (indented by two spaces).
    init(relay: TestRelay?, published: String = Self.published, from: String = TestRelay.user, caFile: Bool = true,
         delivery: String = "") throws {
        root = ScratchFolder.make("delivery")
        _ = try Program("cp", ["-a", published, root + "/out"]).runChecked()
        let index = try String(contentsOfFile: root + "/out/latest/packs-index-not-for-sharing.csv", encoding: .utf8)
        trusts = index.split(separator: "\r\n").dropFirst().map { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Trust(code: f[1], name: f[0], files: [(f[4], f[5]), (f[6], f[7])])
        }
        try FileManager.default.createDirectory(atPath: root + "/secret", withIntermediateDirectories: true)
        try (TestRelay.password + "\n").write(toFile: passwordFile, atomically: true, encoding: .utf8)
        chmod(passwordFile, 0o600)
        try """
            title: Delivery test
            output: out
            delivery:
              smtp: \(relay?.url ?? "smtp://127.0.0.1:1")
              user: \(TestRelay.user)
              from: \(from)
              password_file: secret/smtp-password
              contacts: contacts.csv
              allowed_domains: [nhs.net, nhs.uk]
            \(caFile ? "  ca_file: \(TestRelay.certificate.cert)\n" : "")  rate: 0
            \(delivery)
            """.write(toFile: definition, atomically: true, encoding: .utf8)
        try writeContacts()
    }

    /// One row per trust at its plain address, with `replace` giving other addresses for some.
    func writeContacts(_ replace: [String: [String]] = [:]) throws {
        var rows = ["trust_code,trust_name,email"]
        for trust in trusts {
            for address in replace[trust.code] ?? [trust.address] { rows.append("\(trust.code),\(trust.name),\(address)") }
        }
        try writeContacts(rows: rows)
    }

    func writeContacts(rows: [String]) throws {
        try (rows.joined(separator: "\r\n") + "\r\n").write(toFile: root + "/contacts.csv", atomically: true, encoding: .utf8)
    }

    /// The real `pmo-report deliver`, under cron's bare environment and a backoff of hundredths
    /// of a second instead of minutes.
    func deliver(_ arguments: [String] = [], environment: [String: String] = [:]) -> Program {
        Program.pmoReport(["deliver", definition] + arguments, in: "/", environment: .exactly(
            ["PATH": "/usr/bin:/bin", "PMO_DELIVERY_BACKOFF_UNIT_SECONDS": "0.01"].merging(environment) { $1 }))
    }

    /// Runs the dry run and returns the plan ID it printed.
    func planID() throws -> String {
        let result = try deliver().run()
        #expect(result.status == 0, "\(result)")
        let line = try #require(result.stdout.split(separator: "\n").last { $0.hasPrefix("plan: ") })
        return String(line.dropFirst("plan: ".count))
    }

    /// The dry run, then the confirmed run with its ID.
    func confirmedDelivery(_ extra: [String] = []) throws -> Program.Result {
        try deliver(["--confirm", try planID()] + extra).run()
    }

    /// `report.csv` as code -> (state, reply code).
    func report() throws -> [String: (state: String, reply: String)] {
        let text = try String(contentsOfFile: deliveryFolder + "/report.csv", encoding: .utf8)
        var rows: [String: (String, String)] = [:]
        for line in text.split(separator: "\r\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            rows[f[0]] = (f[2], f[3])
        }
        return rows
    }

    func journal() throws -> [String] {
        try String(contentsOfFile: deliveryFolder + "/journal.log", encoding: .utf8).split(separator: "\n").map(String.init)
    }
}

/// A file's permission bits.
func mode(of path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int) ?? -1
}
