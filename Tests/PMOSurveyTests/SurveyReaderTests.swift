import Hashing
import Foundation
import Testing
@testable import PMOSurvey

@Suite struct SurveyReaderTests {
    let header = Fixtures.header

    @Test func readsAValidRowWithEveryType() throws {
        let survey = try Fixtures.read(header + "R1,2015-12,27/05/2015,r1j,Gloucestershire Hospitals,Acute Trust,\"7,800\",Central and devolved,12.5,IT; cip;Digital,Business cases;Training,Chief Executive,Y\n")
        let r = try #require(survey.responses.first)
        #expect(r.line == 2)
        #expect(r.trustCode == "R1J")
        #expect(r.sector == .acute)
        #expect(r.model == .hybrid)
        #expect(r.staffHeadcount == 7800)
        #expect(r.centralFTE == 12.5)
        #expect(r.projectTypes.items == [.it, .financial])
        #expect(r.services.items == [.businessCases, .training])
        #expect(r.reportsTo == .chiefExecutive)
        #expect(r.shareConsent)
        #expect(r.submitted == SurveyDate(year: 2015, month: 5, day: 27))
        #expect(r.trustSize == .large)
        #expect(r.pmoSize == .medium)
        #expect(abs(r.ftePer1000Staff! - 12.5 / 7.8) < 1e-12)
        #expect(survey.counts == ResponseCounts(rows: 1, valid: 1, rejected: 0, superseded: 0))
    }

    @Test func headerIgnoresCaseOrderSpacesAndUnknownColumns() throws {
        let survey = try Fixtures.read(" PMO Model ,Sector,Favourite Colour,Trust Name,RESPONSE_ID\r\nnone,MH,blue,Trust A,X1\r\n")
        #expect(survey.responses.first?.model == PMOModel.none)
        #expect(survey.responses.first?.sector == .mentalHealth)
        #expect(survey.findings.contains { $0.severity == .info && $0.message.contains("Favourite Colour") })
    }

    @Test(arguments: [
        ("Acute", Sector.acute), ("acute trust", .acute), ("Mental health", .mentalHealth), ("MH", .mentalHealth),
        ("Community Trust", .community), ("AMBULANCE", .ambulance), ("Specialist", .specialist),
        ("Acute and Community", .combined), ("Mental Health and Community", .combined), ("Combined", .combined),
    ])
    func sectorAliases(text: String, sector: Sector) throws {
        let survey = try Fixtures.read("response_id,trust_name,sector,pmo_model\n1,T,\(text),none\n")
        #expect(survey.responses.first?.sector == sector)
    }

    @Test(arguments: [
        ("central", PMOModel.central), ("Central PMO", .central), ("Hybrid", .hybrid),
        ("Central and devolved", .hybrid), ("Devolved", .devolved), ("devolved project managers", .devolved),
        ("None", PMOModel.none), ("No PMO", PMOModel.none),
    ])
    func modelAliases(text: String, model: PMOModel) throws {
        let survey = try Fixtures.read("response_id,trust_name,sector,pmo_model\n1,T,Acute,\(text)\n")
        #expect(survey.responses.first?.model == model)
    }

    @Test func projectTypeAliasesAndUnknownAsOther() throws {
        let survey = try Fixtures.read("response_id,trust_name,sector,pmo_model,project_types\n1,T,Acute,devolved,IT/Digital;Cost improvement;Research\n")
        let r = try #require(survey.responses.first)
        #expect(r.projectTypes.items == [.it, .financial, .other])
        #expect(survey.findings(line: 2).map(\.severity) == [.warning])
    }

