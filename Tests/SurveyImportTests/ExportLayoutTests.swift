import Foundation
import PMOSurvey
import SurveyImport
import TestSupport
import Testing

/// Hand-made exports in each tool's less common shapes: older SurveyMonkey names in Windows-1252
/// with CRLF, waves from a column, list values of `exclude_when`, a `separator:` override, `""`
/// targets, Forms re-saved as CSV with a repeated title.
@Suite struct ExportLayoutTests {
    func read(_ export: [UInt8], name: String = "export.csv", mapping: String) throws -> Survey {
        let folder = ScratchFolder.make("layout")
        try Data(export).write(to: URL(fileURLWithPath: folder + "/" + name))
        try mapping.write(toFile: folder + "/map.yaml", atomically: true, encoding: .utf8)
        return try SurveyReader(currentYear: 2026).read(inputs: [.export(path: folder + "/" + name, mapping: try Mapping.load(path: folder + "/map.yaml"))])
    }

    /// Older SurveyMonkey names (`RespondentID`, `EndDate`), saved by Excel as Windows-1252.
    @Test func olderSurveyMonkeyInWindows1252() throws {
        let text = "RespondentID,CollectorID,StartDate,EndDate,IP Address,Email Address,Survey round,Organisation,Type,Model,Which services?,,,Other\r\n"
            + ",,,,,,Response,Open-Ended Response,Response,Response,Portfolio reporting,Training and coaching,Other (please specify),\r\n"
            + "1,2,05/27/2015 09:00:00 AM,05/27/2015 10:03:21 AM,10.0.0.1,x@y.nhs.uk,Winter 2015,Caf\u{E9} Trust,Acute,central,Portfolio reporting,,,\r\n"
            + "2,2,05/28/2015 09:00:00 AM,05/28/2015 10:03:21 PM,10.0.0.2,z@y.nhs.uk,Winter 2015,Other Trust,Test,none,,Training and coaching,,\r\n"
            + "3,2,05/29/2015 09:00:00 AM,5/29/15 9:03 PM,10.0.0.3,w@y.nhs.uk,Winter 2016,Third Trust,Acute,devolved,,,Benefits,\r\n"
        let bytes = text.unicodeScalars.map { UInt8($0.value) }
        let survey = try read(bytes, mapping: """
            source: surveymonkey
            wave_from: Survey round
            exclude_when:
              Type: [Test, Preview]
            fields:
              response_id: RespondentID
              submitted: EndDate
              trust_name: Organisation
              sector: Type
              pmo_model: Model
              pmo_services:
                question: Which services?
                values: {"Training and coaching": Training, "Other (please specify)": ""}
            """)
        #expect(survey.source.encoding == .windows1252)
        #expect(survey.counts == ResponseCounts(rows: 2, valid: 2, rejected: 0, superseded: 0))
        #expect(survey.responses.map(\.trustName) == ["Café Trust", "Third Trust"])
        #expect(survey.responses.map(\.wave) == ["Winter 2015", "Winter 2016"])
        #expect(survey.responses.map { $0.submitted?.description } == ["2015-05-27T10:03:21", "2015-05-29T21:03:00"])
        #expect(survey.responses[0].services == Selection([.portfolioReporting]))
        #expect(survey.responses[1].services.isEmpty, "\"\" means not answered")
        #expect(survey.findings.contains { $0.message == "left out: \"Type\" is \"Test\" (exclude_when)" && $0.line == 4 })
        #expect(!survey.findings.contains { $0.message.contains("@") || $0.message.contains("10.0.0") })
    }

    /// Microsoft Forms re-saved as CSV: a trailing `;`, a repeated title numbered `When2`, text dates.
    @Test func formsResavedAsCSV() throws {
        let text = """
            \u{FEFF}ID,Start time,Completion time,Email,Name,When,When2,Trust,Sector,Model,Kinds of project,FTE
            1,27/05/2015 10:00,27/05/2015 10:03,a@b.nhs.uk,Ann,2014,2015,A Trust,Acute,central,IT / digital;Quality;,3.5 WTE
            2,28/05/2015 10:00,28/05/2015 10:03,c@d.nhs.uk,Cy,2014,2015,B Trust,Acute,hybrid,Estates | Workforce;,4fte

            """
        let survey = try read(Array(text.utf8), mapping: """
            source: ms-forms
            wave: "2015"
            fields:
              response_id: ID
              submitted: Completion time
              trust_name: Trust
              sector: Sector
              pmo_model: Model
              established: When2
              central_pmo_fte: FTE
              project_types:
                question: Kinds of project
                values: {"IT / digital": IT}
            """)
        #expect(survey.counts.valid == 2)
        #expect(survey.responses.map(\.established) == [2015, 2015])
        #expect(survey.responses.map(\.centralFTE) == [3.5, 4])
        #expect(survey.responses[0].projectTypes == Selection([.it, .quality]))
        #expect(survey.responses[1].projectTypes == Selection([.other]), "\"Estates | Workforce\" is no option: kept as Other with a warning")
        #expect(survey.responses.map { $0.submitted?.description } == ["2015-05-27T10:03:00", "2015-05-28T10:03:00"])
        // With `separator:`, the same cell is two options.
        let split = try read(Array(text.utf8), mapping: """
            source: ms-forms
            fields:
              trust_name: Trust
              sector: Sector
              pmo_model: Model
              project_types: {question: Kinds of project, separator: "|", values: {"IT / digital;Quality;": ""}}
            """)
        #expect(split.responses[1].projectTypes == Selection([.estates, .workforce]))
    }

