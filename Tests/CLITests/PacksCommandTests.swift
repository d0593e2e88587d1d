import Foundation
import TestSupport
import Testing

@Suite struct PacksCommandTests {
    @Test func onePackPerTrustOfTheLatestWaveWithAnIndex() throws {
        let shared = try SharedRun.samplePacks.get()
        let out = shared.output, result = shared.result
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

        // A second run (into a copy of the first's folder) replaces the packs folder in one step.
        let again = ScratchFolder.make("cli") + "/reports"
        try shared.copy(to: again)
        #expect(try Program.pmoReport(["generate", "--input", GenerateCommandTests.sample, "--output", again, "--packs", "--quiet",
                                       "--secret-file", SharedRun.secretFile]).run().status == 0)
        #expect(try String(contentsOfFile: again + "/packs-index-not-for-sharing.csv", encoding: .utf8) == index)
        #expect(contents(of: again + "/packs") == files)
        #expect(contents(of: again).allSatisfy { !$0.hasPrefix(".") })
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
