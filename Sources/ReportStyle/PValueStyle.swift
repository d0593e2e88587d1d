import PMOSurvey

/// How every output writes a p-value: two decimals, three below 0.1, and `< 0.001` below that,
/// where more digits would claim a precision the tests do not have. The PDF's sentences and tables
/// and the workbook's cells follow this one rule.
public enum PValueStyle {
    /// Below this a p-value is written `< 0.001`.
    static let floor = 0.001
    /// Below this a p-value gets a third decimal.
    static let finer = 0.1
    /// Two decimals, three below `finer`.
    static let style = NumberStyle.ratio
    static let finerStyle = NumberStyle(places: 3, isPercentage: false, groupsThousandsInCells: false)

    /// `0.42`, `0.003`, `< 0.001`. In text a figure is never rounded across the 5% line: 0.04996
    /// is `0.04996`, not `0.050`.
    public static func figure(_ p: Double) -> String {
        guard p >= floor else { return "< " + finerStyle.text(floor) }
        var places = (p < finer ? finerStyle : style).places
        while places < 6, (p < Significance.level) != (rounded(p, places) < Significance.level) { places += 1 }
        return NumberText.decimal(p, places: places)
    }

    /// `p = 0.42`, `p = 0.003`, `p < 0.001`.
    public static func text(_ p: Double) -> String {
        p >= floor ? "p = " + figure(p) : "p " + figure(p)
    }

    /// The same rule as Excel's number format, `[<0.001]"< 0.001";[<0.1]0.000;0.00`, so that a cell
    /// shows what the text says while holding the exact value. (A format cannot widen a figure
    /// next to the 5% line; the cell's value is exact.)
    public static var excelFormat: String {
        "[<\(floor)]\"\(figure(0))\";[<\(finer)]\(finerStyle.excelFormat);\(style.excelFormat)"
    }

    private static func rounded(_ value: Double, _ places: Int) -> Double {
        var factor = 1.0
        for _ in 0..<places { factor *= 10 }
        return (value * factor).rounded(.toNearestOrAwayFromZero) / factor
    }
}
