import Foundation
import PMOSurvey

/// Surveys built in code, so that every expected figure can be worked out by hand.
enum Fixtures {
    static let source = SurveySource(fileName: "survey.csv", byteCount: 4_096, sha256: String(repeating: "0", count: 64),
                                     encoding: .utf8)
    /// 2015-05-27 10:30:00 UTC.
    static let run = RunInfo(generatedAt: 1_432_722_600, toolVersion: "9.9.9")

    /// A name no output may show: the trust did not consent.
    static let hiddenName = "Zedshire Secret Hospitals NHS Trust"
    static let hiddenComment = "Our PMO at Zedshire is under review"

    /// 24 trusts in one wave, every sector. Models: 11 hybrid, 7 central, 4 devolved, 2 none.
    static func small(internalUse: Bool = false) -> Analysis {
        let plan: [(Sector, [PMOModel])] = [
            (.acute, [.hybrid, .hybrid, .hybrid, .hybrid, .hybrid, .central, .central, .central, .devolved, .none]),
            (.mentalHealth, [.hybrid, .hybrid, .central, .devolved, .devolved]),
            (.community, [.hybrid, .central, .none]),
            (.ambulance, [.central, .hybrid]),
            (.specialist, [.hybrid, .devolved]),
            (.combined, [.hybrid, .central]),
        ]
        var responses: [Response] = []
        for (sector, models) in plan {
            for model in models {
                let i = responses.count
                let hidden = i == 3
                responses.append(Response(
                    line: i + 2, responseID: "R\(i)", submitted: SurveyDate(year: 2015, month: 3, day: 1 + i),
                    trustCode: "R\(String(100 + i))",
                    trustName: hidden ? hiddenName : "Trust \(i) of St Mary’s & Béthune NHS Foundation Trust",
                    sector: sector, staffHeadcount: 2_000 + 400 * i, model: model,
                    pmoName: hidden ? "Zedshire Transformation Office" : nil,
                    centralFTE: model.hasCentralPMO ? Double(2 + i % 9) : nil,
                    projectTypes: Selection([.transformation] + (i % 2 == 0 ? [.it] : [.quality])),
                    services: Selection([.portfolioReporting] + (i % 3 == 0 ? [.businessCases] : [])),
                    reportsTo: model == .none ? nil : (i % 2 == 0 ? .chiefExecutive : .finance),
                    shareConsent: !hidden && i % 4 != 1,
                    comments: hidden ? hiddenComment : "Budget £1.2m for <b>digital</b>"))
            }
        }
        var definition = ReportDefinition()
        definition.internalUse = internalUse
        return Analysis(survey: Survey(source: source, responses: responses), definition: definition)
    }

    /// About 150 trusts a wave over two waves, in the proportions of the NHS, with long names,
    /// missing answers and a mix of consent: for looking at the report and for pagination.
    static func realistic() -> Analysis {
        var random = SplitMix(seed: 2015)
        let sectors: [(Sector, Int)] = [(.acute, 84), (.mentalHealth, 30), (.community, 12), (.ambulance, 9),
                                        (.specialist, 8), (.combined, 7)]
        let places = ["Northumbria", "Leeds", "Sheffield", "Bristol", "Kent", "Oxford", "Cambridge", "Norfolk",
                      "Devon", "Cornwall", "Lancashire", "Cumbria", "Surrey", "Sussex", "Dorset", "Somerset",
                      "Birmingham", "Coventry", "Derby", "Nottingham", "Leicester", "Lincoln", "York", "Hull",
                      "Liverpool", "Manchester", "Salford", "Wigan", "Bolton", "Stockport"]
        var trusts: [(name: String, code: String, sector: Sector, headcount: Int?, consent: Bool)] = []
        for (sector, count) in sectors {
            for i in 0..<count {
                let place = places[(i * 7 + trusts.count) % places.count]
                let long = i % 11 == 0
                    ? "\(place) and District Community, Mental Health and Learning Disability Services University Teaching Hospitals NHS Foundation Trust"
                    : "\(place) \(sector.rawValue) NHS Trust \(i + 1)"
                trusts.append((long, "R\(String(trusts.count, radix: 36).uppercased())X", sector,
                               random.next(100) < 8 ? nil : 1_200 + random.next(14_000), random.next(100) < 62))
            }
        }
        var responses: [Response] = []
        for (wave, year) in [("2014-12", 2014), ("2015-12", 2015)] {
            for (t, trust) in trusts.enumerated() where random.next(100) < 88 {
                let roll = random.next(100) + (year == 2015 ? 8 : 0)
                let model: PMOModel = switch trust.sector {
                case .acute: roll < 30 ? .central : roll < 82 ? .hybrid : roll < 95 ? .devolved : .none
                case .mentalHealth: roll < 25 ? .central : roll < 55 ? .hybrid : roll < 85 ? .devolved : .none
                case .ambulance: roll < 55 ? .central : roll < 80 ? .hybrid : .devolved
                default: roll < 35 ? .central : roll < 65 ? .hybrid : roll < 90 ? .devolved : .none
                }
                let fte: Double? = model.hasCentralPMO && random.next(100) < 90
                    ? Double(1 + random.next(trust.sector == .acute ? 28 : 12)) + (random.next(2) == 0 ? 0.5 : 0) : nil
                let types = ProjectType.allCases.filter { random.next(100) < ($0 == .transformation ? 85 : $0 == .estates ? 25 : 55) }
                let services = PMOService.allCases.filter { random.next(100) < ($0 == .portfolioReporting ? 90 : 45) }
                responses.append(Response(
                    line: responses.count + 2, responseID: "\(wave)-\(t)", wave: wave,
                    submitted: SurveyDate(year: year, month: 12, day: 1 + random.next(20)), trustCode: trust.code,
                    trustName: trust.name, sector: trust.sector, staffHeadcount: trust.headcount, model: model,
                    centralFTE: fte, projectTypes: model == .none ? Selection() : Selection(types),
                    services: model == .none ? Selection() : Selection(services),
                    reportsTo: model == .none ? nil : ReportingLine.allCases[random.next(ReportingLine.allCases.count)],
                    shareConsent: trust.consent, comments: trust.consent ? nil : hiddenComment))
            }
        }
        let findings = [
            Finding(line: 40, responseID: "X1", column: "sector", severity: .error, message: "unknown sector"),
            Finding(line: 41, responseID: "X2", column: "central_pmo_fte", severity: .error, message: "negative FTE"),
            Finding(line: 52, responseID: "X3", column: "sector", severity: .error, message: "unknown sector"),
            Finding(line: 60, responseID: "X4", column: "central_pmo_fte", severity: .warning, message: "central model with no FTE"),
        ]
        let counts = ResponseCounts(rows: responses.count + 5, valid: responses.count, rejected: 3, superseded: 2)
        return Analysis(survey: Survey(source: source, responses: responses, findings: findings, counts: counts))
    }
}

/// A small, fast, seeded generator (SplitMix64), so that the fixture is the same on every run.
struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
