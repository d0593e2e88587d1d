import Foundation

/// The standard normal distribution's two-sided tail, P(|Z| >= |z|), through the complementary
/// error function so that small p-values keep their relative precision.
public enum NormalDistribution {
    public static func twoSidedTail(_ z: Double) -> Double {
        erfc(abs(z) / 2.0.squareRoot())
    }
}
