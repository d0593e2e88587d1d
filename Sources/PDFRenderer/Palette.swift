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
    /// Every other row of a table.
    static let stripe = Colour(hex: 0xF3F6F7)
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

    /// The hatching of each model, so that the mix reads without colour: solid, diagonal, back
    /// diagonal, crossed.
    static func hatch(_ model: PMOModel) -> Hatch {
        switch model {
        case .central: .none
        case .hybrid: .diagonal
        case .devolved: .backDiagonal
        case .none: .cross
        }
    }

    /// Graphical marks need 3:1 against the white page (WCAG 1.4.11): a paler fill gets an
    /// outline that has it.
    static func outline(for fill: Colour) -> Colour? {
        fill.contrast(with: .white) < 3 ? darkGrey : nil
    }

    /// Colours for categories that have no colour of their own, in this order.
    static let series: [Colour] = [0x005EB8, 0xFFB81C, 0x7C2855, 0x00A9CE, 0x006747, 0x425563, 0xED8B00]
        .map(Colour.init(hex:))

    static let hatches: [Hatch] = [.none, .diagonal, .backDiagonal, .horizontal, .cross]

    /// One colour and hatching per category of a table: the model's for PMO model tables, else
    /// the series in order.
    static func styles(for categories: [String]) -> [(colour: Colour, hatch: Hatch)] {
        let models = categories.compactMap(PMOModel.init(rawValue:))
        if models.count == categories.count { return models.map { (model($0), hatch($0)) } }
        return categories.indices.map { (series[$0 % series.count], hatches[$0 % hatches.count]) }
    }
}
