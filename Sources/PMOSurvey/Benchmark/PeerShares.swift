/// How the other trusts of a group answered a single-choice question (the PMO model): each
/// category's share of those that answered, or nothing when too few did.
public struct PeerMix: Sendable {
    public let group: PeerGroup
    /// Other trusts of the group that answered.
    public let base: Int
    public let isWithheld: Bool
    /// One share per `PMOModel.allCases`; nil when withheld.
    public let shares: [Share]?

    init(group: PeerGroup, counts: [PMOModel: Int], withholdBelow: Int) {
        self.group = group
        let base = counts.values.reduce(0, +)
        self.base = base
        isWithheld = base < withholdBelow
        shares = isWithheld ? nil : PMOModel.allCases.map { Share(count: counts[$0] ?? 0, base: base) }
    }

    public func share(of model: PMOModel) -> Share? {
        shares?[PMOModel.allCases.firstIndex(of: model)!]
    }
}

/// A multi-choice question (project types, services): what the trust chose, and the share of its
/// sector's other trusts, and of all other trusts, that chose each item.
public struct PeerCoverage: Sendable {
    public struct Item: Sendable {
        public let name: String
        /// Whether the trust itself chose it.
        public let isChosen: Bool
        /// Share of the sector's other trusts in the base; nil when withheld.
        public let sector: Share?
        public let allTrusts: Share?
    }

    /// `Project type`, `Service`.
    public let question: String
    public let sectorGroup: PeerGroup
    /// Other trusts of the sector, and of all sectors, with a project function that answered.
    public let sectorBase: Int
    public let allBase: Int
    public let sectorWithheld: Bool
    public let allWithheld: Bool
    public let items: [Item]
    /// Whether the trust answered the question itself.
    public let answered: Bool
}

/// Counts of answers per group, made once for every pack; a pack takes its own answer out.
struct AnswerTally<Key: Hashable>: Sendable where Key: Sendable {
    private(set) var bases: [Key: Int] = [:]
    private(set) var counts: [Key: [Int]] = [:]
    let width: Int

    init(width: Int) { self.width = width }

    mutating func add(_ indices: [Int], to key: Key) {
        bases[key, default: 0] += 1
        var row = counts[key] ?? Array(repeating: 0, count: width)
        for i in indices { row[i] += 1 }
        counts[key] = row
    }

    /// The base and counts of `key` without one respondent who chose `indices` (nil: not in the base).
    func excluding(_ indices: [Int]?, from key: Key) -> (base: Int, counts: [Int]) {
        var base = bases[key] ?? 0, row = counts[key] ?? Array(repeating: 0, count: width)
        if let indices {
            base -= 1
            for i in indices { row[i] -= 1 }
        }
        return (base, row)
    }
}
