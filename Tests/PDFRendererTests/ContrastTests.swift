import PDFCanvas
@testable import PDFRenderer
import PMOSurvey
import Testing

/// WCAG 2.2 AA contrast, computed from the palette the report draws with: 4.5:1 for text on its
/// background (1.4.3), 3:1 for chart marks against the page or their outline (1.4.11), and
/// series that differ by hatching as well as colour (1.4.1).
@Suite struct ContrastTests {
    /// The WCAG formula by hand for two known pairs, so the palette checks below rest on it.
    @Test func contrastRatioMatchesWorkedValues() {
        #expect(abs(Colour.black.contrast(with: .white) - 21) < 1e-9)
        // NHS Blue #005EB8 worked by hand: G 0.3686 -> 0.1119, B 0.7216 -> 0.4793 linear;
        // luminance 0.7152 x 0.1119 + 0.0722 x 0.4793 = 0.1146; on white 1.05 / 0.1646 = 6.38.
        #expect(abs(Palette.nhsBlue.contrast(with: .white) - 6.38) < 0.01)
        #expect(abs(Colour(hex: 0x41B6E6).contrast(with: .white) - 2.31) < 0.01)
    }

    @Test func everyTextColourReadsOnItsBackground() {
        let pairs: [(String, Colour, Colour)] = [
            ("body text", Typography.body.colour, .white), ("lead", Typography.lead.colour, .white),
            ("caption", Typography.caption.colour, .white), ("small print", Typography.small.colour, .white),
            ("running header and footer", Typography.running.colour, .white),
            ("section heading", Typography.sectionHeading.colour, .white), ("subheading", Typography.subheading.colour, .white),
            ("key figure", Typography.keyFigure.colour, Palette.paleBlue), ("key figure caption", Palette.text, Palette.paleBlue),
            ("table header", Typography.tableHeader.colour, Palette.nhsBlue),
            ("table cell", Typography.tableCell.colour, .white), ("striped cell", Typography.tableCell.colour, Palette.stripe),
            ("total row", Typography.tableCell.colour, Palette.paleBlue),
            ("interval under a share", Palette.darkGrey, Palette.stripe), ("interval in the total row", Palette.darkGrey, Palette.paleBlue),
            ("cover", .white, Palette.nhsBlue), ("internal-use banner", .white, Palette.emergencyRed),
            ("contents link", Palette.nhsBlue, .white), ("bullet", Palette.nhsBlue, .white),
            ("chart title", ChartStyle.title.colour, .white), ("chart subtitle", ChartStyle.subtitle.colour, .white),
            ("chart label", ChartStyle.label.colour, .white), ("chart value", ChartStyle.value.colour, .white),
            ("axis", ChartStyle.axis.colour, .white), ("chart note", ChartStyle.note.colour, .white),
        ]
        for (name, text, background) in pairs {
            #expect(text.contrast(with: background) >= 4.5, "\(name): \(text) on \(background) is \(text.contrast(with: background))")
        }
    }

    /// Every colour a bar, segment, band or box is filled with, and every key swatch.
    static let chartFills: [Colour] = PMOModel.allCases.map(Palette.model) + Palette.series + QuartileBands.quarters
        + [PackColours.otherSectors, Palette.paleBlue, Palette.warmYellow, Palette.nhsBlue]

    @Test func chartMarksStandOutFromThePage() {
        for fill in Self.chartFills {
            let edge = Palette.outline(for: fill) ?? fill
            #expect(edge.contrast(with: .white) >= 3, "\(fill) has neither 3:1 on white nor an outline that has")
        }
        // The palest fills are outlined; NHS Blue, which has 6.4:1, is not.
        #expect(Palette.outline(for: Palette.warmYellow) != nil)
        #expect(Palette.outline(for: Palette.nhsBlue) == nil)
    }

    /// Figures in a segment and the hatching over it use the segment's text colour.
    @Test func labelsAndHatchingReadOnEverySegment() {
        for fill in PMOModel.allCases.map(Palette.model) + Palette.series {
            #expect(fill.textColour.contrast(with: fill) >= 4.5, "label on \(fill)")
        }
    }

    @Test func seriesDifferByHatchingAsWellAsColour() {
        let models = Palette.styles(for: PMOModel.allCases.map(\.rawValue))
        #expect(Set(models.map(\.hatch)).count == models.count)
        let sizes = Palette.styles(for: ["Small", "Medium", "Large", "Unknown", "No central PMO"])
        #expect(Set(sizes.map(\.hatch)).count == sizes.count)
        // The distribution's median stands out from its box.
        #expect(Palette.darkBlue.contrast(with: Palette.paleBlue) >= 3)
    }
}
