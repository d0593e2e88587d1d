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
        /// Responses in the group that answered the question.
        public let base: Int
        /// One share per category, in the table's category order.
        public let shares: [Share]
        /// `Acute (n=51)`: the label with its base, for charts.
        public var labelWithBase: String { "\(label) (n=\(base))" }
    }

    /// The contract's table name, also the Excel Table name and JSON key.
    public let name: String
    /// A sentence-case title for charts and headings.
    public let title: String
    /// What the groups are: `Sector`, `Trust size`, `Wave`.
    public let groupKind: String
    /// The question behind the categories, for axis titles: `PMO model`.
    public let categoryKind: String
    /// Who the base counts, for footnotes.
    public let baseDescription: String
    /// Whether a respondent may pick several categories (shares then sum past 100%).
    public let multipleChoice: Bool
    public let categories: [String]
    public let groups: [Group]

    /// The `All trusts` group, when the table has one.
    public var allTrusts: Group? { groups.first { $0.label == Groups.allTrusts } }

    public func share(group: String, category: String) -> Share? {
        guard let g = groups.first(where: { $0.label == group }),
              let c = categories.firstIndex(of: category) else { return nil }
        return g.shares[c]
    }
}

/// The distribution of central PMO FTE within groups: `FteBySector`, `FteBySize`.
public struct FTETable: Sendable {
    public struct Group: Sendable {
        public let label: String
        public let summary: Summary
        /// Median FTE per 1,000 staff over those with both FTE and headcount; nil when none.
        public let medianPer1000Staff: Double?
        /// The sorted values, so that charts can show individual points when n is small.
        public let values: [Double]
        public var labelWithBase: String { "\(label) (n=\(summary.n))" }
    }

    public let name: String
    public let title: String
    public let groupKind: String
    public let groups: [Group]
}

/// Labels shared by every breakdown.
public enum Groups {
    public static let allTrusts = "All trusts"
}
