/// A kind of figure and how it is written: its decimal places, defined once, give both the text
/// that the PDF, the sentences and the chart descriptions print (`text(_:)`) and the number format
/// of a workbook cell or chart label (`excelFormat`), so that a figure reads the same in both.
public struct NumberStyle: Sendable, Hashable {
    public let places: Int
    /// A share written as a percentage: `0.461` as `46.1%`.
    public let isPercentage: Bool
    /// Whether a cell shows `,` between thousands. Text always does (`NumberText`); a cell does
    /// for counts only, as the workbook always has.
    let groupsThousandsInCells: Bool

    /// Trusts, responses and other counts: `1,234`.
    public static let count = NumberStyle(places: 0, isPercentage: false, groupsThousandsInCells: true)
    /// A share of a base: `46.1%`.
    public static let share = NumberStyle(places: 1, isPercentage: true, groupsThousandsInCells: false)
    /// A share on a chart's axis or bar label, where a decimal would crowd: `46%`.
    public static let roundShare = NumberStyle(places: 0, isPercentage: true, groupsThousandsInCells: false)
    /// FTE and other measured amounts: `4.5`.
    public static let amount = NumberStyle(places: 1, isPercentage: false, groupsThousandsInCells: false)
    /// Ratios and statistics: FTE per 1,000 staff, a chi-square statistic: `0.73`.
    public static let ratio = NumberStyle(places: 2, isPercentage: false, groupsThousandsInCells: false)
    /// A whole number on a chart's axis: `12`.
    public static let wholeAmount = NumberStyle(places: 0, isPercentage: false, groupsThousandsInCells: false)

    /// The figure as text; a dash when it is missing or not a number.
    public func text(_ value: Double) -> String {
        isPercentage ? NumberText.percent(value, places: places) : NumberText.decimal(value, places: places)
    }

    /// Excel's number format: `#,##0`, `0.0%`, `0.00`.
    public var excelFormat: String {
        (groupsThousandsInCells ? "#,##0" : "0") + (places > 0 ? "." + String(repeating: "0", count: places) : "")
            + (isPercentage ? "%" : "")
    }

    /// The format of a chart's data labels: positive figures only, so that an empty or zero
    /// segment carries no label.
    public var excelLabelFormat: String { excelFormat + ";;;" }
}
