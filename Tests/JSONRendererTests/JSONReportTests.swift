import Foundation
import JSONRenderer
import PMOSurvey
import TestSupport
import Testing

/// The JSON export written to a real file and read back by Foundation's parser and by Python's.
@Suite struct JSONReportTests {
    static let csv = """
        response_id,wave,submitted,trust_code,trust_name,sector,staff_headcount,pmo_model,central_pmo_fte,share_consent,comments,respondent_email
        1,2015,01/06/2015,RAA,Open Trust,Acute,4000,central,3.5,yes,"says ""hi"", \u{7}bell",ann@nhs.net
        2,2015,27/06/2015,RBB,Quiet Trust,Mental Health,,none,,no,secret words,bob@nhs.net
        3,2015,2015-06-03,RCC,Third Trust,Acute,8000,hybrid,=1+2,yes,,

        """

    func write() throws -> (text: String, object: [String: Any]) {
        let folder = ScratchFolder.make("json")
        try Self.csv.write(toFile: folder + "/survey.csv", atomically: true, encoding: .utf8)
        let survey = try SurveyReader(currentYear: 2026).read(path: folder + "/survey.csv")
        let path = folder + "/out.json"
        try JSONReport(analysis: Analysis(survey: survey), run: RunInfo(generatedAt: 1_764_201_600)).write(to: path)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return (String(decoding: data, as: UTF8.self), object)
    }

    @Test func countsTablesAndRecords() throws {
        let (text, json) = try write()
        let counts = try #require(json["responses"] as? [String: Int])
        // Row 3 is rejected: "=1+2" is not an FTE.
        #expect(counts == ["rows": 3, "valid": 2, "rejected": 1, "superseded": 0])
        let tables = try #require(json["tables"] as? [String: [[String: Any]]])
        #expect(Set(tables.keys) == ["Responses", "ModelBySector", "ModelBySize", "PmoSizeBySector", "FteBySector",
                                     "FteBySize", "ProjectTypesBySector", "ServicesBySector", "ReportingLine",
                                     "SignificanceTests", "PairwiseTests", "DataQuality"])
        let all = try #require(tables["ModelBySector"]?.first { $0["group"] as? String == "All trusts" && $0["category"] as? String == "central" })
        #expect(all["count"] as? Int == 1 && all["base"] as? Int == 2 && all["share"] as? Double == 0.5)
        // Exact in the text (shortest round-trip form); Foundation's parser on Linux is not
        // correctly rounded, so the parsed values are only compared to the last few bits.
        let ci = Wilson.interval(count: 1, base: 2)
        #expect(text.contains(#""share": 0.5, "ci_low": \#(ci.low), "ci_high": \#(ci.high), "withheld": []}"#))
        #expect(abs((all["ci_low"] as? Double ?? 0) - ci.low) < 1e-15)
        let fte = try #require(tables["FteBySector"]?.first { $0["group"] as? String == "All trusts" })
        #expect(fte["n"] as? Int == 1 && fte["median"] as? Double == 3.5)
        #expect(fte["median_per_1000_staff"] as? Double == 0.875)
        // Responses hold the named trust only (disclosure control R1); its UK date read day first.
        #expect(tables["Responses"]?.map { $0["response_id"] as? String } == ["1"])
        let open = try #require(tables["Responses"]?.first)
        #expect(open["submitted"] as? String == "2015-06-01")
    }

    @Test func contractKeyOrderEscapesAndPrivacy() throws {
        let (text, _) = try write()
        #expect(text.contains(#"{"group": "Acute", "category": "central", "count": 1, "base": 1, "share": 1.0, "ci_low": "#))
        #expect(text.contains(#""comments": "says \"hi\", \u0007bell""#))
        for secret in ["Quiet Trust", "RBB", "secret words", "ann@nhs.net", "bob@nhs.net"] {
            #expect(!text.contains(secret), "\(secret) leaked")
        }
        #expect(!text.contains("Peer 0"))
    }

    @Test func pythonReadsIt() throws {
        let folder = ScratchFolder.make("json")
        try Self.csv.write(toFile: folder + "/survey.csv", atomically: true, encoding: .utf8)
        let survey = try SurveyReader(currentYear: 2026).read(path: folder + "/survey.csv")
        try JSONReport(analysis: Analysis(survey: survey), run: RunInfo(generatedAt: 0)).write(to: folder + "/out.json")
        let result = try Program("/usr/bin/python3", [
            "-c", "import json,sys; d=json.load(open(sys.argv[1])); print(len(d['tables']['Responses']), d['generated']['at'])",
            folder + "/out.json",
        ]).run()
        #expect(result.stdout == "1 1970-01-01T00:00:00Z\n", "\(result.stderr)")
    }

    @Test func unwritablePathLeavesNothingAndNamesTheReason() throws {
        let survey = try SurveyReader(currentYear: 2026).read(data: Data("response_id,trust_name,sector,pmo_model\n1,A,Acute,none\n".utf8), fileName: "s.csv")
        #expect {
            try JSONReport(analysis: Analysis(survey: survey), run: RunInfo(generatedAt: 0)).write(to: "/nonexistent/out.json")
        } throws: { error in
            "\(error)" == "cannot create the JSON export /nonexistent/out.json: No such file or directory"
        }
    }
}
