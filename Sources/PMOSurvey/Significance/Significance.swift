/// The significance tests of the latest wave's breakdowns (issue: is a difference between
/// sectors, sizes or waves real?): one test of each table, or of each item of a multi-choice
/// table; every pair of groups on every category, Holm-adjusted; and Bowker's test of the same
/// trusts' moves between the two latest waves. Computed once, rendered by every output alike.
public struct Significance: Sendable {
    /// A record of `SignificanceTests`.
    public struct TableTest: Sendable, Hashable {
        public let breakdown: String
        /// The item, for a multi-choice question; nil for a test of the whole table.
        public let category: String?
        /// `chi-square`, `exact`, `monte-carlo` or `bowker`.
        public let test: String
        /// nil when the test is withheld: fewer than two groups without a withheld figure.
        public let statistic: Double?
        public let degreesOfFreedom: Int?
        public let pValue: Double?
        /// Groups compared (waves, for `bowker`): where disclosure control withheld figures, only
        /// the groups without a withheld one, and `n` their trusts.
        public let groups: Int
        public let n: Int
        /// The groups of the table left out of the test because a figure of theirs is withheld.
        public let groupsLeftOut: [String]

        init(breakdown: String, category: String?, result: IndependenceTest, groupsLeftOut: [String] = []) {
            self.breakdown = breakdown
            self.category = category
            test = result.method.rawValue
            statistic = result.statistic
            degreesOfFreedom = result.degreesOfFreedom
            pValue = result.pValue
            groups = result.groups
            n = result.n
            self.groupsLeftOut = groupsLeftOut
        }

        init(breakdown: String, category: String?, test: String, statistic: Double?, degreesOfFreedom: Int?,
             pValue: Double?, groups: Int, n: Int, groupsLeftOut: [String]) {
            self.breakdown = breakdown
            self.category = category
            self.test = test
            self.statistic = statistic
            self.degreesOfFreedom = degreesOfFreedom
            self.pValue = pValue
            self.groups = groups
            self.n = n
            self.groupsLeftOut = groupsLeftOut
        }

        /// Whether disclosure control withheld the test's result.
        public var isWithheld: Bool { pValue == nil }
    }

    /// A record of `PairwiseTests`.
    public struct PairTest: Sendable, Hashable {
        public enum Method: String, Sendable, Hashable {
            case twoProportionZ = "two-proportion-z"
            case fisherExact = "fisher-exact"
        }

        public let breakdown: String
        public let category: String
        public let groupA: String
        public let groupB: String
        /// nil, with every figure below, when a side's share is withheld (disclosure control R5).
        public let shareA: Share?
        public let shareB: Share?
        public let method: Method
        public let pValue: Double?
        /// Holm-adjusted over the pairs of the same breakdown and category.
        public let pAdjusted: Double?

        public var difference: Double? { shareA.flatMap { a in shareB.map { a.value - $0.value } } }
        public var isWithheld: Bool { pValue == nil }

        /// The same pair with every figure withheld.
        var withheld: PairTest {
            PairTest(breakdown: breakdown, category: category, groupA: groupA, groupB: groupB, shareA: nil, shareB: nil,
                     method: method, pValue: nil, pAdjusted: nil)
        }
    }

    /// The level at which the report calls a difference significant.
    public static let level = 0.05
    /// A group needs this base to be compared with another.
    public static let smallestPairBase = 10
    /// Below this count in any cell, a pair is tested exactly (Fisher) rather than by z.
    public static let smallestPairCell = 5
    /// The fixed seed of every Monte Carlo p-value: runs of the same survey give the same p-values.
    public static let seed: UInt64 = 20_141_201

    public internal(set) var tests: [TableTest]
    public internal(set) var pairs: [PairTest]
    /// Only when the survey has two waves or more.
    public internal(set) var transitions: ModelTransitions?

    /// `tables` are the latest wave's share tables, in the contract's order. Where disclosure
    /// control marked figures withheld (R5), a test compares only the groups without a withheld
    /// figure, or is withheld when fewer than two are left; a pair with a withheld side is withheld.
    public init(tables: [ShareTable], transitions: ModelTransitions?) {
        let planned = tables.flatMap(Self.plannedTests)
        var tests: [TableTest] = []
        var next = Self.tableTests(planned.filter { $0.plan != nil }).makeIterator()
        for p in planned {
            tests.append(p.plan == nil
                ? TableTest(breakdown: p.breakdown, category: p.category, test: p.method, statistic: nil,
                            degreesOfFreedom: nil, pValue: nil, groups: 0, n: 0, groupsLeftOut: p.groupsLeftOut)
                : next.next()!)
        }
        if let transitions, let bowker = transitions.symmetry {
            tests.append(transitions.hasWithheld
                ? TableTest(breakdown: "ModelTransitions", category: nil, test: "bowker", statistic: nil,
                            degreesOfFreedom: nil, pValue: nil, groups: 0, n: 0, groupsLeftOut: [])
                : Self.bowker(bowker))
        }
        self.tests = tests
        pairs = tables.flatMap(Self.pairs)
        self.transitions = transitions
    }

