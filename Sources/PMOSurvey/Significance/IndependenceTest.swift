/// Pearson's chi-square test of independence on a crosstab, as the report runs it: without
/// continuity correction, from the chi-square distribution when every expected count is 5 or
/// more, and otherwise from random tables with the same margins (a Monte Carlo p-value), where
/// the chi-square approximation cannot be trusted.
public struct IndependenceTest: Sendable, Hashable {
    public enum Method: String, Sendable, Hashable {
        case chiSquare = "chi-square"
        case monteCarlo = "monte-carlo"
    }

    public let method: Method
    public let statistic: Double
    public let degreesOfFreedom: Int
    public let pValue: Double
    /// Rows and total of the table tested, empty rows and columns dropped.
    public let groups: Int
    public let n: Int

    /// Random tables per Monte Carlo p-value.
    public static let simulatedTables = 100_000
    /// Below this expected count the chi-square distribution is not relied on.
    public static let smallestExpected = 5.0

    /// The test of `table` after empty rows and columns are dropped; nil when fewer than two rows
    /// or two columns are left, where there is nothing to compare.
    public static func prepare(_ table: Crosstab) -> Plan? {
        guard let table = table.withoutEmptyMargins, table.counts.count >= 2, table.counts[0].count >= 2 else { return nil }
        return Plan(table: table)
    }

    /// A test whose table is known; the Monte Carlo part, when needed, runs in chunks that can go
    /// to different cores and still give the same p-value.
    public struct Plan: Sendable {
        public let table: Crosstab
        let expected: [[Double]]
        public let statistic: Double
        public let method: Method

        init(table: Crosstab) {
            self.table = table
            expected = table.expected
            statistic = Crosstab.pearson(table.counts, expected: expected)
            let small = expected.contains { $0.contains { $0 < IndependenceTest.smallestExpected } }
            method = small ? .monteCarlo : .chiSquare
        }

        public var degreesOfFreedom: Int { (table.counts.count - 1) * (table.counts[0].count - 1) }

        /// The test with its p-value from the chi-square distribution, or from `exceeding`, the
        /// number of simulated tables whose statistic reached the observed one.
        func result(exceeding: Int?) -> IndependenceTest {
            let p: Double
            if method == .monteCarlo, let exceeding {
                // As R's chisq.test: the observed table counts as one of the random ones, so p > 0.
                p = Double(1 + exceeding) / Double(IndependenceTest.simulatedTables + 1)
            } else {
                p = ChiSquareDistribution.upperTail(statistic, degreesOfFreedom: Double(degreesOfFreedom))
            }
            return IndependenceTest(method: method, statistic: statistic, degreesOfFreedom: degreesOfFreedom,
                                    pValue: p, groups: table.counts.count, n: table.total)
        }

        /// How many of `count` random tables from `stream` have a statistic at least the observed
        /// one (less a relative 64 ulps, so that a table equal to the observed one counts, as in R).
        func simulate(count: Int, seed: UInt64, stream: UInt64, chunk: UInt64, logFactorials: LogFactorials) -> Int {
            var random = SeededRandom(seed: seed, stream, chunk)
            let flatExpected = expected.flatMap { $0 }
            let reciprocal = flatExpected.map { 1 / $0 }
            var cells = [Int](repeating: 0, count: flatExpected.count)
            let threshold = statistic * (1 - 64 * Double.ulpOfOne)
            let tables = RandomTables(rowTotals: table.rowTotals, columnTotals: table.columnTotals, logFactorials: logFactorials)
            return tables.withSampler { sampler in
                var exceeding = 0
                for _ in 0..<count {
                    sampler.draw(into: &cells, using: &random)
                    var sum = 0.0
                    for i in cells.indices {
                        let d = Double(cells[i]) - flatExpected[i]
                        sum += d * d * reciprocal[i]
                    }
                    if sum >= threshold { exceeding += 1 }
                }
                return exceeding
            }
        }
    }
}
