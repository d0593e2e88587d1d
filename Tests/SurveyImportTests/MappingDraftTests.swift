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

    /// Qualtrics: previews are proposed for `exclude_when`, a typed Other is one single-choice
    /// field, a deputy is no chief executive, and the divisional WTE question is found.
    @Test func qualtricsDraftProposesAndAbstains() throws {
        let path = ScratchFolder.make("qualtrics") + "/export.csv"
        var text = """
            StartDate,EndDate,Status,RecordedDate,ResponseId,Q1,Q2,Q3,Q3_6_TEXT,Q4,Q5
            Start Date,End Date,Response Type,Recorded Date,Response ID,Which NHS organisation do you work for?,How are projects delivered at your trust?,To whom does the PMO report? - Selected Choice,To whom does the PMO report? - Other - Text,Central PMO (WTE),Divisional project managers (WTE)
            {"ImportId":"startDate"},{"ImportId":"endDate"},{"ImportId":"status"},{"ImportId":"recordedDate"},{"ImportId":"_recordId"},{"ImportId":"QID1"},{"ImportId":"QID2"},{"ImportId":"QID3"},{"ImportId":"QID3_6_TEXT"},{"ImportId":"QID4"},{"ImportId":"QID5"}
            2015-11-20 09:00:00,2015-11-20 09:01:00,Survey Preview,2015-11-20 09:01:00,R_0,Preview Trust,Central PMO,Finance,,2,

            """
        for i in 1...12 {
            let report = i == 3 ? "Deputy Chief Executive" : i == 4 ? "Other" : "Chief Executive"
            text += "2015-12-0\(i % 9 + 1) 09:00:00,2015-12-0\(i % 9 + 1) 10:00:00,IP Address,2015-12-0\(i % 9 + 1) 10:00:00,R_\(i),Trust \(i),Central and devolved,\(report),\(i == 4 ? "Director of Transformation" : ""),\(i % 4 + 1),\(i % 3 + 1)\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let draft = try MappingDraft(export: path).text
        #expect(draft.contains("  \"Status\": \"Survey Preview\"  # check: Qualtrics' previews (1 row)"), "\(draft)")
        #expect(draft.contains("wave: \"2015-12\""))
        #expect(draft.contains("devolved_pm_fte: \"Divisional project managers (WTE)\""), "\(draft)")
        #expect(draft.contains("# \"Deputy Chief Executive\": ?  # check: no guess"), "\(draft)")
        #expect(!draft.contains("\"Deputy Chief Executive\": Chief Executive"))
        #expect(draft.contains("# \"Director of Transformation\": ?  # check: typed in the Other box (1 answer); left as it is, it counts as Other"))
        #expect(!draft.contains("Q3_6_TEXT"), "the typed Other is part of the question, not a column of its own")
    }
}
