import Foundation
import PMOSurvey
import SurveyImport
import TestSupport
import Testing

/// What the first real import showed (issue 22), each on an export written by hand as the tool
/// writes it: typed Other answers, blank trailing cells of a workbook, numbers in words, and
/// findings that name their file, sheet and row.
@Suite struct FirstImportTests {
    func read(_ text: String, name: String = "export.csv", mapping: String) throws -> Survey {
        let folder = ScratchFolder.make("first-import")
        try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        try mapping.write(toFile: folder + "/map.yaml", atomically: true, encoding: .utf8)
        return try SurveyReader(currentYear: 2026).read(inputs: [.export(path: folder + "/" + name, mapping: try Mapping.load(path: folder + "/map.yaml"))])
    }

    static let monkey = """
        Respondent ID,Collector ID,Start Date,End Date,Organisation,Model,,Reports to,
        ,,,,Open-Ended Response,Response,Other (please specify),Response,Other (please specify)
        1,9,12/01/2015 09:00,12/01/2015 10:00,A Trust,Central PMO,,Finance,
        2,9,12/01/2015 09:00,12/01/2015 10:00,B Trust,,Shared team with the CCG,,Director of Transformation
        3,9,12/01/2015 09:00,12/01/2015 10:00,C Trust,Other (please specify),Central team plus divisions,Other (please specify),Finance
        4,9,12/01/2015 09:00,12/01/2015 10:00,D Trust,devolved,typed but not chosen,Strategy,

        """

