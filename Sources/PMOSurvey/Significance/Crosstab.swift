/// Counts of groups (rows) by categories (columns), as the tests read them.
public struct Crosstab: Sendable, Hashable {
    /// `counts[row][column]`.
    public let counts: [[Int]]

    public init(_ counts: [[Int]]) {
        precondition(!counts.isEmpty && counts.allSatisfy { $0.count == counts[0].count }, "a crosstab is rectangular")
        precondition(counts.allSatisfy { $0.allSatisfy { $0 >= 0 } }, "counts cannot be negative")
        self.counts = counts
    }

    public var rowTotals: [Int] { counts.map { $0.reduce(0, +) } }
    public var columnTotals: [Int] { counts[0].indices.map { c in counts.reduce(0) { $0 + $1[c] } } }
    public var total: Int { rowTotals.reduce(0, +) }

    /// The table without rows and columns whose total is zero: they carry no information and
    /// would make an expected count of zero.
    public var withoutEmptyMargins: Crosstab? {
        let rows = rowTotals.indices.filter { rowTotals[$0] > 0 }
        let columns = columnTotals.indices.filter { columnTotals[$0] > 0 }
        guard !rows.isEmpty, !columns.isEmpty else { return nil }
        return Crosstab(rows.map { r in columns.map { counts[r][$0] } })
    }

    /// Expected counts under independence: row total x column total / total.
    public var expected: [[Double]] {
        let rows = rowTotals, columns = columnTotals, n = Double(total)
        return rows.map { r in columns.map { Double(r) * Double($0) / n } }
    }

    /// Pearson's X² = Σ (observed − expected)² / expected, without continuity correction.
    public var pearsonStatistic: Double {
        Self.pearson(counts, expected: expected)
    }

    static func pearson(_ counts: [[Int]], expected: [[Double]]) -> Double {
        var sum = 0.0
        for (row, expectedRow) in zip(counts, expected) {
            for (o, e) in zip(row, expectedRow) {
                let d = Double(o) - e
                sum += d * d / e
            }
        }
        return sum
    }
}
