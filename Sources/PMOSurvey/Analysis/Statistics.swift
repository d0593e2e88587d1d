import Foundation

/// The 95% Wilson score interval for a binomial proportion.
///
/// Chosen over the normal ("Wald") interval because survey groups are small (a handful of
/// ambulance trusts) and shares near 0% or 100% are common; Wilson stays within [0, 1] and
/// keeps sensible coverage there.
public enum Wilson {
    public static let z = 1.959964

    public static func interval(count: Int, base: Int) -> (low: Double, high: Double) {
        precondition(base > 0)
        let n = Double(base), p = Double(count) / n, z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let halfWidth = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        // At 0 or n the bound is exactly 0 or 1; rounding must not suggest otherwise.
        let low = count == 0 ? 0 : max(0, centre - halfWidth)
        let high = count == base ? 1 : min(1, centre + halfWidth)
        return (low, high)
    }
}

/// n, mean, quartiles and range of a list of numbers.
public struct Summary: Sendable, Hashable {
    public let n: Int
    public let mean: Double
    public let min: Double
    public let q1: Double
    public let median: Double
    public let q3: Double
    public let max: Double

    /// nil for an empty list: a group with no values is left out, never shown as zeros.
    public init?(_ values: [Double]) {
        self.init(sorted: values.sorted())
    }

    /// For values already in ascending order.
    init?(sorted: [Double]) {
        guard !sorted.isEmpty else { return nil }
        n = sorted.count
        mean = sorted.reduce(0, +) / Double(n)
        min = sorted[0]
        max = sorted[n - 1]
        q1 = Quartile.inclusive(sorted, 0.25)
        median = Quartile.inclusive(sorted, 0.5)
        q3 = Quartile.inclusive(sorted, 0.75)
    }
}

/// Quantiles by inclusive linear interpolation: Excel's `QUARTILE.INC`/`PERCENTILE.INC`, numpy's default.
public enum Quartile {
    /// The `p` quantile of an ascending, non-empty list.
    public static func inclusive(_ sorted: [Double], _ p: Double) -> Double {
        precondition(!sorted.isEmpty && (0...1).contains(p))
        let position = Double(sorted.count - 1) * p
        let lower = Int(position.rounded(.down))
        let fraction = position - Double(lower)
        guard lower + 1 < sorted.count, fraction > 0 else { return sorted[lower] }
        return sorted[lower] + fraction * (sorted[lower + 1] - sorted[lower])
    }
}
