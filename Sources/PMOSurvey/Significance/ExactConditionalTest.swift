import Foundation

/// The exact conditional p-value of Pearson's X² for a table with two columns (or two rows): the
/// probability, with every margin fixed, of a table whose statistic is at least the observed one.
/// Most tests with small expected counts are of this shape (each item of a multi-choice question,
/// chosen or not, by sector), and for them no random table is needed.
///
/// With column totals C (the smaller) and n − C, and rows of R_i, X² = n² / (C (n − C)) ·
/// (Σ x_i² / R_i − C² / n) for x_i the rows' counts in the first column: it grows with
/// T = Σ x_i² / R_i. Scaled by L = lcm(R_i), T is the whole number Σ x_i² L / R_i, so tables
/// compare exactly, ties included, with no tolerance.
///
/// The rows are filled one at a time (the network algorithm of Mehta and Patel, 1983): a node is
/// the rows filled so far, summarised by the count m they put in the first column and their part
/// of T; each next row's count is hypergeometric given m. The least and greatest T the remaining
/// rows can add are worked out beforehand, row by row from the last; a node whose every completion
/// reaches the observed T adds its whole probability to p, one whose none does is dropped, and only
/// the rest are expanded. Nodes with the same m and T are merged.
enum ExactConditionalTest {
    /// Nodes expanded before the enumeration gives way to simulation: about what a thousand random
    /// tables cost, so that trying costs little when the table turns out too large.
    static let budget = 200_000

    /// nil when the table has more than two rows and more than two columns, or when T or the
    /// enumeration would be too large (`budget`); `f` is log(k!) up to the table's total.
    static func pValue(_ table: Crosstab, logFactorials f: UnsafeBufferPointer<Double>, budget: Int = budget) -> Double? {
        guard let shape = TwoColumns(table) else { return nil }
        return shape.pValue(f: f, budget: budget)
    }
}

/// A table with two columns (transposed when it has two rows), rows in ascending order of total:
/// small rows first keep the early stages narrow, and the largest, last row costs nothing, as
/// its count is then fixed.
private struct TwoColumns {
    /// Row totals.
    let rows: [Int]
    /// Counts in the column with the smaller total, C.
    let counts: [Int]
    let column: Int
    /// L / R_i: the weight of x_i² in the scaled T.
    let weights: [Int]

    init?(_ table: Crosstab) {
        let pairs: [(Int, Int)]
        if table.counts[0].count == 2 {
            pairs = table.counts.map { ($0[0], $0[1]) }
        } else if table.counts.count == 2 {
            pairs = Array(zip(table.counts[0], table.counts[1]))
        } else {
            return nil
        }
        let first = pairs.reduce(0) { $0 + $1.0 }, second = pairs.reduce(0) { $0 + $1.1 }
        let ordered = pairs.map { first <= second ? ($0.0 + $0.1, $0.0) : ($0.0 + $0.1, $0.1) }.sorted { $0 < $1 }
        rows = ordered.map(\.0)
        counts = ordered.map(\.1)
        column = min(first, second)
        var lcm = 1
        for r in rows {
            let (product, overflow) = lcm.multipliedReportingOverflow(by: r / Self.gcd(lcm, r))
            guard !overflow else { return nil }
            lcm = product
        }
        // T ≤ Σ x_i = C before scaling, so the scaled T stays below L · C.
        guard !lcm.multipliedReportingOverflow(by: max(column, 1)).overflow else { return nil }
        weights = rows.map { lcm / $0 }
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

    /// A node: the first-column count of the rows filled so far, their part of the scaled T, and
    /// the probability of the rows filled so far being as they are.
    private struct Node {
        let m: Int
        let t: Int
        var probability: Double
    }

    func pValue(f: UnsafeBufferPointer<Double>, budget: Int) -> Double? {
        guard let bounds = FutureBounds(rows: rows, weights: weights, column: column, budget: budget) else { return nil }
        let observed = zip(counts, weights).reduce(0) { $0 + $1.0 * $1.0 * $1.1 }
        var nodes = [Node(m: 0, t: 0, probability: 1)]
        var p = 0.0, expanded = 0
        for k in rows.indices {
            let r = rows[k], rest = bounds.rest[k], restAfter = rest - r
            var children: [Node] = []
            var probabilities: [Double] = [], lastM = -1
            for node in nodes {
                let left = column - node.m
                if node.t + bounds.least[k][left] >= observed { p += node.probability; continue }
                if node.t + bounds.most[k][left] < observed { continue }
                // This row's count given `left` of the column among the `rest` remaining: hypergeometric.
                let low = max(0, left - restAfter), high = min(r, left)
                if node.m != lastM {
                    lastM = node.m
                    let margins = f[left] + f[rest - left] + f[r] + f[restAfter] - f[rest]
                    probabilities = (low...high).map { x in
                        exp(margins - f[x] - f[left - x] - f[r - x] - f[restAfter - left + x])
                    }
                }
                expanded += high - low + 1
                guard expanded <= budget else { return nil }
                for x in low...high {
                    let q = node.probability * probabilities[x - low]
                    if q > 0 { children.append(Node(m: node.m + x, t: node.t + x * x * weights[k], probability: q)) }
                }
            }
            nodes = Self.merged(children)
        }
        return min(1, p)
    }

    /// Nodes in order of (m, T), those with both equal made one; the order of the sum is fixed by
    /// the order the nodes were made in, so the p-value is the same to the bit on every run.
    private static func merged(_ nodes: [Node]) -> [Node] {
        let order = nodes.indices.sorted { (nodes[$0].m, nodes[$0].t, $0) < (nodes[$1].m, nodes[$1].t, $1) }
        var result: [Node] = []
        result.reserveCapacity(nodes.count)
        for i in order {
            let node = nodes[i]
            if let last = result.last, last.m == node.m, last.t == node.t {
                result[result.count - 1].probability += node.probability
            } else {
                result.append(node)
            }
        }
        return result
    }
}

/// The least and the greatest scaled T that rows k... can add when they hold `left` of the first
/// column, for every k and `left`: the shortest and longest paths of the network, by dynamic
/// programming from the last row.
private struct FutureBounds {
    /// `least[k][left]`, `most[k][left]`, for left in 0...min(C, rest[k]).
    let least: [[Int]]
    let most: [[Int]]
    /// Σ R_i over i >= k, with rest[rows] = 0.
    let rest: [Int]

    init?(rows: [Int], weights: [Int], column: Int, budget: Int) {
        var rest = [Int](repeating: 0, count: rows.count + 1)
        for k in rows.indices.reversed() { rest[k] = rest[k + 1] + rows[k] }
        let work = rows.indices.reduce(0) { $0 + (min(column, rest[$1]) + 1) * (rows[$1] + 1) }
        guard work <= budget else { return nil }
        var least = [[Int]](repeating: [], count: rows.count + 1)
        var most = least
        least[rows.count] = [0]
        most[rows.count] = [0]
        for k in rows.indices.reversed() {
            let limit = min(column, rest[k])
            var low = [Int](repeating: .max, count: limit + 1), high = [Int](repeating: .min, count: limit + 1)
            for left in 0...limit {
                for x in max(0, left - rest[k + 1])...min(rows[k], left) {
                    let here = x * x * weights[k]
                    low[left] = min(low[left], here + least[k + 1][left - x])
                    high[left] = max(high[left], here + most[k + 1][left - x])
                }
            }
            least[k] = low
            most[k] = high
        }
        self.least = least
        self.most = most
        self.rest = rest
    }
}