    /// SurveyMonkey's .xlsx download reads like its CSV: the sample export re-saved by openpyxl.
    @Test func surveyMonkeyAsWorkbook() throws {
        let csv = try ImportFixtures.exports(.surveyMonkey)[1]
        let xlsx = ScratchFolder.make("monkey") + "/responses.xlsx"
        try XlsxReadingTests().python("""
            import csv, sys, openpyxl
            wb = openpyxl.Workbook(); ws = wb.active
            with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:
                for row in csv.reader(f): ws.append([c if c != '' else None for c in row])
            wb.save(sys.argv[2])
            """, [csv, xlsx])
        let mapping = try ImportFixtures.mapping("2015-12", .surveyMonkey)
        let fromCSV = try ImportFixtures.reader().read(inputs: [.export(path: csv, mapping: mapping)])
        let fromXlsx = try ImportFixtures.reader().read(inputs: [.export(path: xlsx, mapping: mapping)])
        #expect(fromXlsx.source.encoding == .workbook)
        try ImportFixtures.expectSameFigures(fromXlsx, as: fromCSV)
    }

    /// An ID twice within one export rejects the later row; the same ID in another export does not.
    @Test func responseIDsDuplicatedWithinAnExport() throws {
        let folder = ScratchFolder.make("ids")
        let mapping = "source: csv\nwave: W\nfields:\n  response_id: ID\n  trust_name: Trust\n  sector: Sector\n  pmo_model: Model\n"
        try mapping.write(toFile: folder + "/a.yaml", atomically: true, encoding: .utf8)
        try mapping.replacingOccurrences(of: "wave: W", with: "wave: V").write(toFile: folder + "/b.yaml", atomically: true, encoding: .utf8)
        try "ID,Trust,Sector,Model\n1,A,Acute,none\n1,B,Acute,none\n".write(toFile: folder + "/a.csv", atomically: true, encoding: .utf8)
        try "ID,Trust,Sector,Model\n1,C,Acute,none\n".write(toFile: folder + "/b.csv", atomically: true, encoding: .utf8)
        let survey = try SurveyReader(currentYear: 2026).read(inputs: [
            .export(path: folder + "/a.csv", mapping: try Mapping.load(path: folder + "/a.yaml")),
            .export(path: folder + "/b.csv", mapping: try Mapping.load(path: folder + "/b.yaml")),
        ])
        #expect(survey.counts == ResponseCounts(rows: 3, valid: 2, rejected: 1, superseded: 0))
        #expect(survey.responses.map(\.trustName) == ["A", "C"])
        let duplicate = try #require(survey.findings.first { $0.severity == .error })
        #expect(duplicate.file == "a.csv" && duplicate.line == 3 && duplicate.message == "response_id \"1\" is already used on line 2")
    }

    /// Two exports of one round (e.g. two collectors): a trust's answer in the later input wins a
    /// tie, and the finding names both files.
    @Test func supersededAcrossExports() throws {
        let folder = ScratchFolder.make("twice")
        try "source: csv\nwave: W\nfields:\n  submitted: Date\n  trust_name: Trust\n  sector: Sector\n  pmo_model: Model\n"
            .write(toFile: folder + "/m.yaml", atomically: true, encoding: .utf8)
        try "Date,Trust,Sector,Model\n02/01/2015,A Trust,Acute,none\n03/01/2015,B Trust,Acute,none\n".write(toFile: folder + "/a.csv", atomically: true, encoding: .utf8)
        try "Date,Trust,Sector,Model\n02/01/2015,a  trust,Acute,central\n01/01/2015,B Trust,Acute,central\n".write(toFile: folder + "/b.csv", atomically: true, encoding: .utf8)
        let mapping = try Mapping.load(path: folder + "/m.yaml")
        let survey = try SurveyReader(currentYear: 2026).read(inputs: [.export(path: folder + "/a.csv", mapping: mapping),
                                                                       .export(path: folder + "/b.csv", mapping: mapping)])
        #expect(survey.counts == ResponseCounts(rows: 4, valid: 2, rejected: 0, superseded: 2))
        #expect(survey.responses.map(\.model) == [.central, .none], "A: the tie goes to the later input; B: the later date")
        let superseded = survey.findings.filter { $0.severity == .superseded }
        #expect(superseded.map(\.file) == ["a.csv", "b.csv"])
        #expect(superseded[0].message.hasSuffix("on b.csv, line 2") && superseded[1].message.hasSuffix("on a.csv, line 3"))
    }
}
