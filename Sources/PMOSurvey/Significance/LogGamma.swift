import Foundation

/// The natural logarithm of the gamma function for x > 0, in Swift rather than the C library's
/// `lgamma`, which writes the global `signgam` and so races when tests run in parallel.
///
/// Stirling's series from x >= 15, reached from smaller x by the recurrence Γ(x + 1) = x Γ(x):
/// accurate to a few units in the last place, which is what the p-values need.
enum LogGamma {
    static func of(_ x: Double) -> Double {
        precondition(x > 0, "log-gamma is used for positive arguments only")
        var shifted = x, logProduct = 0.0, product = 1.0
        while shifted < 15 {
            product *= shifted
            shifted += 1
            // Kept below overflow; for x this small it never comes near.
            if product > 1e280 { logProduct += log(product); product = 1 }
        }
        logProduct += log(product)
        let z = shifted, z2 = z * z
        // 1/12z − 1/360z³ + 1/1260z⁵ − 1/1680z⁷ + 1/1188z⁹
        let series = (1.0 / 12 - (1.0 / 360 - (1.0 / 1260 - (1.0 / 1680 - 1.0 / (1188 * z2)) / z2) / z2) / z2) / z
        let stirling = (z - 0.5) * log(z) - z + 0.918_938_533_204_672_7 + series
        return stirling - logProduct
    }
}
