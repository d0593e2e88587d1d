import PMOSurvey

/// A survey of a chosen shape built in memory, for testing and fuzzing outputs at the sizes that
/// break layouts: one trust, one wave, thousands of waves, tens of thousands of trusts, names of
/// hundreds of characters, every optional answer empty. Seeded, so a shape is the same every run.
public struct SurveyShape: Sendable, Hashable {
    public var trusts: Int
    public var waves: Int
    /// Trust names are padded to at least this many characters.
    public var nameLength: Int
    /// Leaves every optional answer empty: no code, headcount, FTE, lists, reporting line or consent.
    public var emptyAnswers: Bool
    public var seed: UInt64

    public init(trusts: Int, waves: Int = 1, nameLength: Int = 0, emptyAnswers: Bool = false, seed: UInt64 = 1) {
        self.trusts = max(1, trusts)
        self.waves = max(1, waves)
        self.nameLength = max(0, nameLength)
        self.emptyAnswers = emptyAnswers
        self.seed = seed
    }

    /// Every trust answers every wave; waves are a day apart from 1 January 2015 and labelled
    /// `W00000`, `W00001`, ... when there are several.
    public func survey() -> Survey {
        var responses: [Response] = []
        responses.reserveCapacity(trusts * waves)
        let start = 1_420_070_400 // 2015-01-01 00:00 UTC
        for wave in 0..<waves {
            let digits = String(wave)
            let label = waves == 1 ? "" : "W" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
            let day = SurveyDate(unixTime: start + wave * 86_400 + 3_600)
            for trust in 0..<trusts {
                var random = SeededRandom(seed: seed, UInt64(trust), UInt64(wave))
                responses.append(response(trust: trust, wave: label, submitted: day, line: responses.count + 2,
                                          random: &random))
            }
        }
        return Survey(source: SurveySource(fileName: "shape.csv", byteCount: 0, sha256: String(repeating: "0", count: 64),
                                           encoding: .utf8),
                      responses: responses)
    }

    private func response(trust: Int, wave: String, submitted: SurveyDate, line: Int,
                          random: inout SeededRandom) -> Response {
        let sectors = Sector.allCases
        var name = "Trust \(trust + 1) NHS Foundation Trust"
        if name.count < nameLength {
            name += " of " + String(repeating: "Northumbria Healthcare and District ", count: nameLength / 36 + 1)
            name = String(name.prefix(nameLength))
        }
        let sector = sectors[trust % sectors.count]
        let models = PMOModel.allCases
        let model = emptyAnswers ? models[trust % models.count] : random.pick(models)
        guard !emptyAnswers else {
            return Response(line: line, responseID: "S\(line)", wave: wave, submitted: submitted, trustName: name,
                            sector: sector, model: model)
        }
        return Response(
            line: line, responseID: "S\(line)", wave: wave, submitted: submitted,
            trustCode: "Z" + String(trust, radix: 36).uppercased(), trustName: name, sector: sector,
            region: "Region \(trust % 7 + 1)", foundationTrust: random.chance(0.5),
            staffHeadcount: random.int(in: 800...18_000), model: model,
            centralFTE: model.hasCentralPMO ? Double(random.int(in: 1...80)) / 2 : nil,
            projectTypes: Selection(ProjectType.ordered.filter { _ in random.chance(0.5) }),
            services: Selection(PMOService.ordered.filter { _ in random.chance(0.5) }),
            reportsTo: model == .none ? nil : random.pick(ReportingLine.allCases),
            shareConsent: random.chance(0.6))
    }
}
