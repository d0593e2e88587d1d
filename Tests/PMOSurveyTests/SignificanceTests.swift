import Foundation
import Testing
@testable import PMOSurvey

/// The tests' arithmetic against scipy and statsmodels, computed live (see `ScipyReference`), to
/// 1e-6 relative where the method is deterministic (the p-values conditional on the margins are
/// `SignificanceConditionalTests`').
@Suite struct SignificanceTests {
    static func close(_ a: Double, _ b: Double, relative: Double = 1e-6) -> Bool {
        a == b || abs(a - b) <= relative * max(abs(a), abs(b))
    }

    static let chiSquareCases: [(Double, Int)] = [
        (3.841458820694124, 1), (28.1, 15), (0.001, 1), (1e-8, 30), (0.5, 2), (150, 4), (700, 3),
        (500, 1000), (1000, 1000), (1200, 1000), (2000, 1000), (9000, 10_000), (45, 81), (2.5, 25),
    ]

    @Test func chiSquareTailMatchesScipy() throws {
        let reference = try ScipyReference.evaluate(["chi2sf": Self.chiSquareCases.map { [$0.0, Double($0.1)] }])
        let expected = reference["chi2sf"] as! [Double]
        for ((x, df), want) in zip(Self.chiSquareCases, expected) {
            let got = ChiSquareDistribution.upperTail(x, degreesOfFreedom: Double(df))
            #expect(Self.close(got, want), "chi2.sf(\(x), \(df)): \(got) against scipy \(want)")
        }
        // The extremes are in the list: p within 1e-9 of 1, and below 1e-100.
        #expect(expected.contains { $0 > 1 - 1e-9 } && expected.contains { $0 < 1e-100 && $0 > 0 })
    }

    static let crosstabs: [[[Int]]] = [
        [[40, 44, 20, 0], [17, 18, 8, 1], [22, 10, 7, 3]],          // a zero, small expected counts
        [[120, 80], [95, 105]],                                       // 2 x 2
        [[1000, 1], [1000, 40]],                                      // p near 0
        [[50, 50, 50], [51, 49, 50], [50, 50, 51]],                   // p near 1
        [[0, 0, 0], [12, 30, 9], [7, 0, 14]],                         // an empty row, dropped
        (0..<10).map { r in (0..<10).map { c in 20 + (r * 7 + c * 3) % 11 } },  // 81 df
        [[410_000, 90_000], [380_000, 120_000]],                      // a million responses
    ]

    @Test func pearsonStatisticAndTailMatchScipyWithoutCorrection() throws {
        let reference = try ScipyReference.evaluate(["contingency": Self.crosstabs]) ["contingency"] as! [[Double]]
        for (table, want) in zip(Self.crosstabs, reference) {
            let plan = try #require(IndependenceTest.prepare(Crosstab(table)))
            let asymptotic = plan.result()
            #expect(Self.close(plan.statistic, want[0]), "X² of \(table)")
            #expect(Self.close(asymptotic.pValue, want[1]), "p of \(table): \(asymptotic.pValue) against \(want[1])")
            #expect(plan.degreesOfFreedom == Int(want[2]))
            #expect(plan.isConditional == (want[3] < 5))
        }
    }

    @Test func aTableWithOneGroupOrOneAnswerHasNoTest() {
        #expect(IndependenceTest.prepare(Crosstab([[3, 4, 5]])) == nil)
        #expect(IndependenceTest.prepare(Crosstab([[3, 0], [5, 0], [0, 0]])) == nil)
    }

    static let fisherCases: [[Int]] = [
        [0, 5, 5, 0], [0, 10, 3, 7], [1, 9, 11, 3], [3, 1, 1, 3], [5, 5, 5, 5], [50, 0, 0, 50], [2, 30, 0, 25],
        [0, 12, 0, 40], [3, 500_000, 10, 400_000], [7, 2, 3, 1_000_000], [4, 46, 12, 38],
    ]

