/// Pearson's chi-square test of independence on a crosstab, as the report runs it: without
/// continuity correction, from the chi-square distribution when every expected count is 5 or
/// more. Otherwise, where the chi-square approximation cannot be trusted, the p-value is
/// conditional on the margins: exact for a table with two columns or two rows (see
/// `ExactConditionalTest`), else from random tables with the same margins (a Monte Carlo p-value).
public struct IndependenceTest: Sendable, Hashable {
    public enum Method: String, Sendable, Hashable {
        case chiSquare = "chi-square"
        case exact = "exact"
        case monteCarlo = "monte-carlo"
    }

    public let method: Method
    public let statistic: Double
    public let degreesOfFreedom: Int
    public let pValue: Double
    /// Rows and total of the table tested, empty rows and columns dropped.
    public let groups: Int
    public let n: Int
    /// The random tables drawn for a Monte Carlo p-value; 0 for the other methods.
    let randomTables: Int

    /// The most random tables drawn for one Monte Carlo p-value (see `SequentialStopping`).
    public static let simulatedTables = SequentialStopping.most
    /// Below this expected count the chi-square distribution is not relied on.
    public static let smallestExpected = 5.0

    /// The test of `table` after empty rows and columns are dropped; nil when fewer than two rows
    /// or two columns are left, where there is nothing to compare.
    public static func prepare(_ table: Crosstab) -> Plan? {
        guard let table = table.withoutEmptyMargins, table.counts.count >= 2, table.counts[0].count >= 2 else { return nil }
        return Plan(table: table)
    }

    /// A p-value conditional on the table's margins.
    enum Conditional: Sendable {
        case exact(Double)
        /// `exceeding` of `tables` random tables had a statistic at least the observed one.
        case simulated(exceeding: Int, tables: Int)
    }

    /// A test whose table is known, before its p-value is.
    public struct Plan: Sendable {
        public let table: Crosstab
        let expected: [[Double]]
        public let statistic: Double
        /// Whether an expected count is below 5, so that the p-value is conditional on the margins.
        public let isConditional: Bool

        init(table: Crosstab) {
            self.table = table
            expected = table.expected
            statistic = Crosstab.pearson(table.counts, expected: expected)
            isConditional = expected.contains { $0.contains { $0 < IndependenceTest.smallestExpected } }
        }

        /// The method the test uses, as far as the table's shape tells: a conditional p-value is
        /// exact for two columns or two rows, unless the table is too large to enumerate.
        public var expectedMethod: Method {
            guard isConditional else { return .chiSquare }
            return table.counts.count == 2 || table.counts[0].count == 2 ? .exact : .monteCarlo
        }

        public var degreesOfFreedom: Int { (table.counts.count - 1) * (table.counts[0].count - 1) }

        /// The test with its p-value from the chi-square distribution, or the conditional one.
        func result(_ conditional: Conditional? = nil) -> IndependenceTest {
            let method: Method, p: Double, tables: Int
            switch conditional {
            case .exact(let exact):
                (method, p, tables) = (.exact, exact, 0)
            case .simulated(let exceeding, let drawn):
                // As R's chisq.test: the observed table counts as one of the random ones, so p > 0.
                (method, p, tables) = (.monteCarlo, Double(1 + exceeding) / Double(drawn + 1), drawn)
            case nil:
                (method, p, tables) = (.chiSquare, ChiSquareDistribution.upperTail(statistic, degreesOfFreedom: Double(degreesOfFreedom)), 0)
            }
            return IndependenceTest(method: method, statistic: statistic, degreesOfFreedom: degreesOfFreedom,
                                    pValue: p, groups: table.counts.count, n: table.total, randomTables: tables)
        }
    }
}
