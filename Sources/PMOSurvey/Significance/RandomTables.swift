import Foundation

/// Random tables with fixed row and column totals, drawn by Patefield's algorithm (Applied
/// Statistics AS 159, 1981): cell by cell, each count is drawn from its hypergeometric
/// distribution given the totals left, by inversion searching outwards from the most likely
/// value. Every table with the given margins comes out with its probability under independence,
/// which is what a Monte Carlo test of independence needs.
struct RandomTables: Sendable {
    let rowTotals: [Int]
    let columnTotals: [Int]
    /// log(k!) for k up to the grand total.
    private let logFactorial: [Double]

    init(rowTotals: [Int], columnTotals: [Int]) {
        self.rowTotals = rowTotals
        self.columnTotals = columnTotals
        let total = rowTotals.reduce(0, +)
        var table = [Double](repeating: 0, count: total + 1)
        for k in stride(from: 2, through: total, by: 1) { table[k] = LogGamma.of(Double(k + 1)) }
        logFactorial = table
    }

    /// Fills `table` (rows x columns, row-major) with a random table.
    func draw(into table: inout [Int], using random: inout SeededRandom) {
        let rows = rowTotals.count, columns = columnTotals.count
        var columnsLeft = columnTotals
        var totalLeft = rowTotals.reduce(0, +)
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

    /// The number of successes in `draws` items drawn from `total`, of which `successes` succeed.
    private func sampleHypergeometric(draws: Int, successes: Int, total: Int, using random: inout SeededRandom) -> Int {
        let failures = total - successes
        let low = max(0, draws - failures), high = min(draws, successes)
        if low == high { return low }
        let h = Hypergeometric(successes: successes, failures: failures, draws: draws)
        let mode = h.mode
        let f = logFactorial
        var probability = exp(f[successes] + f[failures] + f[draws] + f[total - draws] - f[total]
            - f[mode] - f[successes - mode] - f[draws - mode] - f[failures - draws + mode])
        var u = random.unit()
        // Inversion from the mode outwards, always taking the more likely neighbour next.
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
}

