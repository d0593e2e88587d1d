import Foundation
import TestSupport
import Testing

@Suite struct PacksCommandTests {
    @Test func onePackPerTrustOfTheLatestWaveWithAnIndex() throws {
        let out = ScratchFolder.make("cli") + "/reports"
        let result = try Program.pmoReport(["generate", "--input", GenerateCommandTests.sample, "--output", out, "--packs"]).run()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("benchmark packs"))
        let index = try String(contentsOfFile: out + "/packs-index-not-for-sharing.csv", encoding: .utf8)
        let rows = index.split(separator: "\r\n").dropFirst()
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/pmo-report.json"))) as! [String: Any]
        let tables = json["tables"] as! [String: [[String: Any]]]
        let latest = tables["ModelBySector"]!.filter { $0["group"] as? String == "All trusts" }[0]["base"] as! Int
        #expect(rows.count == latest)
        let files = contents(of: out + "/packs")
        #expect(files.count == 2 * latest)
        #expect(files.allSatisfy { !$0.hasPrefix(".") && !$0.hasSuffix(".partial") })
        #expect(contents(of: out).allSatisfy { !$0.hasPrefix(".") })

        // A second run replaces the packs folder in one step.
        #expect(try Program.pmoReport(["generate", "--input", GenerateCommandTests.sample, "--output", out, "--packs", "--quiet"]).run().status == 0)
        #expect(try String(contentsOfFile: out + "/packs-index-not-for-sharing.csv", encoding: .utf8) == index)
    }

    @Test func hostileNamesStayInsideThePacksFolder() throws {
        let folder = ScratchFolder.make("cli")
        let csv = folder + "/in.csv"
        try """
            response_id,trust_name,sector,pmo_model,central_pmo_fte
            1,../../etc/x,Acute,central,3
            2,CON,Acute,central,4
            3,a/b,Acute,central,5
            4,"\(String(repeating: "Long ", count: 60))",Acute,central,6
            5,🏥 Trust,Acute,central,7
            6,Saint-Trust,Acute,central,8
            7,Saint'Trust,Acute,central,9

            """.write(toFile: csv, atomically: true, encoding: .utf8)
        let result = try Program.pmoReport(["--input", csv, "--output", folder + "/out", "--packs", "--quiet"]).run()
        #expect(result.status == 0, "\(result.stderr)")
        let files = contents(of: folder + "/out/packs")
        #expect(files.count == 14)
        #expect(files.contains("etc-x.pdf") && files.contains("con-trust.xlsx") && files.contains("saint-trust-2.pdf"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/etc"))
    }
}
