import PMOSurvey

/// A small hand-made survey with two waves and every awkward value the workbook must survive:
/// formula-like text, control characters, a 40,000-character comment, non-ASCII text and a
/// 200-character trust name.
enum SurveyFixture {
    static let injections = ["=HYPERLINK(\"http://example.invalid\",\"click\")", "+44 20 7946 0000", "-1+2", "@SUM(A1:A2)"]
    static let controlComment = "Before\u{1B}[31mescape\u{07}bell\u{0B}after"
    static let longComment = String(repeating: "Long comment. ", count: 2_858) + "1234"  // 40,016 characters
    static let unicodeName = "Hôpital £ Trust é 🎉 NHS Foundation Trust"
    static let longName = String(repeating: "Very Long Named University Hospitals ", count: 6).prefix(200) + ""

    static let survey: Survey = {
        var responses: [Response] = []
        var line = 2
        func add(_ wave: String, _ day: Int, _ sector: Sector, _ model: PMOModel, fte: Double?, headcount: Int?,
                 name: String? = nil, consent: Bool = false, comments: String? = nil, pmoName: String? = nil,
                 region: String? = nil, types: [ProjectType] = [.it, .quality], services: [PMOService] = [.portfolioReporting],
                 reportsTo: ReportingLine? = .finance) {
            let id = "R\(line)"
            let month = wave == "2014-12" ? 12 : 11
            let year = wave == "2014-12" ? 2014 : 2015
            responses.append(Response(
                line: line, responseID: id, wave: wave, submitted: SurveyDate(year: year, month: month, day: day),
                trustCode: "T\(line)", trustName: name ?? "Trust number \(line) NHS Trust", sector: sector, region: region,
                foundationTrust: line % 2 == 0, staffHeadcount: headcount, model: model, pmoName: pmoName,
                centralFTE: fte, devolvedFTE: model == .devolved ? 3 : nil,
                projectTypes: model == .none ? Selection() : Selection(types),
                services: model == .none ? Selection() : Selection(services),
                reportsTo: model == .none ? nil : reportsTo, established: 2010, shareConsent: consent, comments: comments))
            line += 1
        }

        // Older wave: a handful of trusts.
        add("2014-12", 1, .acute, .central, fte: 6, headcount: 5_000)
        add("2014-12", 2, .acute, .devolved, fte: nil, headcount: 7_000)
        add("2014-12", 3, .mentalHealth, .none, fte: nil, headcount: 2_000)
        add("2014-12", 4, .community, .hybrid, fte: 3, headcount: 2_500)

        // Latest wave.
        add("2015-12", 1, .acute, .central, fte: 12.5, headcount: 6_500, name: unicodeName, consent: true,
            comments: injections[0], pmoName: injections[1], region: injections[2])
        add("2015-12", 2, .acute, .central, fte: 8, headcount: 4_200, name: String(longName), consent: true,
            comments: injections[3], types: [.it, .transformation, .financial])
        add("2015-12", 3, .acute, .hybrid, fte: 4.5, headcount: 3_100, consent: true, comments: controlComment,
            services: [.businessCases, .benefitsRealisation], reportsTo: .chiefExecutive)
        add("2015-12", 4, .acute, .hybrid, fte: 20, headcount: 9_000, consent: true, comments: longComment,
            reportsTo: .strategy)
        add("2015-12", 5, .acute, .devolved, fte: nil, headcount: 5_500, comments: "not shown: no consent")
        add("2015-12", 6, .acute, .none, fte: nil, headcount: 2_900)
        add("2015-12", 7, .acute, .central, fte: nil, headcount: nil, types: [.estates, .workforce])
        add("2015-12", 8, .mentalHealth, .central, fte: 5, headcount: 3_500, services: [.training, .assurance])
        add("2015-12", 9, .mentalHealth, .hybrid, fte: 2, headcount: 2_800, reportsTo: .operations)
        add("2015-12", 10, .mentalHealth, .devolved, fte: nil, headcount: 4_000)
        add("2015-12", 11, .mentalHealth, .none, fte: nil, headcount: 1_500)
        add("2015-12", 12, .community, .central, fte: 3.5, headcount: 2_200, types: [.serviceDevelopment])
        add("2015-12", 13, .community, .devolved, fte: nil, headcount: 1_900)
        add("2015-12", 14, .ambulance, .central, fte: 6, headcount: 4_800, types: [.it, .other], reportsTo: .clinical)
        add("2015-12", 15, .ambulance, .hybrid, fte: 9, headcount: 5_200)
        add("2015-12", 16, .specialist, .central, fte: 2.5, headcount: 1_200)
        add("2015-12", 17, .combined, .hybrid, fte: 16, headcount: 8_000, services: [.serviceRedesign, .changeFacilitation, .horizonScanning])
        add("2015-12", 18, .combined, .central, fte: 7, headcount: 6_100)

        let findings = [
            Finding(line: 40, responseID: "X40", column: "sector", severity: .error, message: "unknown sector \"Acut\""),
            Finding(line: 41, responseID: "X41", column: "central_pmo_fte", severity: .error, message: "FTE must be a number >= 0"),
            Finding(line: 42, responseID: "X42", column: "response_id", severity: .error, message: "duplicate response_id"),
            Finding(line: 43, responseID: "X43", column: nil, severity: .superseded, message: "replaced by line 9"),
            Finding(line: 10, responseID: "R10", column: "central_pmo_fte", severity: .warning, message: "model none with central_pmo_fte > 0"),
        ]
        let source = SurveySource(fileName: "pmo-survey.csv", byteCount: 123_456,
                                  sha256: String(repeating: "ab", count: 32), encoding: .utf8)
        let counts = ResponseCounts(rows: responses.count + 4, valid: responses.count, rejected: 3, superseded: 1)
        return Survey(source: source, responses: responses, findings: findings, counts: counts)
    }()

    static let analysis = Analysis(survey: survey)

    /// 2015-12-01T09:30:00Z.
    static let run = RunInfo(generatedAt: 1_448_962_200)
}
