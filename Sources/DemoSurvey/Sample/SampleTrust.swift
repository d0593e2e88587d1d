import PMOSurvey

/// One fictional trust: what stays the same in every wave (code, name, sector, size, respondent)
/// and how its PMO model moves between waves. Drawn from its own random stream, so the trust is the
/// same whichever wave is being written.
struct SampleTrust {
    let code: String
    let name: String
    let sector: Sector
    let region: String
    let isFoundationTrust: Bool
    let headcount: Int
    /// The model from `changeWave` on; before it, `earlierModel`.
    let model: PMOModel
    let earlierModel: PMOModel
    let changeWave: Int
    /// The year the central function was set up, when it has one.
    let established: Int?
    /// What the trust calls its central function, when it has one.
    let functionName: String
    let consentsToSharing: Bool
    let respondent: (first: Int, surname: Int, role: Int)
    let situation: SampleSituation?

    /// England's mix: mostly acute, about a quarter mental health, a few of the rest.
    static let sectors = WeightedChoice<Sector>([
        .acute: 55, .mentalHealth: 24, .community: 6, .ambulance: 5, .specialist: 5, .combined: 5,
    ])
    /// The latest wave's mix of models.
    static let models = WeightedChoice<PMOModel>([.hybrid: 45, .central: 25, .devolved: 20, .none: 10])

    /// The first wave labelled `2014-12`: the survey's first round.
    static let firstWaveYear = 2014

    init(index: Int, trusts: Int, waves: Int, seed: UInt64) {
        var random = SeededRandom(seed: seed, 1, UInt64(index))
        situation = SampleSituation.of(trust: index, trusts: trusts)
        let drawnSector = Self.sectors.pick(using: &random)
        sector = situation?.sector ?? drawnSector
        isFoundationTrust = random.chance(Self.foundationShare(sector))
        code = SampleTrustCode.code(index: index, seed: seed)
        name = Self.name(index: index, sector: sector, foundation: isFoundationTrust, seed: seed, random: &random)
        region = SampleNames.regions.pick(using: &random)
        headcount = Self.headcount(sector, largeCentral: situation?.isLargeCentral ?? false, random: &random)

        let drawnModel = Self.models.pick(using: &random)
        model = situation.flatMap(Self.storyModel) ?? drawnModel
        let changes = waves > 1 && situation == nil && random.chance(0.2)
        earlierModel = changes ? Self.predecessor(of: model, random: &random) : model
        changeWave = changes ? random.int(in: 1...(waves - 1)) : 0

        let setUp = random.int(in: 1995...2013)
        if model.hasCentralPMO && !earlierModel.hasCentralPMO {
            established = Self.firstWaveYear + changeWave
        } else if model.hasCentralPMO || random.chance(0.3) {
            established = setUp
        } else {
            established = nil
        }
        functionName = random.pick(SampleNames.centralFunctionNames)
        consentsToSharing = random.chance(0.4)
        respondent = (random.below(SampleNames.firstNames.count), random.below(SampleNames.surnames.count),
                      random.below(SampleNames.roles.count))
    }

    func model(inWave wave: Int) -> PMOModel {
        wave < changeWave ? earlierModel : model
    }

    /// Most acute and mental health trusts had foundation status by 2015; fewer of the others.
    private static func foundationShare(_ sector: Sector) -> Double {
        switch sector {
        case .acute, .mentalHealth, .specialist: 0.6
        case .ambulance, .combined: 0.4
        case .community: 0.2
        }
    }

    /// Staff headcounts like England's trusts: a peaked spread over each sector's usual range.
    /// A large central PMO belongs to a large trust.
    private static func headcount(_ sector: Sector, largeCentral: Bool, random: inout SeededRandom) -> Int {
        let range: ClosedRange<Double> = switch sector {
        case .acute where largeCentral: 10_000...16_000
        case .acute:
            switch random.below(20) {
            case 0: 1_800...3_000
            case 1: 15_000...20_000
            default: 3_000...15_000
            }
        case .mentalHealth: 1_500...6_000
        case .community: 1_000...5_000
        case .ambulance: 3_000...7_000
        case .specialist: 1_000...4_000
        case .combined: 4_000...12_000
        }
        let peaked = (random.unit() + random.unit()) / 2
        return Int(range.lowerBound + peaked * (range.upperBound - range.lowerBound))
    }

    private static func storyModel(_ situation: SampleSituation) -> PMOModel? {
        switch situation {
        case .transformationAndChangeTeam, .smallHybrid, .mediumHybrid: .hybrid
        case .devolvedAcute, .devolvedMentalHealth: .devolved
        case .largeCentral1, .largeCentral2, .largeCentral3: .central
        case .noneWithCentralFTE: PMOModel.none
        default: nil
        }
    }

    /// How trusts reached their model: devolved project managers gaining a central hub, a central
    /// PMO pushing project managers out to divisions, a function set up or disbanded.
    private static func predecessor(of model: PMOModel, random: inout SeededRandom) -> PMOModel {
        switch model {
        case .hybrid: random.chance(0.6) ? .devolved : .central
        case .central: .hybrid
        case .devolved: PMOModel.none
        case .none: .devolved
        }
    }

    /// `Ashbury and Penwick Teaching Hospitals NHS Foundation Trust`: places from the trust's
    /// number in bijective base 200, so every number gives a different name.
    private static func name(index: Int, sector: Sector, foundation: Bool, seed: UInt64,
                             random: inout SeededRandom) -> String {
        let count = SampleNames.placeCount
        let shift = Int(SeededRandom.mix(seed) % UInt64(count))
        var places: [String] = []
        var rest = index + 1
        while rest > 0 {
            rest -= 1
            // 77 shares no factor with 200, so this reorders the places without repeating one.
            places.append(SampleNames.place((rest % count * 77 + shift) % count))
            rest /= count
        }
        var text = places[0]
        for (i, place) in places.enumerated().dropFirst() {
            text += i == places.count - 1 ? " and " + place : ", " + place
        }
        let kind = random.pick(SampleNames.trustKinds(sector))
        return text + " " + kind + (foundation ? " NHS Foundation Trust" : " NHS Trust")
    }
}

/// ODS-like organisation codes: `R` and three base-36 characters, then four once those run out;
/// scrambled so that neighbouring trusts do not get neighbouring codes.
enum SampleTrustCode {
    private static let digits = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    private static let shortCodes = 36 * 36 * 36
    private static let longCodes = 36 * 36 * 36 * 36
    static let capacity = shortCodes + longCodes

    static func code(index: Int, seed: UInt64) -> String {
        let (number, length) = index < shortCodes
            ? (index, 3) : (index - shortCodes, 4)
        let space = length == 3 ? shortCodes : longCodes
        // 7919 shares no factor with 36, so the scramble is one to one.
        var rest = (number * 7919 + Int(SeededRandom.mix(seed ^ 0xC0DE) % UInt64(space))) % space
        var characters = [Character](repeating: "0", count: length)
        for position in (0..<length).reversed() {
            characters[position] = digits[rest % 36]
            rest /= 36
        }
        return "R" + String(characters)
    }
}
