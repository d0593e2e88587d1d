/// The thresholds of disclosure control (`disclosure-control.md` section 3): what shared outputs
/// withhold so that no figure singles out a trust that was not named. A report definition may
/// raise them, never lower them.
public struct DisclosureRules: Sendable, Hashable {
    /// R2: a count, share or interval over fewer unnamed trusts than this (but at least one) is
    /// withheld.
    public var smallestCount = 3
    /// R3: mean, median, quartiles and the median per 1,000 staff over fewer unnamed trusts than
    /// this (but at least one) are withheld. NHS Digital computes no mean or median over 1 to 7
    /// values; with 5 or fewer, inclusive quartiles, mean and extremes give every value back.
    public var smallestStatistics = 8
    /// R3: the p% rule's p: a mean is withheld when the unnamed trusts other than the two largest
    /// add up to less than p% of the largest, so the second largest could estimate the largest
    /// that closely.
    public var dominancePercent = 10

    public init() {}

    /// The contract's values, which a definition may only raise.
    public static let standard = DisclosureRules()

    /// R2 for one count: `unnamed` trusts in its base (u), `inCategory` of them in its category (v).
    /// `yesNo` for an item of a multi-choice question, where one unnamed trust that chose it (or
    /// none) is as telling as all of them.
    public func withholdsCount(unnamed u: Int, inCategory v: Int, yesNo: Bool) -> Bool {
        guard u > 0 else { return false }
        return u < smallestCount || v >= u - 1 || (yesNo && v <= 1)
    }

    /// R3 for a median, quartile, quartile band, percentile rank or median per 1,000 staff over
    /// `unnamed` trusts with the figure's inputs.
    public func withholdsStatistic(unnamed u: Int) -> Bool {
        u > 0 && u < smallestStatistics
    }

    /// R3 for a mean (or a total), from the unnamed trusts' values: the threshold, then the p% rule.
    public func withholdsMean(unnamedValues values: [Double]) -> Bool {
        guard !values.isEmpty else { return false }
        if withholdsStatistic(unnamed: values.count) { return true }
        let largest = values.sorted(by: >)
        let rest = largest.dropFirst(2).reduce(0, +)
        return rest < Double(dominancePercent) / 100 * largest[0]
    }
}
