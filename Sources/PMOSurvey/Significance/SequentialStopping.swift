/// When a Monte Carlo p-value has had enough random tables (sequential stopping, after Besag and
/// Clifford, 1991): tables are drawn in batches, and drawing stops once the p-value's side of 5%
/// and its printed digits are settled, or after `most` tables. A p-value near 0.4 needs about
/// 10,000 tables, one well below 0.001 about 6,000 to 8,000, one near 0.02 about 80,000; only one
/// within a few thousandths of 5% or of 0.001 needs all.
///
/// The decision is taken after each batch on the counts so far, which come from one random stream
/// per test: the same survey stops at the same table on one core or many.
enum SequentialStopping {
    static let batch = 1_000
    static let most = 100_000
    /// Standard errors between the estimate and 5% for its side to count as settled: a wrong side
    /// about once in 30,000 tests.
    static let sides = 4.0

    /// Whether `exceeding` of `tables` random tables settle the p-value: it is at least `sides`
    /// standard errors from 5% and from 0.001, and either below 0.001 (printed as "< 0.001") or
    /// known to within half a unit of the last digit the report prints (a standard error of 0.005
    /// from 0.1, 0.0005 below).
    static func isSettled(exceeding: Int, of tables: Int) -> Bool {
        guard tables < most else { return true }
        let p = Double(exceeding + 1) / Double(tables + 1)
        // From (k + 1) / (B + 2), so that no exceedance, or nothing but, still has an error.
        let centred = Double(exceeding + 1) / Double(tables + 2)
        let error = (centred * (1 - centred) / Double(tables)).squareRoot()
        guard abs(p - Significance.level) >= sides * error, abs(p - 0.001) >= sides * error else { return false }
        return p < 0.001 || error <= (p >= 0.1 ? 0.005 : 0.0005)
    }
}