    @Test func byteOrderMarkAndCRLF() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("response_id,trust_name,sector,pmo_model\r\n1,Zoë Trust,Acute,none\r\n".utf8)
        let survey = try SurveyReader(currentYear: 2026).read(path: Fixtures.file(bytes))
        #expect(survey.source.encoding == .utf8WithBOM)
        #expect(survey.responses.first?.trustName == "Zoë Trust")
        #expect(survey.responses.first?.responseID == "1")
    }

    @Test func windows1252Fallback() throws {
        // "£5m" and "Zoë" as Excel's UK "CSV (Comma delimited)" writes them.
        let bytes = Array("response_id,trust_name,sector,pmo_model,comments\n1,Zo".utf8) + [0xEB]
            + Array(" Trust,Acute,none,saved ".utf8) + [0xA3] + Array("5m ".utf8) + [0x96] + Array(" CIP\n".utf8)
        let survey = try SurveyReader(currentYear: 2026).read(path: Fixtures.file(bytes))
        #expect(survey.source.encoding == .windows1252)
        #expect(survey.responses.first?.trustName == "Zoë Trust")
        #expect(survey.responses.first?.comments == "saved £5m – CIP")
        #expect(survey.findings.contains { $0.severity == .info && $0.message.contains("Windows-1252") })
    }

    @Test func quotedCommasAndLineBreaksInComments() throws {
        let survey = try Fixtures.read("response_id,trust_name,sector,pmo_model,comments\n1,T,Acute,none,\"one, two\r\n\"\"three\"\"\"\n2,U,Acute,none,x\n")
        #expect(survey.responses.map(\.comments) == ["one, two\n\"three\"", "x"])
        #expect(survey.responses.map(\.line) == [2, 4])
    }

    @Test func datesISOAndUKAccepted() throws {
        let survey = try Fixtures.read("response_id,trust_name,sector,pmo_model,submitted\n1,A,Acute,none,2015-05-27\n2,B,Acute,none,27/05/2015\n3,C,Acute,none,7/5/2015\n4,D,Acute,none,2015-05-27 14:03:09\n")
        #expect(survey.responses.map(\.submitted?.description) == ["2015-05-27", "2015-05-27", "2015-05-07", "2015-05-27T14:03:09"])
    }

    /// Every rejection reason of contract section 3, each on its own line.
    @Test func everyRejectionReasonNamesLineAndColumn() throws {
        let text = header + """
            ok,w,2015-01-01,RAA,Trust OK,Acute,4000,central,3,IT,Training,Finance,yes
            ,w,,,Trust A,Acute,,none,,,,,
            r3,w,,,,Acute,,none,,,,,
            r4,w,,,Trust C,Hospital,,none,,,,,
            r5,w,,,Trust D,Acute,,,,,,,
            r6,w,,,Trust E,Acute,,Outsourced,,,,,
            r7,w,,,Trust F,Acute,,central,-2,,,,
            r8,w,,,Trust G,Acute,,central,lots,,,,
            r9,w,,,Trust H,Acute,0,central,,,,,
            r10,w,31/02/2015,,Trust I,Acute,,none,,,,,
            r11,w,,,Trust J,Acute,,central,1,,Knitting,,
            r12,w,,,Trust K,Acute,,central,1,,,Board,
            ok,w,,,Trust L,Acute,,none,,,,,
            r14,w,,R1,Trust M,Acute,,none,,,,,
            r15,w,,,Trust N,Acute,,none,,,,,maybe
            r16,w,,,Trust O,Acute,,central,"1,5",,,,
            r17,w,5/27/2015,,Trust P,Acute,,none,,,,,
            r18,w,2015-5-7,,Trust Q,Acute,,none,,,,,

            """
        let survey = try Fixtures.read(text)
        let expected: [(Int, String)] = [
            (3, "response_id"), (4, "trust_name"), (5, "sector"), (6, "pmo_model"), (7, "pmo_model"),
            (8, "central_pmo_fte"), (9, "central_pmo_fte"), (10, "staff_headcount"), (11, "submitted"),
            (12, "pmo_services"), (13, "reports_to"), (14, "response_id"), (15, "trust_code"),
            (16, "share_consent"), (17, "central_pmo_fte"), (18, "submitted"), (19, "submitted"),
        ]
        for (line, column) in expected {
            let errors = survey.findings(line: line).filter { $0.severity == .error }
            #expect(errors.map(\.column) == [column], "line \(line)")
        }
        #expect(survey.responses.map(\.line) == [2])
        #expect(survey.counts == ResponseCounts(rows: 18, valid: 1, rejected: 17, superseded: 0))
        #expect(survey.findings(line: 14).first?.message.contains("line 2") == true)
        #expect(survey.findings(line: 17).first?.message.contains("decimal point") == true)
    }

    @Test func consistencyWarningsKeepTheRow() throws {
        let survey = try Fixtures.read("response_id,trust_name,sector,pmo_model,central_pmo_fte\n1,A,Acute,none,3\n2,B,Acute,central,\n3,C,Acute,hybrid,0\n4,D,Acute,devolved,0\n")
        #expect(survey.counts.valid == 4)
        #expect(survey.findings.filter { $0.severity == .warning }.map(\.line) == [2, 3, 4])
    }

    @Test func latestAnswerPerTrustPerWaveWins() throws {
        let text = "response_id,wave,submitted,trust_code,trust_name,sector,pmo_model\n"
            + "a,2015,2015-06-01,RX1,First,Acute,none\n"
            + "b,2015,2015-06-09,,Second Trust,Acute,none\n"
            + "c,2015,2015-06-03,rx1,First renamed,Acute,central\n"
            + "d,2015,2015-06-09,,second  trust,Acute,hybrid\n"
            + "e,2014,2014-06-01,RX1,First,Acute,devolved\n"
        let survey = try Fixtures.read(text)
        #expect(survey.responses.map(\.responseID) == ["c", "d", "e"])
        #expect(survey.counts == ResponseCounts(rows: 5, valid: 3, rejected: 0, superseded: 2))
        let superseded = survey.findings.filter { $0.severity == .superseded }
        #expect(superseded.map(\.line) == [2, 3])
        #expect(superseded[0].message.contains("line 4"))
        #expect(survey.waves.map(\.label) == ["2014", "2015"])
    }

    @Test func wavesOrderedByEarliestDateThenLabel() throws {
        let text = "response_id,wave,submitted,trust_name,sector,pmo_model\n"
            + "1,Winter 2014,2014-12-01,A,Acute,none\n2,Summer 2015,2015-06-01,A,Acute,none\n"
            + "3,Autumn 2013,2013-10-01,A,Acute,none\n4,Undated,,A,Acute,none\n"
        #expect(try Fixtures.read(text).waves.map(\.label) == ["Autumn 2013", "Winter 2014", "Summer 2015", "Undated"])
    }

    @Test func blankAndCommaOnlyLinesAreNotRecords() throws {
        let survey = try Fixtures.read("response_id,trust_name,sector,pmo_model\n\n1,A,Acute,none\n,,,\n2,B,Acute,none\n")
        #expect(survey.counts.rows == 2)
        #expect(survey.responses.map(\.line) == [3, 5])
    }

    @Test func raggedRows() throws {
        let survey = try Fixtures.read("response_id,trust_name,sector,pmo_model,comments\n1,A,Acute,none\n2,B,Acute,none,c,extra\n3,C,Acute,none,c,\n")
        #expect(survey.responses.map(\.responseID) == ["1", "3"])
        #expect(survey.findings(line: 2).map(\.severity) == [.warning])
        #expect(survey.findings(line: 3).map(\.severity) == [.error])
    }

    @Test func sizeBandsUseConfiguredBounds() throws {
        let text = "response_id,trust_name,sector,pmo_model,staff_headcount,central_pmo_fte\n"
            + "1,A,Acute,central,2999,4.9\n2,B,Acute,central,3000,5\n3,C,Acute,hybrid,5999,14.9\n"
            + "4,D,Acute,central,6000,15\n5,E,Acute,hybrid,,\n6,F,Acute,devolved,100,\n"
        let survey = try Fixtures.read(text)
        #expect(survey.responses.map(\.trustSize) == [.small, .medium, .medium, .large, .unknown, .small])
        #expect(survey.responses.map(\.pmoSize) == [.small, .medium, .medium, .large, .unknown, .noCentralPMO])
        var bounds = SizeBounds.standard
        bounds.largeTrustFrom = 5000
        #expect(try Fixtures.read(text, bounds: bounds).responses[2].trustSize == .large)
    }

    @Test func personalDataIsNeverKept() throws {
        let survey = try Fixtures.read("response_id,trust_name,sector,pmo_model,respondent_name,respondent_email,respondent_role\n1,A,Acute,none,Jane Doe,jane.doe@nhs.net,Head of PMO\n")
        let dump = "\(survey.responses)\(survey.findings)"
        #expect(!dump.contains("Jane"))
        #expect(!dump.contains("jane.doe"))
        #expect(!dump.contains("Head of PMO"))
    }

    // MARK: Unusable files

    @Test func missingFile() {
        #expect {
            try SurveyReader(currentYear: 2026).read(path: "/nonexistent/survey.csv")
        } throws: { error in
            guard let e = error as? SurveyFileError else { return false }
            return e.isUnreadable && e.description.contains("survey.csv") && e.description.contains("no such file")
        }
    }

    @Test(arguments: [
        ("", "empty"),
        ("\n\n", "empty"),
        ("response_id,trust_name,sector\n1,A,Acute\n", "pmo_model"),
        ("response_id;trust_name;sector;pmo_model\n1;A;Acute;none\n", "semicolon-separated"),
        ("sep=;\nresponse_id;trust_name;sector;pmo_model\n", "semicolon-separated"),
        ("response_id,trust_name,sector,pmo_model\n", "no responses"),
        ("response_id,trust_name,sector,pmo_model\n1,A,Nowhere,none\n", "none of the 1 responses"),
        ("response_id,Trust Name,trust_name,sector,pmo_model\n", "trust_name more than once"),
    ])
    func unusableFiles(text: String, expected: String) {
        #expect {
            try Fixtures.read(text)
        } throws: { error in
            guard let e = error as? SurveyFileError else { return false }
            return !e.isUnreadable && e.description.contains("survey.csv") && e.description.contains(expected)
        }
    }

    @Test func excelSeparatorHintIsSkipped() throws {
        let survey = try Fixtures.read("sep=,\nresponse_id,trust_name,sector,pmo_model\n1,A,Acute,none\n")
        #expect(survey.responses.first?.line == 3)
    }

    @Test(arguments: [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], "PNG"),
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0], "ZIP"),
        ([0xFF, 0xFE, 0x72, 0x00], "UTF-16"),
        ([0x72, 0x00, 0x65, 0x00, 0x73, 0x00, 0x0A, 0x00], "UTF-16"),
        ([0x61, 0x2C, 0x00, 0x62, 0x0A, 0x31, 0x2C, 0x32, 0x0A, 0x33, 0x2C, 0x34, 0x0A], "NUL"),
    ] as [([UInt8], String)])
    func notCSV(bytes: [UInt8], expected: String) {
        #expect {
            try SurveyReader(currentYear: 2026).read(path: Fixtures.file(bytes))
        } throws: { error in
            (error as? SurveyFileError)?.description.contains(expected) == true
        }
    }

    @Test func sourceFingerprint() throws {
        let text = "response_id,trust_name,sector,pmo_model\n1,A,Acute,none\n"
        let survey = try Fixtures.read(text)
        #expect(survey.source.sha256 == SHA256.hex(text))
        #expect(survey.source.byteCount == text.utf8.count)
        #expect(survey.source.fileName == "survey.csv")
    }
}
