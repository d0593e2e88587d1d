import Foundation
import Testing
@testable import PMOSurvey

/// The p-values conditional on the margins, for tables with an expected count below 5: the exact
/// ones against python's enumeration of every table (and scipy's Fisher test where the two
/// coincide), the Monte Carlo ones against exact values within their simulation error, and both
/// for reproducibility.
@Suite struct SignificanceConditionalTests {
    static func exact(_ table: [[Int]], budget: Int = ExactConditionalTest.budget) -> Double? {
        let crosstab = Crosstab(table)
        return LogFactorials(upTo: crosstab.total).values.withUnsafeBufferPointer {
            ExactConditionalTest.pValue(crosstab, logFactorials: $0, budget: budget)
        }
    }

    /// Two columns or two rows, small enough for python to visit every table: a 2 x 2, a 2 x 3
    /// (transposed), zeros, ties, and tables shaped like a multi-choice item by sector.
    static let twoColumnTables: [[[Int]]] = [
        [[1, 8], [6, 2]],
        [[2, 3, 4], [4, 3, 1]],
        [[0, 5], [1, 4], [2, 3], [5, 0]],
        [[3, 20], [1, 30], [6, 25], [0, 12], [4, 40]],
        [[2, 38], [5, 35], [1, 20], [9, 41], [0, 15], [3, 30]],
        [[30, 2], [28, 4], [12, 0], [40, 1], [9, 3], [18, 6]],
        [[0, 7], [0, 9], [1, 11]],
        [[4, 4], [4, 4], [4, 4]],
        [[0, 20], [1, 25], [8, 6], [0, 18]],
    ]

    @Test func exactMatchesEveryTableEnumerated() throws {
        let reference = try ScipyReference.evaluate(["exact2": Self.twoColumnTables])["exact2"] as! [Double]
        for (table, want) in zip(Self.twoColumnTables, reference) {
            let got = try #require(Self.exact(table), "\(table) is small enough to enumerate")
            #expect(SignificanceTests.close(got, want, relative: 1e-9), "exact \(table): \(got) against \(want)")
        }
        #expect(reference.contains { $0 < 0.01 } && reference.contains { $0 == 1 })
    }

    /// With equal row totals a 2 x 2 table's hypergeometric distribution is symmetric and falls away
    /// from its middle, so ordering tables by X² orders them by probability: Fisher's test.
    static let symmetricTwoByTwo: [[Int]] = [[1, 9, 6, 4], [0, 10, 5, 5], [2, 8, 8, 2], [3, 12, 9, 6]]

    @Test func exactTwoByTwoWithEqualRowsIsFishersTest() throws {
        let reference = try ScipyReference.evaluate(["fisher": Self.symmetricTwoByTwo])["fisher"] as! [Double]
        for (c, want) in zip(Self.symmetricTwoByTwo, reference) {
            let got = try #require(Self.exact([[c[0], c[1]], [c[2], c[3]]]))
            #expect(SignificanceTests.close(got, want, relative: 1e-9), "\(c): \(got) against scipy's Fisher \(want)")
        }
    }

    @Test func exactGivesWayBeyondItsBudgetOrShape() {
        let table = [[2, 38], [5, 35], [1, 20], [9, 41], [0, 15], [3, 30]]
        #expect(Self.exact(table, budget: 500) == nil)
        #expect(Self.exact([[3, 1, 0], [1, 4, 2], [0, 2, 5]]) == nil)
        // A million trusts: too many first-column counts to visit.
        #expect(Self.exact([[250_000, 250_000], [249_700, 250_297], [1, 2]]) == nil)
        // The same p-value to the bit however the table is laid out.
        let p = Self.exact(table)
        #expect(p != nil && p == Self.exact(table.reversed()) && p == Self.exact([table.map { $0[1] }, table.map { $0[0] }]))
    }

    /// Tables python can enumerate, simulated whatever their shape (3 x 3, 2 x 2, 2 x 3).
    static let simulatedTables: [[[Int]]] = [
        [[3, 1, 0], [1, 4, 2], [0, 2, 5]],
        [[1, 8], [6, 2]],
        [[2, 3, 4], [4, 3, 1]],
    ]