    @Test func fisherMatchesScipy() throws {
        let reference = try ScipyReference.evaluate(["fisher": Self.fisherCases])["fisher"] as! [Double]
        for (c, want) in zip(Self.fisherCases, reference) {
            let got = FisherExact.pValue(c[0], c[1], c[2], c[3])
            #expect(Self.close(got, want), "fisher \(c): \(got) against scipy \(want)")
        }
        #expect(reference.contains { $0 < 1e-25 } && reference.contains { $0 == 1 })
    }

    static let proportionCases: [[Int]] = [
        [40, 84, 17, 44], [12, 50, 30, 50], [500, 1000, 520, 1000], [5, 20, 15, 20], [300_000, 500_000, 290_000, 480_000],
        [95, 100, 5, 100],
    ]

    @Test func twoProportionZMatchesStatsmodels() throws {
        let reference = try ScipyReference.evaluate(["ztest": Self.proportionCases])["ztest"] as! [Double]
        for (c, want) in zip(Self.proportionCases, reference) {
            let got = TwoProportionTest.pValue(c[0], c[1], c[2], c[3])
            #expect(Self.close(got, want), "z test \(c): \(got) against statsmodels \(want)")
        }
        #expect(TwoProportionTest.pValue(0, 20, 0, 30) == 1)
    }

    static let holmCases: [[Double]] = [
        [0.01, 0.04, 0.03, 0.005], [0.5], [0.2, 0.2, 0.2], [1e-12, 0.9, 0.049, 0.051, 0.3, 0.0001], [0.6, 0.7, 0.01],
    ]

    @Test func holmMatchesStatsmodels() throws {
        let reference = try ScipyReference.evaluate(["holm": Self.holmCases])["holm"] as! [[Double]]
        for (ps, want) in zip(Self.holmCases, reference) {
            let got = Holm.adjusted(ps)
            #expect(zip(got, want).allSatisfy { Self.close($0, $1) }, "holm \(ps): \(got) against \(want)")
        }
    }

    static let squareTables: [[[Int]]] = [
        [[29, 6, 0, 0], [6, 45, 0, 0], [0, 9, 16, 3], [0, 0, 6, 16]],
        [[50, 18, 2], [4, 60, 7], [1, 1, 30]],
        [[10, 0], [0, 12]],
        [[100, 80, 3, 0], [2, 90, 60, 1], [0, 1, 70, 45], [0, 0, 2, 40]],
    ]

    @Test func bowkerMatchesStatsmodels() throws {
        let reference = try ScipyReference.evaluate(["bowker": Self.squareTables])["bowker"] as! [[Double]]
        for (table, want) in zip(Self.squareTables, reference) {
            let got = try #require(SymmetryTest(table))
            #expect(Self.close(got.statistic, want[0]) && Self.close(got.pValue, want[1]), "bowker \(table): \(got) against \(want)")
            #expect(got.degreesOfFreedom == Int(want[2]))
        }
    }

    @Test func bowkerDropsAModelNobodyHeld() throws {
        let withEmpty = try #require(SymmetryTest([[29, 6, 0, 0], [6, 45, 0, 2], [0, 0, 0, 0], [0, 5, 0, 16]]))
        let without = try #require(SymmetryTest([[29, 6, 0], [6, 45, 2], [0, 5, 16]]))
        #expect(withEmpty == without)
        #expect(SymmetryTest([[4, 0], [0, 0]]) == nil)
    }

    // MARK: Random tables

