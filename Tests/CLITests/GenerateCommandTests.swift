import Foundation
import TestSupport
import Testing

@Suite struct GenerateCommandTests {
    static let sample = Program.projectRoot + "/SampleData/pmo-survey.csv"

    @Test func sampleDataEndToEnd() throws {
        let shared = try SharedRun.sample.get()
        let out = shared.output, result = shared.result
        #expect(result.stdout.contains("responses read"))
        #expect(result.stdout.contains("wrote \(out)/pmo-report.json"))
        // Nothing but the outputs is left: no staging folder.
        #expect(contents(of: out).allSatisfy { !$0.hasPrefix(".") })

        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/pmo-report.json"))) as! [String: Any]
        let counts = json["responses"] as! [String: Int]
        #expect(counts["rows"]! == counts["valid"]! + counts["rejected"]! + counts["superseded"]!)
        #expect(counts["valid"]! >= 150)
        let tables = json["tables"] as! [String: [[String: Any]]]
        for name in ["Responses", "ModelBySector", "ModelBySize", "PmoSizeBySector", "FteBySector", "FteBySize",
                     "ProjectTypesBySector", "ServicesBySector", "ReportingLine", "ModelByWave", "SignificanceTests",
                     "PairwiseTests", "ModelTransitions", "DataQuality"] {
            #expect(tables[name] != nil, "table \(name)")
        }
        // Disclosure control R1: the named trusts' responses only, each of them named.
        let responses = tables["Responses"]!
        #expect(!responses.isEmpty && responses.count < counts["valid"]!)
        #expect(responses.allSatisfy { !($0["trust_name"] as! String).hasPrefix("Peer ") })
        let all = tables["ModelBySector"]!.filter { $0["group"] as? String == "All trusts" }
        #expect(all.count == 4)
        #expect(all.map { $0["count"] as! Int }.reduce(0, +) == all[0]["base"] as! Int)
        #expect(all.allSatisfy { ($0["ci_low"] as! Double) <= ($0["share"] as! Double) && ($0["share"] as! Double) <= ($0["ci_high"] as! Double) })
    }

    /// `--internal-use` withholds nothing and says so; the shared edition withholds, and every
    /// figure it publishes is exactly the internal edition's (no rounding, no noise).
    @Test func internalUseWithholdsNothingAndSharedFiguresAreUnchanged() throws {
        let shared = try SharedRun.sample.get().output, everyone = ScratchFolder.make("cli")
        #expect(try Program.pmoReport(["--input", Self.sample, "--output", everyone, "--quiet", "--internal-use"]).run().status == 0)
        func read(_ folder: String) throws -> [String: Any] {
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/pmo-report.json"))) as! [String: Any]
        }
        let a = try read(shared), b = try read(everyone)
        #expect((b["generated"] as! [String: Any])["disclosure_control"] as? [String: Bool] == ["applied": false])
        #expect(((a["generated"] as! [String: Any])["disclosure_control"] as! [String: Any])["applied"] as? Bool == true)
        let sharedTables = a["tables"] as! [String: [[String: Any]]], internalTables = b["tables"] as! [String: [[String: Any]]]
        var withheld = 0
        for name in ["ModelBySector", "ModelBySize", "PmoSizeBySector", "FteBySector", "FteBySize", "ProjectTypesBySector",
                     "ServicesBySector", "ReportingLine", "ModelByWave", "ModelTransitions", "PairwiseTests"] {
            let x = try #require(sharedTables[name]), y = try #require(internalTables[name])
            #expect(x.count == y.count, "\(name)")
            for (s, i) in zip(x, y) {
                #expect((i["withheld"] as? [String]) == [], "\(name) internal")
                let hidden = Set(s["withheld"] as? [String] ?? [])
                withheld += hidden.count
                for (key, value) in s where key != "withheld" {
                    if hidden.contains(key) {
                        #expect(value is NSNull, "\(name).\(key)")
                    } else {
                        #expect("\(value)" == "\(i[key] ?? "missing")", "\(name).\(key) changed")
                    }
                }
            }
        }
        #expect(withheld > 0)
        #expect(internalTables["Responses"]!.count == (b["responses"] as! [String: Int])["valid"]!)
    }

