import DemoSurvey
import Foundation
import JSONRenderer
import PMOSurvey
import SurveyImport
import TestSupport
import Testing

/// Shared by the import tests: the shipped mappings, the sample's exports, and the JSON tables
/// of a survey, read back by Foundation's parser.
enum ImportFixtures {
    static let projectRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static func mapping(_ wave: String, _ tool: SurveyTool) throws -> Mapping {
        try Mapping.load(path: projectRoot + "/Reports/mappings/pmo-\(wave.prefix(4))-\(tool.rawValue).yaml")
    }

    /// The sample survey of the shipped data (170 trusts, 2 waves, seed 2015).
    static let sample = SampleSurvey(trusts: 170, waves: 2, seed: 2015)

    /// The sample's exports from `tool`, one per wave, in a fresh folder.
    static func exports(_ tool: SurveyTool, survey: SampleSurvey = sample) throws -> [String] {
        try SampleExports(survey: survey, tool: tool).write(into: ScratchFolder.make(tool.rawValue))
    }

    static func reader() -> SurveyReader { SurveyReader(currentYear: 2026) }

    /// The canonical CSV of `survey`, written and read.
    static func canonical(_ survey: SampleSurvey = sample) throws -> Survey {
        var text = ""
        survey.write { text += $0 }
        return try reader().read(data: Data(text.utf8), fileName: "pmo-survey.csv")
    }

    /// The JSON export of `survey`, parsed.
    static func json(_ survey: Survey) throws -> [String: Any] {
        let path = ScratchFolder.make("json") + "/out.json"
        try JSONReport(analysis: Analysis(survey: survey), run: RunInfo(generatedAt: 1_764_201_600)).write(to: path)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Every table but DataQuality (whose lines are the export's), as JSON text for comparing;
    /// in Responses, the tool's own response IDs and submission times set aside.
    static func figures(_ json: [String: Any]) throws -> [String: String] {
        let tables = try #require(json["tables"] as? [String: [[String: Any]]])
        var out: [String: String] = [:]
        for (name, rows) in tables where name != "DataQuality" {
            var rows = rows
            if name == "Responses" {
                rows = rows.map { row in
                    var row = row
                    row["response_id"] = nil
                    if let submitted = row["submitted"] as? String { row["submitted"] = String(submitted.prefix(10)) }
                    return row
                }
            }
            let data = try JSONSerialization.data(withJSONObject: rows, options: [.sortedKeys])
            out[name] = String(decoding: data, as: UTF8.self)
        }
        out["responses"] = String(decoding: try JSONSerialization.data(withJSONObject: json["responses"]!, options: [.sortedKeys]), as: UTF8.self)
        return out
    }

    /// Asserts table by table that two surveys give the same figures.
    static func expectSameFigures(_ imported: Survey, as canonical: Survey, _ comment: Comment? = nil,
                                  sourceLocation: SourceLocation = #_sourceLocation) throws {
        let a = try figures(json(canonical)), b = try figures(json(imported))
        #expect(a.keys.sorted() == b.keys.sorted(), comment, sourceLocation: sourceLocation)
        for name in a.keys.sorted() {
            #expect(a[name] == b[name], "table \(name) differs\(comment.map { ": \($0)" } ?? "")", sourceLocation: sourceLocation)
        }
    }
}