    static func bowker(_ bowker: SymmetryTest) -> TableTest {
        TableTest(breakdown: "ModelTransitions", category: nil, test: "bowker", statistic: bowker.statistic,
                  degreesOfFreedom: bowker.degreesOfFreedom, pValue: bowker.pValue, groups: 2, n: bowker.n,
                  groupsLeftOut: [])
    }

    /// A test of a table (or of one item) over the groups without a withheld figure, before its
    /// p-value is known; no plan when fewer than two such groups are left (the test is withheld).
    struct PlannedTest {
        let breakdown: String
        let category: String?
        let plan: IndependenceTest.Plan?
        /// The method the whole table's test would use, as its shape tells (`Plan.expectedMethod`),
        /// named in a withheld record.
        let method: String
        let groupsLeftOut: [String]
    }

    /// The tests of one table: one of the whole table, or one per item of a multi-choice table,
    /// each wherever the table with every group (but All trusts) can be tested at all.
    static func plannedTests(_ table: ShareTable) -> [PlannedTest] {
        let groups = table.groups.filter { $0.label != Groups.allTrusts }
        guard groups.count >= 2 else { return [] }
        func planned(_ category: String?, _ kept: (ShareTable.Group) -> Bool, _ counts: (ShareTable.Group) -> [Int]) -> PlannedTest? {
            guard let whole = IndependenceTest.prepare(Crosstab(groups.map(counts))) else { return nil }
            let keep = groups.filter(kept)
            let plan = keep.count >= 2 ? IndependenceTest.prepare(Crosstab(keep.map(counts))) : nil
            return PlannedTest(breakdown: table.name.rawValue, category: category, plan: plan, method: whole.expectedMethod.rawValue,
                               groupsLeftOut: groups.filter { !kept($0) }.map(\.label))
        }
        if table.multipleChoice {
            return table.categories.enumerated().compactMap { c, item in
                planned(item, { !$0.withheld[c] }) { [$0.shares[c].count, $0.base - $0.shares[c].count] }
            }
        }
        return planned(nil, { !$0.hasWithheld }) { $0.shares.map(\.count) }.map { [$0] } ?? []
    }

    /// Runs the planned tests, their conditional p-values together on every core.
    static func tableTests(_ planned: [PlannedTest]) -> [TableTest] {
        let results = ConditionalPValues.run(planned.map { ($0.plan!, Self.stream($0.breakdown, $0.category)) })
        return zip(planned, results).map { planned, result in
            TableTest(breakdown: planned.breakdown, category: planned.category, result: result,
                      groupsLeftOut: planned.groupsLeftOut)
        }
    }

    /// Every pair of comparable groups on every category of `table`, adjusted per category.
    static func pairs(_ table: ShareTable) -> [PairTest] {
        let groups = table.groups.filter { $0.label != Groups.allTrusts && $0.base >= smallestPairBase }
        return table.categories.indices.flatMap { c -> [PairTest] in
            var raw: [(ShareTable.Group, ShareTable.Group, PairTest.Method, Double)] = []
            for (i, a) in groups.enumerated() {
                for b in groups[(i + 1)...] {
                    let x = a.shares[c], y = b.shares[c]
                    let cells = [x.count, x.base - x.count, y.count, y.base - y.count]
                    if cells.min()! < smallestPairCell {
                        raw.append((a, b, .fisherExact, FisherExact.pValue(cells[0], cells[1], cells[2], cells[3])))
                    } else {
                        raw.append((a, b, .twoProportionZ, TwoProportionTest.pValue(x.count, x.base, y.count, y.base)))
                    }
                }
            }
            let adjusted = Holm.adjusted(raw.map(\.3))
            return zip(raw, adjusted).map { r, adjusted in
                let pair = PairTest(breakdown: table.name.rawValue, category: table.categories[c], groupA: r.0.label, groupB: r.1.label,
                                    shareA: r.0.shares[c], shareB: r.1.shares[c], method: r.2, pValue: r.3, pAdjusted: adjusted)
                return r.0.withheld[c] || r.1.withheld[c] ? pair.withheld : pair
            }
        }
    }

    /// A stream of random numbers per test, named by its table and item (FNV-1a), so that a test's
    /// p-value does not depend on which other tests ran or in what order.
    static func stream(_ breakdown: String, _ category: String?) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in (breakdown + "\u{1F}" + (category ?? "")).utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
        }
        return hash
    }

    /// The test of a whole table, or of one item of a multi-choice table.
    public func test(_ breakdown: String, category: String? = nil) -> TableTest? {
        tests.first { $0.breakdown == breakdown && $0.category == category }
    }

    /// The test of two groups on a category, whichever order they are named in.
    public func pair(_ breakdown: String, category: String, _ a: String, _ b: String) -> PairTest? {
        pairs.first { $0.breakdown == breakdown && $0.category == category
            && (($0.groupA == a && $0.groupB == b) || ($0.groupA == b && $0.groupB == a)) }
    }

    /// The pairs of one breakdown and category.
    public func pairs(_ breakdown: String, category: String) -> [PairTest] {
        pairs.filter { $0.breakdown == breakdown && $0.category == category }
    }
}
