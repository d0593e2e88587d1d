import Foundation

/// log(k!) for k = 0...n, made once and shared by every Monte Carlo test of an analysis.
final class LogFactorials: Sendable {
    let values: [Double]

    init(upTo n: Int) {
        var values = [Double](repeating: 0, count: max(n, 1) + 1)
        for k in stride(from: 2, through: n, by: 1) { values[k] = LogGamma.of(Double(k + 1)) }
        self.values = values
    }
}

/// Random tables with fixed row and column totals, drawn by Patefield's algorithm (Applied
/// Statistics AS 159, 1981): cell by cell, each count is drawn from its hypergeometric
/// distribution given the totals left. Every table with the given margins comes out with its
/// probability under independence, which is what a Monte Carlo test of independence needs.
struct RandomTables {
    let rowTotals: [Int]
    let columnTotals: [Int]
    let logFactorials: LogFactorials

    /// Runs `body` with a sampler that reads the log-factorials through a pointer and fills its
    /// own scratch totals: a hundred thousand tables then cost no allocation and no reference
    /// counting on the array the cores share.
    func withSampler<Result>(_ body: (inout Sampler) -> Result) -> Result {
        logFactorials.values.withUnsafeBufferPointer { f in
            var sampler = Sampler(rowTotals: rowTotals, columnTotals: columnTotals, f: f)
            return body(&sampler)
        }
    }
}

extension RandomTables {
    struct Sampler {
        let rowTotals: [Int]
        let columnTotals: [Int]
        /// log(k!).
        let f: UnsafeBufferPointer<Double>
        private var columnsLeft: [Int]
        private let total: Int
        private var cache = HypergeometricCache()

        init(rowTotals: [Int], columnTotals: [Int], f: UnsafeBufferPointer<Double>) {
            self.rowTotals = rowTotals
            self.columnTotals = columnTotals
            self.f = f
            columnsLeft = columnTotals
            total = rowTotals.reduce(0, +)
            precondition(total < f.count, "the log-factorial table is too short for this table")
        }

        /// Fills `table` (rows x columns, row-major) with a random table.
        mutating func draw(into table: inout [Int], using random: inout SeededRandom) {
            let rows = rowTotals.count, columns = columnTotals.count
            for c in 0..<columns { columnsLeft[c] = columnTotals[c] }
            var totalLeft = total
            for r in 0..<(rows - 1) {
                var rowLeft = rowTotals[r]
                // Totals of this row and of the rows below it, over the columns not yet filled.
                var remaining = totalLeft
                for c in 0..<(columns - 1) {
                    let count = sampleHypergeometric(draws: rowLeft, successes: columnsLeft[c],
                                                     total: remaining, using: &random)
                    table[r * columns + c] = count
                    remaining -= columnsLeft[c]
                    columnsLeft[c] -= count
                    rowLeft -= count
                }
                table[r * columns + columns - 1] = rowLeft
                columnsLeft[columns - 1] -= rowLeft
                totalLeft -= rowTotals[r]
            }
            for c in 0..<columns { table[(rows - 1) * columns + c] = columnsLeft[c] }
        }

        /// The number of successes in `draws` items drawn from `total`, of which `successes` succeed:
        /// by inversion while the distribution is narrow (in the test's window of cumulative
        /// probabilities, else walking out from the mode), by ratio of uniforms once it is wide,
        /// where inversion would walk hundreds of steps per cell.
        mutating func sampleHypergeometric(draws: Int, successes: Int, total: Int, using random: inout SeededRandom) -> Int {
            let failures = total - successes
            let low = max(0, draws - failures), high = min(draws, successes)
            if low == high { return low }
            let h = Hypergeometric(successes: successes, failures: failures, draws: draws)
            switch cache.kind(h, f: f) {
            case .wide:
                return byRatioOfUniforms(draws: draws, successes: successes, total: total, using: &random)
            case .window(let index):
                return cache.value(in: cache.windows[index], of: h, u: random.unit())
            case .walk(let modeProbability):
                return byInversion(random.unit(), h, low: low, high: high, modeProbability: modeProbability)
            }
        }

        /// From the mode outwards, always taking the more likely neighbour next; each step works
        /// out only the neighbour beyond the one taken.
        private func byInversion(_ u: Double, _ h: Hypergeometric, low: Int, high: Int, modeProbability: Double) -> Int {
            var u = u - modeProbability
            let mode = h.mode
            var up = mode, down = mode, value = mode
            var nextUp = up < high ? modeProbability * h.ratioUp(from: up) : -1
            var nextDown = down > low ? modeProbability / h.ratioUp(from: down - 1) : -1
            // Ends at the value that takes u below 0, or at the last when rounding left u a hair above the total.
            while u >= 0, nextUp >= 0 || nextDown >= 0 {
                if nextUp >= nextDown {
                    up += 1
                    value = up
                    u -= nextUp
                    nextUp = up < high ? nextUp * h.ratioUp(from: up) : -1
                } else {
                    down -= 1
                    value = down
                    u -= nextDown
                    nextDown = down > low ? nextDown / h.ratioUp(from: down - 1) : -1
                }
            }
            return value
        }

        /// Stadlober's ratio-of-uniforms method (HRUA, 1989, as numpy draws wide hypergeometrics):
        /// a proposal around the mean, accepted with the exact probability ratio, so the draw is exact
        /// and costs a few table look-ups however wide the distribution.
        private func byRatioOfUniforms(draws: Int, successes: Int, total: Int, using random: inout SeededRandom) -> Int {
            let failures = total - successes
            // Drawn for the smaller of the two colours and the smaller of sample and remainder, then mapped back.
            let sample = min(draws, total - draws)
            let fewer = min(successes, failures), more = max(successes, failures)
            let n = Double(total)
            let p = Double(fewer) / n, q = Double(more) / n
            let mean = Double(sample) * p
            let a = mean + 0.5
            let variance = Double(total - sample) * Double(sample) * p * q / (n - 1)
            let c = (variance + 0.5).squareRoot()
            let h = 1.715_527_769_921_413_5 * c + 0.898_916_162_058_898_8
            let mode = Int((Double(sample + 1) * Double(fewer + 1) / (n + 2)).rounded(.down))
                let g: Double = f[mode] + f[fewer - mode] + f[sample - mode] + f[more - sample + mode]
            let bound = min(Double(min(sample, fewer) + 1), (a + 16 * c).rounded(.down))
            var k = 0
            while true {
                let u = random.unit(), v = random.unit()
                guard u > 0 else { continue }
                let x = a + h * (v - 0.5) / u
                guard x >= 0, x < bound else { continue }
                k = Int(x)
                let proposal: Double = f[k] + f[fewer - k] + f[sample - k] + f[more - sample + k]
                let t = g - proposal
                if u * (4 - u) - 3 <= t { break }       // quick acceptance
                if u * (u - t) >= 1 { continue }        // quick rejection
                if 2 * log(u) <= t { break }
            }
            if successes > failures { k = sample - k }
            if sample < draws { k = successes - k }
            return k
        }
    }
}
