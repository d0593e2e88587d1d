/// A share of a base with its 95% Wilson score interval.
public struct Share: Sendable, Hashable {
    public let count: Int
    public let base: Int

    public init(count: Int, base: Int) {
        precondition(base > 0 && (0...base).contains(count), "a share needs 0 <= count <= base, base > 0")
        self.count = count
        self.base = base
    }

    /// count / base, unrounded.
    public var value: Double { Double(count) / Double(base) }
    public var interval: (low: Double, high: Double) { Wilson.interval(count: count, base: base) }
}

/// Shares of categories within groups: one of the tables `ModelBySector`, `ModelBySize`,
/// `PmoSizeBySector`, `ProjectTypesBySector`, `ServicesBySector`, `ReportingLine`, `ModelByWave`.
public struct ShareTable: Sendable {
    public struct Group: Sendable {
        /// `Acute`, `Small`, `2015-12`, or `All trusts`.
        public let label: String
        /// Responses in the group that answered the question. Always published.
        public let base: Int
        /// One share per category, in the table's category order, withheld or not: outputs read
        /// them through `share(_:)`, which knows what disclosure control withheld.
        let shares: [Share]
        /// Trusts that were not named among the base, and in each category (`u` and `v` of
        /// disclosure-control.md).
        let unnamedBase: Int
        let unnamedCounts: [Int]
        /// Per category: whether this output withholds the count, share and interval.
        public internal(set) var withheld: [Bool]

        init(label: String, base: Int, shares: [Share], unnamedBase: Int = 0, unnamedCounts: [Int]? = nil) {
            self.label = label
            self.base = base
            self.shares = shares
            self.unnamedBase = unnamedBase
            self.unnamedCounts = unnamedCounts ?? shares.map { _ in 0 }
            withheld = Array(repeating: false, count: shares.count)
        }

        /// The category's share, or nil where it is withheld.
        public func share(_ category: Int) -> Share? { withheld[category] ? nil : shares[category] }
        /// Every category's share in order, nil where withheld.
        public var figures: [Share?] { shares.indices.map(share) }
        public var hasWithheld: Bool { withheld.contains(true) }
        /// `Acute (n=51)`: the label with its base, for charts.
        public var labelWithBase: String { "\(label) (n=\(base))" }
    }

    public let name: TableName
    /// A sentence-case title for charts and headings.
    public let title: String
    public let groupKind: GroupKind
    /// The question behind the categories, for axis titles: `PMO model`.
    public let categoryKind: String
    /// Who the base counts, for footnotes.
    public let baseDescription: String
    /// Whether a respondent may pick several categories (shares then sum past 100%).
    public let multipleChoice: Bool
    public let categories: [String]
    public internal(set) var groups: [Group]

    /// The `All trusts` group, when the table has one.
    public var allTrusts: Group? { groups.first { $0.label == Groups.allTrusts } }

    /// nil when the group or category is not in the table, or the figure is withheld.
    public func share(group: String, category: String) -> Share? {
        guard let g = groups.first(where: { $0.label == group }),
              let c = categories.firstIndex(of: category) else { return nil }
        return g.share(c)
    }

    /// Whether any figure of the table is withheld.
    public var hasWithheld: Bool { groups.contains(where: \.hasWithheld) }
}

/// A statistic of an FTE table that disclosure control may withhold (`n` is always published).
public enum FTEStatistic: String, Sendable, Hashable, CaseIterable {
    case mean, median, q1, q3, min, max
    case medianPer1000Staff = "median_per_1000_staff"
}

/// The distribution of central PMO FTE within groups: `FteBySector`, `FteBySize`.
public struct FTETable: Sendable {
    public struct Group: Sendable {
        public let label: String
        /// Every statistic, withheld or not: outputs read them through the properties below.
        let summary: Summary
        let allMedianPer1000Staff: Double?
        /// The sorted values of every trust in the group, and of the unnamed ones.
        let allValues: [Double]
        let unnamedValues: [Double]
        /// Unnamed trusts with both FTE and headcount: the inputs of the median per 1,000 staff.
        let unnamedPer1000Staff: Int
        /// What this output withholds.
        public internal(set) var withheld: Set<FTEStatistic> = []

        init(label: String, summary: Summary, medianPer1000Staff: Double?, values: [Double],
             unnamedValues: [Double], unnamedPer1000Staff: Int) {
            self.label = label
            self.summary = summary
            allMedianPer1000Staff = medianPer1000Staff
            allValues = values
            self.unnamedValues = unnamedValues
            self.unnamedPer1000Staff = unnamedPer1000Staff
        }

        /// Trusts with a figure: always published.
        public var n: Int { summary.n }
        public var mean: Double? { value(.mean, summary.mean) }
        public var median: Double? { value(.median, summary.median) }
        public var q1: Double? { value(.q1, summary.q1) }
        public var q3: Double? { value(.q3, summary.q3) }
        public var min: Double? { value(.min, summary.min) }
        public var max: Double? { value(.max, summary.max) }
        /// Median FTE per 1,000 staff over those with both FTE and headcount; nil when none or withheld.
        public var medianPer1000Staff: Double? { allMedianPer1000Staff.flatMap { value(.medianPer1000Staff, $0) } }
        /// The statistic, or nil where withheld (or, for the median per 1,000 staff, not computable).
        public func statistic(_ s: FTEStatistic) -> Double? {
            switch s {
            case .mean: mean
            case .median: median
            case .q1: q1
            case .q3: q3
            case .min: min
            case .max: max
            case .medianPer1000Staff: medianPer1000Staff
            }
        }
        /// The sorted values, so that charts can show individual trusts when n is small; empty
        /// where the extremes are withheld, since a point per trust shows them.
        public var values: [Double] { withheld.isDisjoint(with: [.min, .max]) ? allValues : [] }
        public var labelWithBase: String { "\(label) (n=\(summary.n))" }

        private func value(_ s: FTEStatistic, _ x: Double) -> Double? { withheld.contains(s) ? nil : x }
    }

    public let name: TableName
    public let title: String
    public let groupKind: GroupKind
    public internal(set) var groups: [Group]

    /// Whether any figure of the table is withheld.
    public var hasWithheld: Bool { groups.contains { !$0.withheld.isEmpty } }
}

/// Labels shared by every breakdown.
public enum Groups {
    public static let allTrusts = "All trusts"
}
