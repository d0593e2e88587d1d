import DemoSurvey
import Foundation
import JSONRenderer
import PMOSurvey
import TestSupport
import Testing

/// The three tables of the significance tests in the JSON export, read back by Python.
@Suite struct SignificanceExportTests {
    @Test func pythonFindsTheTablesWithTheContractKeysAndTheAnalysisFigures() throws {
        var csv = ""
        SampleSurvey(trusts: 300, waves: 2, seed: 21).write { csv += $0 }
        let survey = try SurveyReader(currentYear: 2026).read(data: Data(csv.utf8), fileName: "sample.csv")
        var definition = ReportDefinition()
        definition.internalUse = true
        let analysis = Analysis(survey: survey, definition: definition)
        let folder = ScratchFolder.make("json")
        try JSONReport(analysis: analysis, run: RunInfo(generatedAt: 0)).write(to: folder + "/out.json")
        let script = """
            import json, sys
            t = json.load(open(sys.argv[1]))["tables"]
            s, p, m = t["SignificanceTests"], t["PairwiseTests"], t["ModelTransitions"]
            print(json.dumps({"keys": [list(s[0]), list(p[0]), list(m[0])],
                              "whole": [r["breakdown"] for r in s if r["category"] is None],
                              "p": [r["p_value"] for r in s], "adjusted": [r["p_adjusted"] for r in p],
                              "moved": sum(r["count"] for r in m)}))
            """
        let data = try Program("/usr/bin/python3", ["-c", script, folder + "/out.json"]).runChecked().standardOutput
        let read = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        // Each record lists what disclosure control withheld of it.
        #expect(read["keys"] as? [[String]] == [Significance.testColumns, Significance.pairColumns, Significance.transitionColumns].map { $0 + ["withheld"] })
        #expect(read["whole"] as? [String] == ["ModelBySector", "ModelBySize", "PmoSizeBySector", "ReportingLine", "ModelTransitions"])
        // Foundation's parser on Linux is not correctly rounded: compared to the last bits.
        func same(_ a: [Double]?, _ b: [Double]) -> Bool {
            a?.count == b.count && zip(a ?? [], b).allSatisfy { abs($0 - $1) <= 1e-15 * max(abs($0), abs($1)) }
        }
        #expect(same(read["p"] as? [Double], analysis.significance.tests.map { $0.pValue! }))
        #expect(same(read["adjusted"] as? [Double], analysis.significance.pairs.map { $0.pAdjusted! }))
        #expect(read["moved"] as? Int == analysis.significance.transitions?.trusts)
    }
}
