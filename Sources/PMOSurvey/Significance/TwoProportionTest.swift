/// The two-proportion z test with a pooled variance: whether two groups' shares differ, for
/// groups large enough that the normal approximation holds (every cell of the 2 x 2 table 5 or more).
public enum TwoProportionTest {
    /// The z statistic of `countA / baseA` against `countB / baseB`; nil when both shares are 0% or
    /// both 100%, where it is undefined.
    public static func z(_ countA: Int, _ baseA: Int, _ countB: Int, _ baseB: Int) -> Double? {
        precondition(baseA > 0 && baseB > 0, "a share needs a base")
        let pooled = Double(countA + countB) / Double(baseA + baseB)
        let variance = pooled * (1 - pooled) * (1 / Double(baseA) + 1 / Double(baseB))
        guard variance > 0 else { return nil }
        return (Double(countA) / Double(baseA) - Double(countB) / Double(baseB)) / variance.squareRoot()
    }

    /// The two-sided p-value; 1 where z is undefined (no difference to find).
    public static func pValue(_ countA: Int, _ baseA: Int, _ countB: Int, _ baseB: Int) -> Double {
        z(countA, baseA, countB, baseB).map(NormalDistribution.twoSidedTail) ?? 1
    }
}
