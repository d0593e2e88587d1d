/// Everything a trust's benchmark pack shows: its own answers and where it stands among the other
/// trusts of the latest wave, with other trusts named only as its `naming` allows.
public struct TrustBenchmark: Sendable {
    /// The trust's answer in the latest wave.
    public let trust: Response
    /// Names this trust and consenting ones; every other trust appears as a peer code.
    public let naming: TrustNaming
    /// The latest wave's label for people.
    public let wave: String
    /// Trusts that answered the latest wave, this one included.
    public let trustCount: Int
    /// What the pack withholds about trusts that were not named.
    public let rules: DisclosureRules
    public let answers: [OwnAnswer]
    /// Central PMO FTE against all trusts, the sector and the size band (when the trust's size is known).
    public let fte: [PeerComparison]
    public let ftePer1000Staff: [PeerComparison]
    /// Every trust with a central PMO FTE, largest first, this one among them.
    public let ranking: [RankedTrust]
    /// True when one or two unnamed other trusts gave an FTE: the ranking is then empty.
    public let rankingWithheld: Bool
    /// The model mix of the sector's other trusts, then of all other trusts.
    public let modelMix: [PeerMix]
    public let projectTypes: PeerCoverage
    public let services: PeerCoverage
    /// The wave before the latest, when the survey has one.
    public let previousWave: String?
    /// Its answers in `previousWave` against the latest; nil when it did not answer then.
    public let changes: [AnswerChange]?

    public var sectorGroup: PeerGroup { PeerGroup(.sector(trust.sector)) }
    /// FTE comparisons, then FTE per 1,000 staff.
    public var comparisons: [PeerComparison] { fte + ftePer1000Staff }
}

/// A bar of the ranking chart.
public struct RankedTrust: Sendable, Hashable {
    /// The trust's name where the pack may show it, else its peer code.
    public let label: String
    /// nil for a trust shown by its peer code.
    public let sector: Sector?
    public let centralFTE: Double
    /// nil where not known, or for a trust shown by its peer code.
    public let ftePer1000Staff: Double?
    /// The pack's own trust.
    public let isOwn: Bool
    /// 1 for the largest FTE; ties share the better rank.
    public let rank: Int
}
