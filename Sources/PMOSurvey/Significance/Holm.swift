/// Holm's step-down adjustment of p-values for several tests of one family: the smallest p is
/// multiplied by the number of tests, the next by one fewer, and so on, each kept at least as large
/// as the one before and at most 1. It keeps the chance of any false "significant" in the family
/// at 5% or less, without assuming the tests are independent.
public enum Holm {
    public static func adjusted(_ pValues: [Double]) -> [Double] {
        let m = pValues.count
        let order = pValues.indices.sorted { (pValues[$0], $0) < (pValues[$1], $1) }
        var result = [Double](repeating: 1, count: m)
        var running = 0.0
        for (rank, index) in order.enumerated() {
            running = max(running, min(1, pValues[index] * Double(m - rank)))
            result[index] = running
        }
        return result
    }
}
