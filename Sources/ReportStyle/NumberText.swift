import PMOSurvey

/// Numbers as every output prints them — the PDF, the workbook's sentences and chart texts, the
/// packs and the headline sentences — so that a figure reads the same wherever it appears:
/// a fixed `.` decimal point and `,` thousands separator whatever the locale, and a dash for a
/// missing value.
///
/// Rounding is half away from zero on the shortest decimal that reads back as the value (Swift's
/// `description`), not on its binary expansion: 0.15 is stored as 0.1499999…, yet a reader who
/// sees 0.15 in the data expects 0.2, as Excel shows it. So 2.25 is `2.3`, 0.15 is `0.2`, 1.005
/// with two places is `1.01`, and -2.25 is `-2.3`.
public enum NumberText {
    /// A value that is missing or not a number.
    public static let missing = "–"

    /// `1234.567` with 1 place as `1,234.6`.
    public static func decimal(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return missing }
        return rounded(value, shift: 0, places: places)
    }

    /// A share as a percentage: `0.4606` as `46.1%`. The decimal point moves two places in the
    /// digits, so 0.0125 is `1.3%` as its digits say.
    public static func percent(_ share: Double, places: Int = 1) -> String {
        guard share.isFinite else { return missing }
        return perCent(share, places: places) + "%"
    }

    /// A 95% interval as `38.6% to 53.7%`.
    public static func interval(_ low: Double, _ high: Double) -> String {
        percent(low) + " to " + percent(high)
    }

    /// The same interval in a table cell under its share, where the table's note says it is in
    /// per cent: `38.6–53.7`.
    public static func intervalInPercent(_ low: Double, _ high: Double) -> String {
        guard low.isFinite, high.isFinite else { return missing }
        return perCent(low, places: 1) + "–" + perCent(high, places: 1)
    }

    /// A share's digits in per cent, without the sign.
    private static func perCent(_ share: Double, places: Int) -> String {
        rounded(share, shift: 2, places: places)
    }

    /// `value` × 10^`shift` to `places` decimals, worked on its decimal digits.
    private static func rounded(_ value: Double, shift: Int, places: Int) -> String {
        // The shortest round-trip form: `2.25`, `1e-05`, `1.5e+20`.
        let written = abs(value).description
        let parts = written.split(separator: "e")
        let mantissa = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        let fraction = mantissa.count > 1 ? mantissa[1] : ""
        var digits = (mantissa[0] + fraction).map { Int($0.asciiValue! - 48) }
        // value = digits × 10^exponent
        let exponent = (parts.count > 1 ? Int(parts[1])! : 0) - fraction.count + shift
        if exponent >= -places {
            digits += Array(repeating: 0, count: exponent + places)
        } else {
            let dropped = -places - exponent
            let roundsUp = dropped <= digits.count && digits[digits.count - dropped] >= 5
            digits = Array(digits.dropLast(min(dropped, digits.count)))
            if roundsUp { increment(&digits) }
        }
        if digits.count <= places { digits = Array(repeating: 0, count: places + 1 - digits.count) + digits }
        let whole = digits.dropLast(places).drop { $0 == 0 }
        let text = (whole.isEmpty ? "0" : whole.map(String.init).joined()).groupedInThousands
            + (places > 0 ? "." + digits.suffix(places).map(String.init).joined() : "")
        return value < 0 && digits.contains { $0 != 0 } ? "-" + text : text
    }

    /// Adds one in the last place, carrying.
    private static func increment(_ digits: inout [Int]) {
        for i in digits.indices.reversed() {
            if digits[i] < 9 { digits[i] += 1; return }
            digits[i] = 0
        }
        digits.insert(1, at: 0)
    }
}
