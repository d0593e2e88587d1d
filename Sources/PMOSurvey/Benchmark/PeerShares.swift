/// How the other trusts of a group answered a single-choice question (the PMO model): each
/// category's share of those that answered, withheld where it would single out a trust that was
/// not named (disclosure control R2 and R4, and wherever the shared report withholds the figure
/// these are taken from).
public struct PeerMix: Sendable {
    public let group: PeerGroup
    /// Other trusts of the group that answered: always shown.
    public let base: Int
    /// One share per `PMOModel.allCases`, nil where withheld.
    public let shares: [Share?]

    init(group: PeerGroup, counts: [Int], unnamed: [Int], sharedWithheld: [Bool], rules: DisclosureRules) {
        self.group = group
        let base = counts.reduce(0, +)
        self.base = base
        let withheld = PeerFigures.withheld(unnamed: unnamed, unnamedBase: unnamed.reduce(0, +), yesNo: false,
                                            sharedWithheld: sharedWithheld, rules: rules, wholeRow: true)
        shares = counts.indices.map { withheld[$0] || base == 0 ? nil : Share(count: counts[$0], base: base) }
    }

    /// Whether every share is withheld.
    public var isWithheld: Bool { shares.allSatisfy { $0 == nil } }

    public func share(of model: PMOModel) -> Share? {
        shares[PMOModel.allCases.firstIndex(of: model)!]
    }
}

/// Which of a pack's counts over other trusts are withheld: those the shared report withholds
/// (the pack's figure is the shared one less the trust's own answer, so it would give it back),
/// those R2 withholds over the other trusts, and, for a row that adds up to its base, as many
/// more as the exact audit needs.
enum PeerFigures {
    static func withheld(unnamed: [Int], unnamedBase: Int, yesNo: Bool, sharedWithheld: [Bool], rules: DisclosureRules,
                         wholeRow: Bool) -> [Bool] {
        let figures = unnamed.map { v in
            GuardedFigure(kind: .count(yesNo: yesNo), population: 0, unnamed: unnamedBase, unnamedInCategory: v,
                          unnamedValues: [], isAllTrusts: false, base: 0, name: "")
        }
        let primary = Set(unnamed.indices.filter {
            sharedWithheld[$0] || rules.withholdsCount(unnamed: unnamedBase, inCategory: unnamed[$0], yesNo: yesNo)
        })
        guard wholeRow else { return unnamed.indices.map(primary.contains) }
        let row = FigureRelation(terms: unnamed.indices.map { (figure: $0, coefficient: 1) }, total: .published, name: "")
        let withheld = SecondarySuppression(figures: figures, relations: [row], rules: rules).withheld(primary: primary)
        return unnamed.indices.map(withheld.contains)
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
    /// Whether every item's share of the sector (of all other trusts) is withheld.
    public var sectorWithheld: Bool { items.allSatisfy { $0.sector == nil } }
    public var allWithheld: Bool { items.allSatisfy { $0.allTrusts == nil } }
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
