import PMOSurvey
import XlsxWriter

/// The report's colours: NHS identity colours, chosen so that neighbours in a chart can be told
/// apart without relying on hue (each stacked segment also gets a white outline).
///
/// This is the one place the workbook defines them. The PDF report uses the same hex values for
/// the same categories, so a board member sees one colour per PMO model or sector everywhere.
public enum Palette {
    // NHS identity colours.
    public static let nhsBlue = "#005EB8"
    public static let nhsDarkBlue = "#003087"
    public static let nhsBrightBlue = "#0072CE"
    public static let nhsLightBlue = "#41B6E6"
    public static let nhsAqua = "#00A9CE"
    public static let nhsWarmYellow = "#FFB81C"
    public static let nhsDarkPink = "#7C2855"
    public static let nhsDarkGreen = "#006747"
    public static let nhsDarkGrey = "#425563"
    public static let nhsMidGrey = "#768692"
    public static let nhsPaleGrey = "#E8EDEE"
    public static let nhsOrange = "#ED8B00"
    public static let nhsRed = "#DA291C"

    /// PMO models, shared with the PDF: central Dark Blue, hybrid Bright Blue, devolved Warm
    /// Yellow, none Mid Grey.
    public static func hex(for model: PMOModel) -> String {
        switch model {
        case .central: nhsDarkBlue
        case .hybrid: nhsBrightBlue
        case .devolved: nhsWarmYellow
        case .none: nhsMidGrey
        }
    }

    /// Series of a clustered chart, in this order: the sectors in the contract's order, then
    /// `All trusts`. Keyed by sector rather than by position so Acute is NHS Blue in every chart,
    /// whichever groups a survey happens to have.
    public static let seriesOrder = [nhsBlue, nhsWarmYellow, nhsDarkPink, nhsAqua, nhsDarkGreen, nhsDarkGrey, nhsOrange]

    /// Central PMO size bands: a blue ramp from small to large, then greys for no figure.
    public static func hex(for size: PMOSize) -> String {
        switch size {
        case .small: nhsLightBlue
        case .medium: nhsBlue
        case .large: nhsDarkBlue
        case .unknown: "#AEB7BD"
        case .noCentralPMO: nhsDarkGrey
        }
    }

    /// The two halves of an interquartile range bar: lower quartile to median, median to upper quartile.
    public static let lowerQuartileToMedian = nhsBlue
    public static let medianToUpperQuartile = nhsLightBlue

    /// Text and lines.
    public static let text = "#212B32"
    public static let secondaryText = nhsDarkGrey
    public static let gridlines = "#D8DDE0"

    /// The colour of a category of a share table: models and PMO sizes by meaning, any other
    /// list (reporting lines) by position in the series order.
    static func color(category: String, at index: Int) -> Color {
        if let model = PMOModel(rawValue: category) { return Color(hex: hex(for: model)) }
        if let size = PMOSize(rawValue: category) { return Color(hex: hex(for: size)) }
        return Color(hex: seriesOrder[index % seriesOrder.count])
    }

    /// The colour of a group as a series: its sector's place in the order, `All trusts` last.
    static func color(group: String, at index: Int) -> Color {
        if let sector = Sector(rawValue: group) { return Color(hex: seriesOrder[Sector.allCases.firstIndex(of: sector)!]) }
        if group == Groups.allTrusts { return Color(hex: seriesOrder[6]) }
        return Color(hex: seriesOrder[index % seriesOrder.count])
    }

    /// Data-label text that stays legible on a fill: white on dark colours, dark on light ones.
    static func labelColor(on fill: Color) -> Color {
        let r = Double(fill.rgb >> 16 & 0xFF), g = Double(fill.rgb >> 8 & 0xFF), b = Double(fill.rgb & 0xFF)
        return (0.299 * r + 0.587 * g + 0.114 * b) < 150 ? .white : Color(hex: text)
    }
}
