import PMOSurvey

/// Numbers as the report prints them, the same on every machine: a fixed `.` decimal point and
/// `,` thousands separator whatever the locale, and a dash rather than `nan` for a missing value.
enum NumberFormat {
    static let missing = "–"

    /// `1234.567` with 1 place as `1,234.6`; halves round away from zero.
    static func decimal(_ value: Double, places: Int) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return missing }
        var factor = 1
        for _ in 0..<places { factor *= 10 }
        let scaled = Int((abs(value) * Double(factor)).rounded(.toNearestOrAwayFromZero))
        let whole = (scaled / factor).grouped
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard places > 0 else { return sign + whole }
        let fraction = String(scaled % factor)
        return sign + whole + "." + String(repeating: "0", count: places - fraction.count) + fraction
    }

    /// A share as a percentage: `0.4606` as `46.1%`.
    static func percent(_ share: Double, places: Int = 1) -> String {
        guard share.isFinite else { return missing }
        return decimal(share * 100, places: places) + "%"
    }

    /// A 95% interval as `38.6% to 53.7%`.
    static func interval(_ low: Double, _ high: Double) -> String {
        percent(low) + " to " + percent(high)
    }

    /// FTE and other measured amounts: one decimal place.
    static func amount(_ value: Double) -> String { decimal(value, places: 1) }
}
