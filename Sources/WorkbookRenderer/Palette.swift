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

    /// Data-label text that stays legible on a fill: white or black, whichever has the higher
    /// WCAG contrast on it (at least 4.5:1 for every chart colour here; Mid Grey has 5.6 with black
    /// but only 3.8 with the text colour), as the PDF's labels do.
    static func labelColor(on fill: Color) -> Color {
        fill.contrast(with: .white) >= fill.contrast(with: .black) ? .white : .black
    }

    /// The outline of a bar or segment: white between neighbours, but Dark Grey around a fill
    /// paler than 3:1 on the white sheet, so that the mark still stands out (WCAG 1.4.11).
    static func border(for fill: Color) -> Color {
        fill.contrast(with: .white) < 3 ? Color(hex: nhsDarkGrey) : .white
    }
}
