import PDFCanvas
import PMOSurvey

/// NHS identity colours, and the chart colours shared with the workbook so that a model has the
/// same colour in every output.
enum Palette {
    static let nhsBlue = Colour(hex: 0x005EB8)
    static let darkBlue = Colour(hex: 0x003087)
    static let brightBlue = Colour(hex: 0x0072CE)
    static let lightBlue = Colour(hex: 0x41B6E6)
    static let paleBlue = Colour(hex: 0xDCE9F5)
    static let darkGrey = Colour(hex: 0x425563)
    static let midGrey = Colour(hex: 0x768692)
    static let paleGrey = Colour(hex: 0xE8EDEE)
    static let warmYellow = Colour(hex: 0xFFB81C)
    static let emergencyRed = Colour(hex: 0xDA291C)
    /// NHS Black, for body text.
    static let text = Colour(hex: 0x231F20)

    static func model(_ model: PMOModel) -> Colour {
        switch model {
        case .central: darkBlue
        case .hybrid: brightBlue
        case .devolved: warmYellow
        case .none: midGrey
        }
    }

    /// Colours for categories that have no colour of their own, in this order.
    static let series: [Colour] = [0x005EB8, 0xFFB81C, 0x7C2855, 0x00A9CE, 0x006747, 0x425563, 0xED8B00]
        .map(Colour.init(hex:))

    /// One colour per category of a table: the model colours for PMO model tables, else the series.
    static func colours(for categories: [String]) -> [Colour] {
        let models = categories.compactMap(PMOModel.init(rawValue:))
        if models.count == categories.count { return models.map(model) }
        return categories.indices.map { series[$0 % series.count] }
    }
}
