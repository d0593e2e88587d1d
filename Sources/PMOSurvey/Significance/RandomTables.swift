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
        /// by inversion while the distribution is narrow (a few steps from the mode), by ratio of
        /// uniforms once it is wide, where inversion would walk hundreds of steps per cell.
        func sampleHypergeometric(draws: Int, successes: Int, total: Int, using random: inout SeededRandom) -> Int {
            let failures = total - successes
            let low = max(0, draws - failures), high = min(draws, successes)
            if low == high { return low }
            let n = Double(total), variance = Double(draws) * Double(successes) / n * Double(failures) / n
                * Double(total - draws) / max(1, n - 1)
            if variance >= Self.wide && draws >= 10 && draws <= total - 10 {
                return byRatioOfUniforms(draws: draws, successes: successes, total: total, using: &random)
            }
            return byInversion(draws: draws, successes: successes, total: total, low: low, high: high, using: &random)
        }

        /// The variance from which ratio of uniforms is used.
        static let wide = 16.0

        private func byInversion(draws: Int, successes: Int, total: Int, low: Int, high: Int,
                                 using random: inout SeededRandom) -> Int {
            let failures = total - successes
            let h = Hypergeometric(successes: successes, failures: failures, draws: draws)
            let mode = h.mode
            let margins: Double = f[successes] + f[failures] + f[draws] + f[total - draws] - f[total]
            let cells: Double = f[mode] + f[successes - mode] + f[draws - mode] + f[failures - draws + mode]
            var probability = exp(margins - cells)
            var u = random.unit()
            // From the mode outwards, always taking the more likely neighbour next.
            var up = mode, down = mode
            var pUp = probability, pDown = probability
            var value = mode
            while true {
                u -= probability
                if u < 0 { return value }
                let nextUp = up < high ? pUp * h.ratioUp(from: up) : -1
                let nextDown = down > low ? pDown / h.ratioUp(from: down - 1) : -1
                if nextUp < 0 && nextDown < 0 { return value }  // rounding left u a hair above the total
                if nextUp >= nextDown {
                    up += 1; pUp = nextUp; value = up; probability = nextUp
                } else {
                    down -= 1; pDown = nextDown; value = down; probability = nextDown
                }
            }
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
