import Testing
@testable import PMOSurvey

/// A small survey whose every figure was worked out by hand (see the comments in `text`).
@Suite struct AnalysisTests {
    static let text = """
        response_id,wave,submitted,trust_name,sector,staff_headcount,pmo_model,central_pmo_fte,project_types,pmo_services,reports_to
        1,2015,2015-06-01,A1,Acute,8000,central,20,IT;Financial,Portfolio reporting,Finance
        2,2015,2015-06-02,A2,Acute,4000,hybrid,6,IT;Quality,Portfolio reporting;Training,Chief Executive
        3,2015,2015-06-03,A3,Acute,2000,hybrid,2,Transformation,,Finance
        4,2015,2015-06-04,A4,Acute,,devolved,,IT,,Operations
        5,2015,2015-06-05,M1,Mental Health,3500,central,4,Quality,Training,
        6,2015,2015-06-06,M2,Mental Health,2500,none,,IT,,
        7,2015,2015-06-07,M3,Mental Health,5000,hybrid,,IT;Quality,,
        8,2015,2015-06-08,B1,Ambulance,6000,central,10,Financial,Business cases,Finance
        9,2014,2014-06-01,A1,Acute,8000,none,,,,
        10,2014,2014-06-02,A2,Acute,4000,central,5,,,
        11,2014,2014-06-03,M1,Mental Health,3500,devolved,,,,

        """

    let analysis: Analysis

    init() throws {
        analysis = Analysis(survey: try Fixtures.read(Self.text))
    }

    func counts(_ table: ShareTable) -> [String: [Int]] {
        Dictionary(uniqueKeysWithValues: table.groups.map { g in (g.label, g.shares.map(\.count)) })
    }

    func bases(_ table: ShareTable) -> [String] { table.groups.map { "\($0.label)=\($0.base)" } }

    @Test func latestWaveOnly() {
        #expect(analysis.latest.count == 8)
        #expect(analysis.survey.waves.map(\.label) == ["2014", "2015"])
    }

    @Test func modelBySector() {
        let t = analysis.modelBySector
        #expect(t.categories == ["central", "hybrid", "devolved", "none"])
        #expect(bases(t) == ["Acute=4", "Mental Health=3", "Ambulance=1", "All trusts=8"])
        #expect(counts(t) == ["Acute": [1, 2, 1, 0], "Mental Health": [1, 1, 0, 1], "Ambulance": [1, 0, 0, 0],
                              "All trusts": [3, 3, 1, 1]])
        #expect(t.share(group: "Acute", category: "hybrid")?.value == 0.5)
        #expect(t.records.count == 16)
    }

    @Test func modelBySize() {
        let t = analysis.modelBySize
        #expect(bases(t) == ["Small=2", "Medium=3", "Large=2", "Unknown=1", "All trusts=8"])
        #expect(counts(t) == ["Small": [0, 1, 0, 1], "Medium": [1, 2, 0, 0], "Large": [2, 0, 0, 0],
                              "Unknown": [0, 0, 1, 0], "All trusts": [3, 3, 1, 1]])
    }

    @Test func pmoSizeBySector() {
        let t = analysis.pmoSizeBySector
        #expect(t.categories == ["Small", "Medium", "Large", "Unknown", "No central PMO"])
        #expect(counts(t) == ["Acute": [1, 1, 1, 0, 1], "Mental Health": [1, 0, 0, 1, 1], "Ambulance": [0, 1, 0, 0, 0],
                              "All trusts": [2, 2, 1, 1, 2]])
    }

    @Test func fteBySector() throws {
        let t = analysis.fteBySector
        #expect(t.groups.map(\.label) == ["Acute", "Mental Health", "Ambulance", "All trusts"])
        let acute = t.groups[0]
        #expect(acute.summary.n == 3)
        #expect(abs(acute.summary.mean - 28.0 / 3) < 1e-12)
        #expect([acute.summary.min, acute.summary.q1, acute.summary.median, acute.summary.q3, acute.summary.max] == [2, 4, 6, 13, 20])
        #expect(acute.medianPer1000Staff == 1.5)
        #expect(abs(try #require(t.groups[1].medianPer1000Staff) - 4.0 / 3.5) < 1e-12)
        let all = t.groups[3].summary
        #expect([Double(all.n), all.mean, all.q1, all.median, all.q3] == [5, 8.4, 4, 6, 10])
        #expect(t.groups[3].medianPer1000Staff == 1.5)
    }

    @Test func fteBySizeLeavesOutGroupsWithoutFTE() {
        let t = analysis.fteBySize
        #expect(t.groups.map(\.label) == ["Small", "Medium", "Large", "All trusts"])
        let medium = t.groups[1]
        #expect([medium.summary.q1, medium.summary.median, medium.summary.q3] == [4.5, 5, 5.5])
        #expect(abs(medium.medianPer1000Staff! - (4.0 / 3.5 + 1.5) / 2) < 1e-12)
        #expect([t.groups[2].summary.q1, t.groups[2].summary.median, t.groups[2].summary.q3] == [12.5, 15, 17.5])
    }

    @Test func projectTypesExcludeModelNone() {
        let t = analysis.projectTypesBySector
        #expect(t.multipleChoice)
        #expect(bases(t) == ["Acute=4", "Mental Health=2", "Ambulance=1", "All trusts=7"])
        #expect(counts(t)["Acute"] == [3, 1, 1, 1, 0, 0, 0, 0])
        #expect(counts(t)["Mental Health"] == [1, 2, 0, 0, 0, 0, 0, 0])
        #expect(counts(t)["All trusts"] == [4, 3, 1, 2, 0, 0, 0, 0])
        #expect(t.share(group: "Acute", category: "IT")?.value == 0.75)
    }

    @Test func servicesBaseIsThoseWhoAnswered() {
        let t = analysis.servicesBySector
        #expect(bases(t) == ["Acute=2", "Mental Health=1", "Ambulance=1", "All trusts=4"])
        #expect(counts(t)["All trusts"] == [2, 1, 0, 0, 0, 0, 2, 0])
    }

    @Test func reportingLineLeavesOutGroupsThatDidNotAnswer() {
        let t = analysis.reportingLine
        #expect(bases(t) == ["Acute=4", "Ambulance=1", "All trusts=5"])
        #expect(counts(t)["All trusts"] == [1, 3, 0, 1, 0, 0])
    }

    @Test func modelByWave() throws {
        let t = try #require(analysis.modelByWave)
        #expect(bases(t) == ["2014=3", "2015=8"])
        #expect(counts(t)["2014"] == [1, 0, 1, 1])
    }

    @Test func oneWaveHasNoWaveTable() throws {
        let single = Analysis(survey: try Fixtures.read("response_id,trust_name,sector,pmo_model\n1,A,Acute,none\n"))
        #expect(single.modelByWave == nil)
        #expect(single.survey.latestWave.displayLabel == "Survey")
    }

    @Test func intervalsInRecords() throws {
        let records = analysis.modelBySector.records
        let row = try #require(records.rows.first { $0[0] == .text("All trusts") && $0[1] == .text("central") })
        #expect(row[2] == .integer(3) && row[3] == .integer(8) && row[4] == .number(0.375))
        let ci = Wilson.interval(count: 3, base: 8)
        #expect(row[5] == .number(ci.low) && row[6] == .number(ci.high))
        // 3 of 8 worked independently: 0.136844 to 0.694258.
        #expect(abs(ci.low - 0.136844) < 1e-6 && abs(ci.high - 0.694258) < 1e-6)
    }
}
