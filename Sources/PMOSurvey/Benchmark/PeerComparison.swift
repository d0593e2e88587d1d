/// Who a trust is compared with in its benchmark pack. Peers are always the *other* trusts of the
/// group: a trust's own value never moves the figures it is compared against.
public struct PeerGroup: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case allTrusts
        case sector(Sector)
        case size(TrustSize)
    }

    public let kind: Kind

    public init(_ kind: Kind) { self.kind = kind }

    /// `All trusts`, `Acute trusts`, `Medium trusts`: for table rows and chart labels.
    public var label: String {
        switch kind {
        case .allTrusts: Groups.allTrusts
        case .sector(let sector): "\(sector.rawValue) trusts"
        case .size(let size): "\(size.rawValue) trusts"
        }
    }

    /// What the group holds, for notes: `other Acute trusts`.
    public var peersDescription: String {
        switch kind {
        case .allTrusts: "other trusts"
        case .sector(let sector): "other \(sector.rawValue) trusts"
        case .size(let size): "other \(size.rawValue.lowercased()) trusts"
        }
    }
}

/// Where a value falls among the peers' values, in the quarters that the NHS Model Health System
/// shades: minimum to lower quartile, lower quartile to median, median to upper quartile, upper
/// quartile to maximum.
///
/// Each quarter includes its lower bound, so a value equal to the median is in the upper-middle
/// quarter. A value below the lowest peer is in the lowest quarter, above the highest in the highest.
public enum QuartileBand: Int, Sendable, Hashable, CaseIterable {
    case lowest = 1
    case lowerMiddle
    case upperMiddle
    case highest

    public init(value: Double, among summary: Summary) {
        if value < summary.q1 { self = .lowest }
        else if value < summary.median { self = .lowerMiddle }
        else if value < summary.q3 { self = .upperMiddle }
        else { self = .highest }
    }

    /// `Minimum to lower quartile`.
    public var range: String {
        switch self {
        case .lowest: "Minimum to lower quartile"
        case .lowerMiddle: "Lower quartile to median"
        case .upperMiddle: "Median to upper quartile"
        case .highest: "Upper quartile to maximum"
        }
    }

    /// `Lowest quarter`, for sentences and narrow columns.
    public var name: String {
        switch self {
        case .lowest: "Lowest quarter"
        case .lowerMiddle: "Lower-middle quarter"
        case .upperMiddle: "Upper-middle quarter"
        case .highest: "Highest quarter"
        }
    }
}

/// The percentile rank of a value among peers' values.
public enum PercentileRank {
    /// The share of peers with a lower value plus half the share with an equal value, in per cent
    /// (0 to 100): the mid-rank definition, so that a value equal to every peer's ranks 50, and
    /// the rank does not depend on how ties are ordered. nil without peers.
    public static func of(_ value: Double, among peers: [Double]) -> Double? {
        guard !peers.isEmpty else { return nil }
        let below = peers.count { $0 < value }, equal = peers.count { $0 == value }
        return (Double(below) + Double(equal) / 2) / Double(peers.count) * 100
    }
}

/// The peers' distribution a pack may show: quartiles from enough unnamed peers, and the lowest and
/// highest values only where every peer is named (each is a single trust's answer).
public struct PeerDistribution: Sendable, Hashable {
    public let q1: Double
    public let median: Double
    public let q3: Double
    /// nil when a peer of the group was not named (disclosure control R3).
    public let lowest: Double?
    public let highest: Double?
}

/// One measure of one trust against one peer group: the peers' distribution, and the trust's
/// quartile band and percentile rank in it.
public struct PeerComparison: Sendable {
    public enum Measure: String, Sendable, Hashable, CaseIterable {
        case centralFTE = "Central PMO FTE"
        case ftePer1000Staff = "Central PMO FTE per 1,000 staff"
    }

    public let measure: Measure
    public let group: PeerGroup
    /// The trust's own value; nil when it has no central PMO or did not give the figures.
    public let value: Double?
    /// Other trusts of the group with a value.
    public let peerCount: Int
    /// True when too few of those peers were not named (1 to 7 by default): no statistic, band or
    /// rank is shown, so that no trust can work out another's answer (disclosure control R3).
    public let isWithheld: Bool
    /// The peers' quartiles (and extremes where every peer is named); nil when withheld or when
    /// no peer has a value.
    public let distribution: PeerDistribution?
    /// nil when withheld, without peers, or without a value of its own.
    public let band: QuartileBand?
    public let percentileRank: Double?

    /// `peers` are the other trusts' values (any order), `unnamedPeers` how many of them were not named.
    public init(measure: Measure, group: PeerGroup, value: Double?, peers: [Double], unnamedPeers: Int,
                rules: DisclosureRules) {
        self.measure = measure
        self.group = group
        self.value = value
        peerCount = peers.count
        isWithheld = rules.withholdsStatistic(unnamed: unnamedPeers)
        let summary = isWithheld ? nil : Summary(peers)
        distribution = summary.map {
            PeerDistribution(q1: $0.q1, median: $0.median, q3: $0.q3,
                             lowest: unnamedPeers == 0 ? $0.min : nil, highest: unnamedPeers == 0 ? $0.max : nil)
        }
        if let summary, let value {
            band = QuartileBand(value: value, among: summary)
            percentileRank = PercentileRank.of(value, among: peers)
        } else {
            band = nil
            percentileRank = nil
        }
    }
}