    @Test func plainInvocationRunsGenerate() throws {
        let folder = ScratchFolder.make("cli")
        try FileManager.default.createDirectory(atPath: folder + "/SampleData", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.sample, toPath: folder + "/SampleData/pmo-survey.csv")
        let result = try Program.pmoReport([], in: folder).run()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder + "/output/pmo-report.json"))
    }

    /// A second run gives the shared run's bytes.
    @Test func jsonIsTheSameTwice() throws {
        let a = try SharedRun.sample.get().output, b = ScratchFolder.make("cli")
        #expect(try Program.pmoReport(["--input", Self.sample, "--output", b, "--quiet"]).run().status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: a + "/pmo-report.json"))
                == Data(contentsOf: URL(fileURLWithPath: b + "/pmo-report.json")))
    }

    @Test func noPersonalDataAndNoNonConsentingNames() throws {
        let folder = ScratchFolder.make("cli")
        let csv = folder + "/in.csv"
        try """
            response_id,trust_name,trust_code,sector,pmo_model,share_consent,comments,pmo_name,respondent_name,respondent_email
            1,Open Trust,RAA,Acute,central,yes,we share,Open PMO,Ann Able,ann@nhs.net
            2,Secret Trust,RBB,Acute,none,no,secret words,Hidden PMO,Bob Bee,bob@nhs.net

            """.write(toFile: csv, atomically: true, encoding: .utf8)
        let result = try Program.pmoReport(["--input", csv, "--output", folder + "/out"]).run()
        #expect(result.status == 0, "\(result.stderr)")
        let json = try String(contentsOfFile: folder + "/out/pmo-report.json", encoding: .utf8)
        #expect(json.contains("Open Trust") && json.contains("we share") && json.contains("Open PMO"))
        for secret in ["Secret Trust", "RBB", "secret words", "Hidden PMO", "Ann Able", "ann@nhs.net", "Bob Bee", "bob@nhs.net"] {
            #expect(!json.contains(secret), "\(secret) leaked")
        }
        #expect(!json.contains("Peer 0"))
    }

    @Test func missingInputFile() throws {
        let out = ScratchFolder.make("cli") + "/out"
        let result = try Program.pmoReport(["generate", "--input", "/no/such/survey.csv", "--output", out]).run()
        #expect(result.status == 66)
        #expect(result.stderr.contains("survey.csv") && result.stderr.contains("no such file"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test(arguments: [
        ("", "empty"),
        ("response_id,trust_name,sector\n1,A,Acute\n", "lacks the required column pmo_model"),
        ("response_id,trust_name,sector,pmo_model\n1,A,Hospital,none\n", "line 2"),
    ])
    func unusableInputWritesNothing(text: String, message: String) throws {
        let folder = ScratchFolder.make("cli")
        try text.write(toFile: folder + "/bad.csv", atomically: true, encoding: .utf8)
        let result = try Program.pmoReport(["--input", folder + "/bad.csv", "--output", folder + "/out"]).run()
        #expect(result.status == 65)
        #expect(result.stderr.contains("bad.csv"))
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
    }

    @Test func previousOutputsSurviveAFailedRun() throws {
        let folder = ScratchFolder.make("cli") + "/reports"
        try SharedRun.sample.get().copy(to: folder)
        let before = try Data(contentsOf: URL(fileURLWithPath: folder + "/pmo-report.json"))
        try "".write(toFile: folder + "/empty.csv", atomically: true, encoding: .utf8)
        #expect(try Program.pmoReport(["--input", folder + "/empty.csv", "--output", folder]).run().status == 65)
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/pmo-report.json")) == before)
    }

    @Test func unwritableOutput() throws {
        let folder = ScratchFolder.make("cli")
        try "x".write(toFile: folder + "/file", atomically: true, encoding: .utf8)
        let result = try Program.pmoReport(["--input", Self.sample, "--output", folder + "/file/out"]).run()
        #expect(result.status == 73)
        #expect(result.stderr.contains("cannot create the output folder"))
    }

    @Test func usageErrorAndHelp() throws {
        #expect(try Program.pmoReport(["generate", "--no-such-option"]).run().status == 64)
        let help = try Program.pmoReport(["generate", "--help"]).run()
        #expect(help.status == 0)
        #expect(help.stdout.contains("--input") && help.stdout.contains("--output") && help.stdout.contains("Example"))
    }
}
