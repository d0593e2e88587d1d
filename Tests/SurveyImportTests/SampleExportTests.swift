import DemoSurvey
import Foundation
import PMOSurvey
import SurveyImport
import TestSupport
import Testing

/// Each tool's export of the sample survey, read through the shipped mappings, gives the figures
/// of the canonical file: alone (both waves from one tool) and two tools a wave each.
@Suite struct SampleExportTests {
    static let tools: [SurveyTool] = [.msForms, .surveyMonkey, .googleForms, .qualtrics]

    func read(_ files: [(String, SurveyTool, String)]) throws -> Survey {
        try ImportFixtures.reader().read(inputs: files.map { path, tool, wave in
            .export(path: path, mapping: try ImportFixtures.mapping(wave, tool))
        })
    }

    @Test(arguments: tools)
    func eachToolAloneGivesTheCanonicalFigures(tool: SurveyTool) throws {
        let files = try ImportFixtures.exports(tool)
        #expect(files.count == 2)
        let survey = try read([(files[0], tool, "2014-12"), (files[1], tool, "2015-12")])
        let canonical = try ImportFixtures.canonical()
        #expect(survey.counts == canonical.counts)
        #expect(survey.counts.rejected == 5 && survey.counts.superseded > 0, "the sample's defects and resubmissions come through")
        try ImportFixtures.expectSameFigures(survey, as: canonical, "\(tool.rawValue)")
        #expect(survey.sources.map(\.mapping?.tool) == [tool.rawValue, tool.rawValue])
    }

    @Test(arguments: [(SurveyTool.msForms, SurveyTool.surveyMonkey), (.googleForms, .qualtrics),
                      (.qualtrics, .msForms), (.surveyMonkey, .googleForms)])
    func twoToolsAWaveEachGiveTheCanonicalFigures(first: SurveyTool, second: SurveyTool) throws {
        let a = try ImportFixtures.exports(first), b = try ImportFixtures.exports(second)
        let survey = try read([(a[0], first, "2014-12"), (b[1], second, "2015-12")])
        try ImportFixtures.expectSameFigures(survey, as: try ImportFixtures.canonical(), "\(first.rawValue) then \(second.rawValue)")
        #expect(survey.waves.map(\.label) == ["2014-12", "2015-12"])
    }

    /// Row order of the inputs changes no figure: the same exports given the other way round.
    @Test func inputOrderChangesNoFigure() throws {
        let a = try ImportFixtures.exports(.surveyMonkey), b = try ImportFixtures.exports(.msForms)
        let forward = try read([(a[0], .surveyMonkey, "2014-12"), (b[1], .msForms, "2015-12")])
        let backward = try read([(b[1], .msForms, "2015-12"), (a[0], .surveyMonkey, "2014-12")])
        try ImportFixtures.expectSameFigures(backward, as: forward)
    }

    /// A Microsoft Forms ID restarts at 1 in every form: IDs need be unique within one input only.
    @Test func responseIDsAreUniqueWithinEachInputOnly() throws {
        let files = try ImportFixtures.exports(.msForms)
        let survey = try read([(files[0], .msForms, "2014-12"), (files[1], .msForms, "2015-12")])
        let ids = survey.responses.map(\.responseID)
        #expect(Set(ids).count < ids.count, "both forms number their responses from 1")
        #expect(!survey.findings.contains { $0.message.contains("already used") })
    }

    /// Findings of exports name their file; Google's rows, which have no ID, are known by file and row.
    @Test func findingsNameTheExportAndGoogleRowsTheirPlace() throws {
        let files = try ImportFixtures.exports(.googleForms)
        let survey = try read([(files[0], .googleForms, "2014-12"), (files[1], .googleForms, "2015-12")])
        let errors = survey.findings.filter { $0.severity == .error }
        #expect(errors.count == 5)
        #expect(errors.allSatisfy { $0.file?.hasPrefix("pmo-survey-") == true && $0.line != nil })
        let ids = survey.responses.map(\.responseID)
        #expect(ids.allSatisfy { $0.hasPrefix("pmo-survey-2014-12-google-forms.csv:") || $0.hasPrefix("pmo-survey-2015-12-google-forms.csv:") })
        let sector = try #require(errors.first { $0.column == "sector" })
        #expect(sector.message.contains("unknown sector \"Hospital\"") && sector.message.contains("`fields.sector.values`: \"Hospital\": Acute"))
    }

    /// Qualtrics' preview answers are left out: not responses, not counted, one info finding each.
    @Test func qualtricsPreviewRowsAreLeftOut() throws {
        let files = try ImportFixtures.exports(.qualtrics)
        let survey = try read([(files[0], .qualtrics, "2014-12"), (files[1], .qualtrics, "2015-12")])
        let left = survey.findings.filter { $0.message.hasPrefix("left out:") }
        #expect(left.count == 2 && left.allSatisfy { $0.severity == .info && $0.line == 4 })
        #expect(survey.counts.rows == (try ImportFixtures.canonical()).counts.rows)
    }

    /// The same seed gives the same bytes (the CSV exports) and the same cells (the workbook).
    @Test func exportsAreDeterministic() throws {
        for tool in [SurveyTool.surveyMonkey, .googleForms, .qualtrics] {
            let a = try ImportFixtures.exports(tool), b = try ImportFixtures.exports(tool)
            #expect(try zip(a, b).allSatisfy { try Data(contentsOf: URL(fileURLWithPath: $0)) == Data(contentsOf: URL(fileURLWithPath: $1)) })
        }
    }
}
