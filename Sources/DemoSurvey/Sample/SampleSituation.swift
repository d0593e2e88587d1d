import PMOSurvey

/// The real situations the survey was born from, and the messiness of a real export, each given to
/// one fixed trust when the sample is large enough (50 trusts or more) so that every sample of that
/// size shows them, whatever the seed.
enum SampleSituation: Int, CaseIterable {
    /// A community trust that rebranded its PMO "Transformation & Change Team", covering financial,
    /// IT, quality and transformation projects.
    case transformationAndChangeTeam
    /// A small central PMO plus project managers in the divisions.
    case smallHybrid
    /// A medium central PMO plus project managers in the divisions.
    case mediumHybrid
    /// Project managers in the divisions only.
    case devolvedAcute
    case devolvedMentalHealth
    /// A few large central PMOs.
    case largeCentral1, largeCentral2, largeCentral3
    /// Answered twice in the latest wave: the earlier answer is superseded.
    case resubmittedLatest
    /// Invalid rows, rejected by validation: at most a handful, so the figures stay meaningful.
    case unknownSector, negativeFTE, impossibleDate, missingTrustName, unknownService
    /// Model `none` with a central FTE: a consistency warning that keeps the row.
    case noneWithCentralFTE
    /// Answered twice in the first wave.
    case resubmittedFirst

    /// The smallest sample that holds every situation.
    static let minimumTrusts = 50

    /// The trust given this situation: spread evenly over the sample, so none is near another.
    func trustIndex(trusts: Int) -> Int {
        rawValue * trusts / Self.allCases.count + trusts / (2 * Self.allCases.count)
    }

    /// The situation of a trust, if any.
    static func of(trust index: Int, trusts: Int) -> SampleSituation? {
        guard trusts >= minimumTrusts else { return nil }
        return allCases.first { $0.trustIndex(trusts: trusts) == index }
    }

    /// The trust's own story, which holds in every wave it answers.
    var isStory: Bool { rawValue <= Self.largeCentral3.rawValue }

    var isLargeCentral: Bool { self == .largeCentral1 || self == .largeCentral2 || self == .largeCentral3 }

    /// The sector a story needs, overriding the drawn one.
    var sector: Sector? {
        switch self {
        case .transformationAndChangeTeam: .community
        case .smallHybrid, .devolvedAcute, .largeCentral1, .largeCentral2, .largeCentral3: .acute
        case .mediumHybrid, .devolvedMentalHealth: .mentalHealth
        default: nil
        }
    }

    /// The wave whose answer carries the situation, for the messy ones.
    func wave(of waves: Int) -> Int {
        switch self {
        case .impossibleDate, .resubmittedFirst: 0
        default: waves - 1
        }
    }

    /// The invalid answer a messy situation writes, if it is one.
    var defect: SampleDefect? {
        switch self {
        case .unknownSector: .unknownSector
        case .negativeFTE: .negativeFTE
        case .impossibleDate: .impossibleDate
        case .missingTrustName: .missingTrustName
        case .unknownService: .unknownService
        default: nil
        }
    }
}

/// A value validation must reject, one per kind of rejection a respondent typically causes.
enum SampleDefect: CaseIterable {
    /// `Hospital`: not one of the sectors.
    case unknownSector
    /// `-2` central FTE.
    case negativeFTE
    /// 31 February.
    case impossibleDate
    /// The trust's name left empty.
    case missingTrustName
    /// `Stakeholder engagement`: not one of the PMO services.
    case unknownService
}