    @Test func randomTablesKeepTheirMargins() {
        let rows = [7, 0, 12, 3], columns = [5, 9, 8]
        let tables = RandomTables(rowTotals: rows, columnTotals: columns, logFactorials: LogFactorials(upTo: 22))
        var random = SeededRandom(seed: 1)
        var cells = [Int](repeating: 0, count: 12)
        var seen = Set<[Int]>()
        for _ in 0..<2000 {
            tables.withSampler { $0.draw(into: &cells, using: &random) }
            #expect(cells.allSatisfy { $0 >= 0 })
            for r in 0..<4 { #expect(cells[(r * 3)..<(r * 3 + 3)].reduce(0, +) == rows[r]) }
            for c in 0..<3 { #expect(stride(from: c, to: 12, by: 3).map { cells[$0] }.reduce(0, +) == columns[c]) }
            seen.insert(cells)
        }
        #expect(seen.count > 100)
    }

    /// Draws against the exact probabilities, narrow (inversion) and wide (ratio of uniforms, with
    /// each of its mappings: more successes than failures, more draws than half the urn).
    @Test(arguments: [(12, 30, 100), (300_000, 250_000, 500_000), (1_000, 400_000, 500_000),
                      (450_000, 100_000, 500_000), (40, 60, 120)])
    func hypergeometricDrawsFollowTheirDistribution(draws: Int, successes: Int, total: Int) {
        let tables = RandomTables(rowTotals: [draws, total - draws], columnTotals: [successes, total - successes],
                                  logFactorials: LogFactorials(upTo: total))
        var random = SeededRandom(seed: 3, UInt64(draws))
        var counts: [Int: Int] = [:]
        let samples = 200_000
        tables.withSampler { sampler in
            for _ in 0..<samples {
                counts[sampler.sampleHypergeometric(draws: draws, successes: successes, total: total, using: &random), default: 0] += 1
            }
        }
        // Exact probabilities from the mode outwards, normalised; bins merged until each expects 20.
        let h = Hypergeometric(successes: successes, failures: total - successes, draws: draws)
        var weights: [Int: Double] = [h.mode: 1]
        var w = 1.0, k = h.mode
        while k < h.support.upperBound, w > 1e-300 { w *= h.ratioUp(from: k); k += 1; weights[k] = w }
        w = 1; k = h.mode
        while k > h.support.lowerBound, w > 1e-300 { w /= h.ratioUp(from: k - 1); k -= 1; weights[k] = w }
        let sum = weights.values.reduce(0, +)
        #expect(counts.keys.allSatisfy { h.support.contains($0) })
        var statistic = 0.0, bins = 0, expectedBin = 0.0, observedBin = 0
        for value in weights.keys.sorted() {
            expectedBin += weights[value]! / sum * Double(samples)
            observedBin += counts[value] ?? 0
            if expectedBin >= 20 {
                statistic += (Double(observedBin) - expectedBin) * (Double(observedBin) - expectedBin) / expectedBin
                bins += 1; expectedBin = 0; observedBin = 0
            }
        }
        let p = ChiSquareDistribution.upperTail(statistic, degreesOfFreedom: Double(bins - 1))
        #expect(p > 1e-5, "draws of (\(draws), \(successes), \(total)) do not follow the distribution: X² \(statistic), \(bins) bins")
    }

    /// Many more parameter sets than the cache keeps, wide and narrow: every one is still answered
    /// (a full table once made the probe loop for ever).
    @Test func theDrawCacheAnswersPastItsCapacity() {
        let f = LogFactorials(upTo: 1_000_000)
        f.values.withUnsafeBufferPointer { f in
            var cache = HypergeometricCache()
            var wide = 0, narrow = 0
            for successes in stride(from: 100_000, to: 110_000, by: 1) {
                for draws in [500_000, 3] {
                    switch cache.kind(Hypergeometric(successes: successes, failures: 1_000_000 - successes, draws: draws), f: f) {
                    case .wide: wide += 1
                    case .window, .walk: narrow += 1
                    }
                }
            }
            #expect(wide == 10_000 && narrow == 10_000)
        }
    }

    @Test func logGammaMatchesFactorials() {
        var factorial = 1.0
        for n in 1...170 {
            factorial *= Double(n)
            #expect(Self.close(LogGamma.of(Double(n + 1)), log(factorial), relative: 1e-13) || n < 2)
        }
        #expect(Self.close(LogGamma.of(0.5), log(Double.pi.squareRoot()), relative: 1e-13))
    }
}