    /// Four and a half standard errors of `tables` random tables, plus one table's worth: a false
    /// failure about once in 150,000 runs.
    static func simulationError(_ p: Double, tables: Int) -> Double {
        4.5 * (p * (1 - p) / Double(tables)).squareRoot() + 1 / Double(tables)
    }

    @Test func monteCarloIsWithinItsErrorOfTheExactPValue() throws {
        let exact = try ScipyReference.evaluate(["exact": Self.simulatedTables])["exact"] as! [Double]
        let f = LogFactorials(upTo: 20)
        for (i, (table, p)) in zip(Self.simulatedTables, exact).enumerated() {
            let plan = try #require(IndependenceTest.prepare(Crosstab(table)))
            let result = plan.result(plan.simulate(stream: UInt64(i), logFactorials: f))
            #expect(result.method == .monteCarlo && result.randomTables >= SequentialStopping.batch)
            #expect(abs(result.pValue - p) <= Self.simulationError(p, tables: result.randomTables),
                    "simulated \(result.pValue) from \(result.randomTables) tables against exact \(p)")
        }
    }

    @Test func conditionalPValuesAreReproducibleAloneTogetherAndConcurrently() async throws {
        let tables = Self.simulatedTables + [[[2, 38], [5, 35], [1, 20], [9, 41], [0, 15], [3, 30]], [[120, 80], [95, 105]]]
        let plans = tables.map { IndependenceTest.prepare(Crosstab($0))! }
        let streams = plans.enumerated().map { ($1, UInt64(100 + $0)) }
        let together = ConditionalPValues.run(streams)
        #expect(together.map(\.method) == [.monteCarlo, .exact, .exact, .exact, .chiSquare])
        let alone = streams.map { ConditionalPValues.run([$0])[0] }
        #expect(together == alone)
        let concurrent = await withTaskGroup(of: [IndependenceTest].self) { group in
            for _ in 0..<4 { group.addTask { ConditionalPValues.run(streams) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(concurrent.allSatisfy { $0 == together })
        // The one simulated by hand, serially, gives the p-value the parallel run found.
        #expect(together[0] == plans[0].result(plans[0].simulate(stream: 100, logFactorials: LogFactorials(upTo: 18))))
    }

    /// Wide tables take the ratio-of-uniforms branch: a million trusts with one tiny group, past
    /// what the exact enumeration visits.
    static let largeTables: [[[Int]]] = [
        [[250_000, 250_000], [249_700, 250_297], [1, 2]],      // exact p 0.66
        [[250_000, 250_000], [249_500, 250_497], [0, 3]],      // 0.12
        [[400_000, 100_000], [80_000, 19_996], [0, 4]],        // 0.0018
    ]

    @Test func monteCarloOnAMillionTrustsIsWithinItsErrorOfTheExactPValue() throws {
        let exact = try ScipyReference.evaluate(["exact3x2": Self.largeTables])["exact3x2"] as! [Double]
        let plans = Self.largeTables.map { IndependenceTest.prepare(Crosstab($0))! }
        let results = ConditionalPValues.run(plans.enumerated().map { ($1, UInt64(7 + $0)) })
        for (result, p) in zip(results, exact) {
            #expect(result.method == .monteCarlo)
            #expect(abs(result.pValue - p) <= Self.simulationError(p, tables: result.randomTables),
                    "simulated \(result.pValue) from \(result.randomTables) tables against exact \(p)")
        }
    }

    /// The tables sequential stopping draws for p-values across the range, as if every batch came
    /// out at the true p: few where p is far from 5% and the printed digits are loose, all of them
    /// where p sits on 5%.
    @Test(arguments: [(0.0001, 8_000...8_000), (0.004, 17_000...17_000), (0.02, 79_000...79_000), (0.05, 100_000...100_000),
                      (0.2, 7_000...7_000), (0.43, 10_000...10_000), (0.97, 2_000...2_000), (1, 1_000...1_000)])
    func sequentialStoppingDrawsWhatThePrintedDigitsNeed(p: Double, expected: ClosedRange<Int>) {
        var tables = 0
        repeat { tables += SequentialStopping.batch } while !SequentialStopping.isSettled(
            exceeding: Int((p * Double(tables)).rounded()), of: tables)
        #expect(expected.contains(tables), "p = \(p): \(tables) tables")
    }
}
