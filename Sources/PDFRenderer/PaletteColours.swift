import PDFCanvas
import PMOSurvey
import ReportStyle

extension Colour {
    /// A colour of the report's `Palette`, as Cairo draws it.
    init(_ rgb: RGB) { self.init(hex: rgb.hex) }

    /// The palette's colour for this one; the chart model carries Cairo colours, the contrast
    /// rules are the palette's.
    var rgb: RGB {
        func byte(_ v: Double) -> UInt32 { UInt32((max(0, min(1, v)) * 255).rounded()) }
        return RGB(byte(red) << 16 | byte(green) << 8 | byte(blue))
    }

    /// White or black, whichever reads better on this colour: `Palette.label(on:)`.
    var labelColour: Colour { Colour(Palette.label(on: rgb)) }

    /// The outline a mark of this fill needs on the white page: `Palette.outline(for:)`.
    var outline: Colour? { Palette.outline(for: rgb).map(Colour.init) }
}

/// The PDF's hatching, keyed by the same meanings as the palette's colours, so that a chart's
/// categories read without colour too: solid, diagonal, back diagonal, horizontal, crossed.
enum Hatching {
    static func model(_ model: PMOModel) -> Hatch {
        switch model {
        case .central: .none
        case .hybrid: .diagonal
        case .devolved: .backDiagonal
        case .none: .cross
        }
    }

    static func pmoSize(_ size: PMOSize) -> Hatch {
        switch size {
        case .small: .none
        case .medium: .diagonal
        case .large: .backDiagonal
        case .unknown: .horizontal
        case .noCentralPMO: .cross
        }
    }

    static let series: [Hatch] = [.none, .diagonal, .backDiagonal, .horizontal, .cross]

    /// One colour and hatching per category of a table: by meaning for models and PMO sizes, by
    /// place for any other list.
    static func styles(for categories: [String]) -> [(colour: Colour, hatch: Hatch)] {
        categories.enumerated().map { index, category in
            let hatch = PMOModel(rawValue: category).map(model) ?? PMOSize(rawValue: category).map(pmoSize)
                ?? series[index % series.count]
            return (Colour(Palette.category(category, at: index)), hatch)
        }
    }
}