    /// SurveyMonkey: the Other box's text is the answer when the choice is Other or empty.
    @Test func surveyMonkeyOtherBoxHoldsTheAnswer() throws {
        let mapping = """
            source: surveymonkey
            wave: "2015-12"
            fields:
              response_id: Respondent ID
              trust_name: Organisation
              sector: {question: Organisation, values: {"A Trust": Acute, "B Trust": Acute, "C Trust": Acute, "D Trust": Acute}}
              pmo_model:
                question: Model
                values: {"Shared team with the CCG": central, "Central team plus divisions": hybrid}
              reports_to: Reports to
            """
        let survey = try read(Self.monkey, mapping: mapping)
        #expect(survey.counts == ResponseCounts(rows: 4, valid: 4, rejected: 0, superseded: 0))
        #expect(survey.responses.map(\.model) == [.central, .central, .hybrid, .devolved])
        #expect(survey.responses.map(\.reportsTo) == [.finance, .other, .finance, .strategy],
                "typed text with no entry: the canonical Other; a typed canonical value: itself; a choice wins over a stray text")
        #expect(!survey.findings.contains { $0.severity == .error })
        #expect(survey.findings.contains { $0.message.contains(": 3 columns no field names are ignored") },
                "the Other boxes are read, not counted as ignored")

        // Without the entry, the typed model is an error that names it and the entry that fixes it.
        let unmapped = try read(Self.monkey, mapping: mapping.replacingOccurrences(of: "\"Shared team with the CCG\": central, ", with: ""))
        let error = try #require(unmapped.findings.first { $0.severity == .error })
        #expect(error.line == 4 && error.column == "pmo_model")
        #expect(error.message.contains("\"Shared team with the CCG\""))
        #expect(error.message.contains("add under `fields.pmo_model.values`: \"Shared team with the CCG\": <one of central, hybrid, devolved, none>"))
    }

    /// Qualtrics: `Q3_4_TEXT` beside the choice `Q3` is read the same way.
    @Test func qualtricsTextColumnBesideAChoice() throws {
        let text = """
            StartDate,EndDate,Status,ResponseId,Q1,Q2,Q2_4_TEXT
            Start Date,End Date,Response Type,Response ID,Organisation,How are projects delivered? - Selected Choice,How are projects delivered? - Other - Text
            "{""ImportId"":""startDate""}","{""ImportId"":""endDate""}","{""ImportId"":""status""}","{""ImportId"":""_recordId""}","{""ImportId"":""QID1""}","{""ImportId"":""QID2""}","{""ImportId"":""QID2_4_TEXT""}"
            2015-12-01 09:00:00,2015-12-01 10:00:00,IP Address,R_1,A Trust,Central PMO,
            2015-12-01 09:00:00,2015-12-01 10:00:00,IP Address,R_2,B Trust,Other,Our own words

            """
        let survey = try read(text, mapping: """
            source: qualtrics
            wave: "2015-12"
            fields:
              response_id: ResponseId
              trust_name: Q1
              sector: {question: Q1, values: {"A Trust": Acute, "B Trust": Acute}}
              pmo_model: {question: "How are projects delivered?", values: {"Our own words": devolved}}
            """)
        #expect(survey.responses.map(\.model) == [.central, .devolved])
    }

    /// A workbook stores no cell for blank trailing answers: such a row is not ragged.
    @Test func workbookRowsWithBlankTrailingAnswersGetNoWarning() throws {
        let folder = ScratchFolder.make("trailing")
        let (forms, _) = try TrialExports.write(into: folder)
        try """
            source: ms-forms
            wave: "2014-12"
            fields:
              response_id: ID
              trust_name: "Which NHS organisation do you work for?"
              sector: {question: "What type of trust is it?", values: {"Community trust": Community, "Acute hospital trust": Acute, "Mental health trust": Mental Health, "Acute and community": Combined, "Ambulance trust": Ambulance}}
              pmo_model: "How are projects delivered in your trust?"
              reports_to: {question: "To whom does the PMO report?", values: {"Finance Director": Finance, "Director of Strategy": Strategy, "Chief Operating Officer": Operations, "Medical Director": Clinical, "Deputy Chief Executive": Other}}
              comments: Anything else you would like to tell us?
            """.write(toFile: folder + "/m.yaml", atomically: true, encoding: .utf8)
        let survey = try SurveyReader(currentYear: 2026).read(inputs: [.export(path: forms, mapping: try Mapping.load(path: folder + "/m.yaml"))])
        #expect(survey.counts.rows == 118 && survey.counts.rejected == 0)
        #expect(!survey.findings.contains { $0.message.contains("values but the header") })
    }

    /// FTE typed in words: the finding offers the `values:` entry (a number to check, or `""`).
    @Test func numbersInWordsGetAFixHint() throws {
        let survey = try read("""
            ID,Trust,Sector,Model,FTE
            1,A,Acute,central,approx 3
            2,B,Acute,central,not sure
            3,C,Acute,central,2.5 WTE

            """, mapping: "source: csv\nwave: W\nfields:\n  response_id: ID\n  trust_name: Trust\n  sector: Sector\n  pmo_model: Model\n  central_pmo_fte: FTE\n")
        let errors = survey.findings.filter { $0.severity == .error }.map(\.message)
        #expect(errors.count == 2)
        #expect(errors[0].hasSuffix("add under `fields.central_pmo_fte.values`: \"approx 3\": \"3\" (a guess; check it)"), "\(errors[0])")
        #expect(errors[1].hasSuffix("add under `fields.central_pmo_fte.values`: \"not sure\": \"\""), "\(errors[1])")
        #expect(survey.responses.map(\.centralFTE) == [2.5])
    }

    /// A workbook's findings say "row N (sheet S)", and a duplicate ID points at a row too.
    @Test func workbookFindingsNameSheetAndRow() {
        let finding = Finding(file: "forms.xlsx, sheet Form1", line: 74, responseID: "7", column: "sector", severity: .error, message: "x")
        #expect(finding.description == "forms.xlsx, row 74 (sheet Form1), column sector (response 7): error: x")
        #expect(Finding(file: "a.csv", line: 3, responseID: nil, column: nil, severity: .info, message: "x").description == "a.csv, line 3: info: x")
        #expect(Finding.recordWord("forms.xlsx, sheet Form1") == "row" && Finding.recordWord("a.csv") == "line")
    }
}
