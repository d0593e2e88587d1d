import Foundation
import TestSupport
import Testing

/// Issue 22 through the command line: `validate` groups findings (and `--all` lists them), the
/// rejected count is rows, an .xlsx without a mapping points at `map`, and a `generate` that
/// fails on its mapping creates nothing.
@Suite struct FirstImportCommandTests {
    /// 30 rows with one unmapped sector answer, 6 with another, one row with two errors, 3 valid.
    static func export(in folder: String) throws -> (export: String, mapping: String) {
        var text = "ID,Trust,Sector,Model\n"
        for i in 1...36 { text += "\(i),Trust \(i),\(i <= 30 ? "Acute hospital trust" : "Hospital"),central\n" }
        text += "37,Trust 37,Hospital,Central-ish\n"
        for i in 38...40 { text += "\(i),Trust \(i),Acute,central\n" }
        try text.write(toFile: folder + "/export.csv", atomically: true, encoding: .utf8)
        try "source: csv\nwave: W\nfields:\n  response_id: ID\n  trust_name: Trust\n  sector: Sector\n  pmo_model: Model\n"
            .write(toFile: folder + "/map.yaml", atomically: true, encoding: .utf8)
        return (folder + "/export.csv", folder + "/map.yaml")
    }

    @Test func validateGroupsFindingsByFieldAndAnswer() throws {
        let folder = ScratchFolder.make("grouped")
        let (export, mapping) = try Self.export(in: folder)
        let grouped = try Program.pmoReport(["validate", "-i", export, "-m", mapping]).run()
        #expect(grouped.status == 0, "\(grouped.stderr)")
        let lines = grouped.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("export.csv, column sector: error on 30 lines (lines 2, 3, 4 and 27 more): unknown sector \"Acute hospital trust\"")
            && $0.contains("add under `fields.sector.values`: \"Acute hospital trust\": Acute") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("export.csv, column sector: error on 7 lines (lines 32, 33, 34 and 4 more): unknown sector \"Hospital\"") })
        #expect(lines.contains { $0.hasPrefix("export.csv, line 38, column pmo_model (response 37): error: unknown PMO model \"Central-ish\"") })
        #expect(lines.last == "export.csv: 40 responses read, 3 used, 37 rejected, 0 superseded")
        let all = try Program.pmoReport(["validate", "--all", "-i", export, "-m", mapping]).run()
        #expect(all.stdout.split(separator: "\n").count(where: { $0.contains("unknown sector") }) == 37, "--all lists every finding")
        #expect(lines.contains("export.csv, column central_pmo_fte: warning on 39 lines (lines 2, 3, 4 and 36 more): model is central but central_pmo_fte is empty; kept as answered"))
        // The three valid rows' made-up trust names are in no register: one line each, first.
        let trustLines = lines.prefix { $0.contains("column trust_name: warning: trust \"Trust ") }
        #expect(trustLines.count == 3, "\(lines)")
        #expect(lines.count - trustLines.count == 5, "one screen: \(lines)")
    }

    /// The summary counts rows: a row with two errors is one rejected row.
    @Test func rejectedCountsRows() throws {
        let folder = ScratchFolder.make("rejected")
        try "response_id,trust_name,sector,pmo_model\n1,A,Acute,none\n2,B,Hospital,nonsense\n3,C,Acute,central\n"
            .write(toFile: folder + "/s.csv", atomically: true, encoding: .utf8)
        let result = try Program.pmoReport(["generate", "-i", folder + "/s.csv", "-o", folder + "/out", "--secret-file", folder + "/secret"]).run()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("1 row was rejected and left out"), "\(result.stderr)")
        #expect(result.stdout.contains("3 responses read, 2 used, 1 rejected, 0 superseded"))
    }

    @Test func workbookWithoutMappingPointsAtMap() throws {
        let result = try Program.pmoReport(["validate", "-i", ImportCommandTests.forms2014]).run()
        #expect(result.status == 65)
        #expect(result.stderr.contains("run `pmo-report map --input pmo-survey-2014-12-ms-forms.xlsx"), "\(result.stderr)")
        #expect(!result.stderr.contains("export the survey as CSV"))
    }

    /// A mapping that fits no column fails the run before the peer-code secret is made.
    @Test func failedMappingCreatesNoSecret() throws {
        let folder = ScratchFolder.make("nosecret")
        let (export, _) = try Self.export(in: folder)
        try "source: csv\nwave: W\nfields:\n  trust_name: Organisation\n  sector: Sector\n  pmo_model: Model\n"
            .write(toFile: folder + "/bad.yaml", atomically: true, encoding: .utf8)
        let result = try Program.pmoReport(["generate", "-i", export, "-m", folder + "/bad.yaml", "-o", folder + "/out"], in: folder).run()
        #expect(result.status == 64, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/Reports"), "nothing created: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
    }

    /// The JSON `source` names every input (`file` stays the first's, for existing readers).
    @Test func jsonSourceNamesEveryInput() throws {
        let folder = ScratchFolder.make("sources")
        try "response_id,wave,trust_name,sector,pmo_model\n1,2014,A,Acute,none\n".write(toFile: folder + "/a.csv", atomically: true, encoding: .utf8)
        try "response_id,wave,trust_name,sector,pmo_model\n1,2015,A,Acute,central\n".write(toFile: folder + "/b.csv", atomically: true, encoding: .utf8)
        let result = try Program.pmoReport(["generate", "-i", folder + "/a.csv", "-i", folder + "/b.csv", "-o", folder + "/out",
                                            "--secret-file", folder + "/secret", "-q"]).run()
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/out/pmo-report.json"))) as! [String: Any]
        let source = json["source"] as! [String: Any]
        #expect(source["file"] as? String == "a.csv")
        #expect(source["files"] as? [String] == ["a.csv", "b.csv"])
    }
}
