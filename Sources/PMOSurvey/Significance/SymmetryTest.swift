/// Bowker's test of symmetry on a square table of the same trusts' answers in two waves: whether
/// moves from one answer to another are balanced by moves back. Statistic Σ over pairs i < j of
/// (n_ij − n_ji)² / (n_ij + n_ji), with k(k − 1)/2 degrees of freedom for k answers, as statsmodels'
/// `SquareTable.symmetry()` (a pair nobody moved between adds 0 to the statistic and keeps its df).
public struct SymmetryTest: Sendable, Hashable {
    public let statistic: Double
    public let degreesOfFreedom: Int
    public let pValue: Double
    /// Trusts in the table.
    public let n: Int

    /// nil when fewer than two answers occur in either wave. Answers nobody gave in either wave
    /// are dropped first, as the tests of independence drop empty categories.
    public init?(_ table: [[Int]]) {
        let k = table.count
        precondition(table.allSatisfy { $0.count == k }, "a symmetry test needs a square table")
        let used = (0..<k).filter { i in (0..<k).contains { table[i][$0] + table[$0][i] > 0 } }
        guard used.count >= 2 else { return nil }
        var sum = 0.0
        for (a, i) in used.enumerated() {
            for j in used[(a + 1)...] {
                let moves = table[i][j] + table[j][i]
                guard moves > 0 else { continue }
                let d = Double(table[i][j] - table[j][i])
                sum += d * d / Double(moves)
            }
        }
        statistic = sum
        degreesOfFreedom = used.count * (used.count - 1) / 2
        pValue = ChiSquareDistribution.upperTail(sum, degreesOfFreedom: Double(degreesOfFreedom))
        n = table.joined().reduce(0, +)
    }
}
