import Foundation
import PMOSurvey
import SurveyImport
import TestSupport
import Testing

/// `pmo-report map` drafts a mapping that needs only its `# check` lines looked at: with those
/// decided as a person would, each tool's sample export gives the canonical figures.
@Suite struct MappingDraftTests {
    /// What a reviewer does with the draft: an answer given once that the draft calls a slip is
    /// not mapped (so its row is rejected, as in the canonical file); every other line is kept.
    func reviewed(_ draft: String) -> String {
        draft.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("# check: only 1 answer") }
            .joined(separator: "\n")
    }

    @Test(arguments: SampleExportTests.tools)
    func reviewedDraftsGiveTheCanonicalFigures(tool: SurveyTool) throws {
        let files = try ImportFixtures.exports(tool)
        let folder = ScratchFolder.make("drafts")
        var inputs: [SurveyInput] = []
        for (file, wave) in zip(files, ["2014-12", "2015-12"]) {
            let draft = try MappingDraft(export: file)
            #expect(draft.tool == tool, "detected from the header")
            #expect(draft.text.contains("wave: \"\(wave)\""), "the round proposed from the first month with a tenth of the answers")
            #expect(draft.unsureLines <= 8, "only a few lines to check: \(draft.unsureLines)")
            let path = folder + "/\(wave).yaml"
            try reviewed(draft.text).write(toFile: path, atomically: true, encoding: .utf8)
            inputs.append(.export(path: file, mapping: try Mapping.load(path: path)))
        }
        let survey = try ImportFixtures.reader().read(inputs: inputs)
        try ImportFixtures.expectSameFigures(survey, as: try ImportFixtures.canonical(), "drafted for \(tool.rawValue)")
    }

    /// Personal columns are never proposed for a field, and the draft says which columns it leaves.
    @Test func draftsLeavePersonalColumnsOut() throws {
        let file = try ImportFixtures.exports(.surveyMonkey)[1]
        let draft = try MappingDraft(export: file)
        for personal in ["IP Address", "Email Address", "First Name", "Last Name"] {
            #expect(!draft.text.contains("\"\(personal)\""))
        }
        #expect(draft.text.contains("# Columns no field names (never read): \"Collector ID\""))
        #expect(draft.text.contains("  # \"Other (please specify)\": ?  # check: no guess"))
    }

    /// A plain CSV of question texts: day-first dates told from the answers; `--source` respected.
    @Test func plainCSVDraft() throws {
        let path = ScratchFolder.make("plain") + "/export.csv"
        try """
            When did you answer?,Organisation,Type of trust,How is the PMO organised?,Central PMO FTE
            13/01/2015,A Trust,Acute,Central,3
            02/02/2015,B Trust,Mental health,Devolved only,0

            """.write(toFile: path, atomically: true, encoding: .utf8)
        let draft = try MappingDraft(export: path)
        #expect(draft.tool == .csv)
        #expect(draft.text.contains("trust_name: \"Organisation\""))
        #expect(draft.text.contains("sector: \"Type of trust\""), "canonical answers need no values")
        #expect(draft.text.contains("\"Devolved only\": devolved"))
        #expect(draft.text.contains("central_pmo_fte: \"Central PMO FTE\""))
        #expect(draft.text.contains("wave: \"2015-01\""))
        let forced = try MappingDraft(export: path, tool: .googleForms)
        #expect(forced.tool == .googleForms)
    }
}
