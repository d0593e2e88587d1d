import PDFCanvas
@testable import PDFRenderer
import PMOSurvey
import ReportStyle
import Testing

/// WCAG 2.2 AA contrast, computed from the palette the report draws with: 4.5:1 for text on its
/// background (1.4.3), 3:1 for chart marks against the page or their outline (1.4.11), and
/// series that differ by hatching as well as colour (1.4.1).
@Suite struct ContrastTests {
    /// The WCAG formula by hand for two known pairs, so the palette checks below rest on it.
    @Test func contrastRatioMatchesWorkedValues() {
        #expect(abs(RGB.black.contrast(with: .white) - 21) < 1e-9)
        // NHS Blue #005EB8 worked by hand: G 0.3686 -> 0.1119, B 0.7216 -> 0.4793 linear;
        // luminance 0.7152 x 0.1119 + 0.0722 x 0.4793 = 0.1146; on white 1.05 / 0.1646 = 6.38.
        #expect(abs(Palette.nhsBlue.contrast(with: .white) - 6.38) < 0.01)
        #expect(abs(RGB(0x41B6E6).contrast(with: .white) - 2.31) < 0.01)
    }

    @Test func everyTextColourReadsOnItsBackground() {
        let pairs: [(String, RGB, RGB)] = [
            ("body text", Typography.body.colour.rgb, .white), ("lead", Typography.lead.colour.rgb, .white),
            ("caption", Typography.caption.colour.rgb, .white), ("small print", Typography.small.colour.rgb, .white),
            ("running header and footer", Typography.running.colour.rgb, .white),
            ("section heading", Typography.sectionHeading.colour.rgb, .white), ("subheading", Typography.subheading.colour.rgb, .white),
            ("key figure", Typography.keyFigure.colour.rgb, Palette.paleBlue), ("key figure caption", Palette.text, Palette.paleBlue),
            ("table header", Typography.tableHeader.colour.rgb, Palette.nhsBlue),
            ("table cell", Typography.tableCell.colour.rgb, .white), ("striped cell", Typography.tableCell.colour.rgb, Palette.stripe),
            ("total row", Typography.tableCell.colour.rgb, Palette.paleBlue),
            ("interval under a share", Palette.secondaryText, Palette.stripe),
            ("interval in the total row", Palette.secondaryText, Palette.paleBlue),
            ("cover", .white, Palette.nhsBlue), ("internal-use banner", .white, Palette.red),
            ("contents link", Palette.nhsBlue, .white), ("bullet", Palette.nhsBlue, .white),
            ("chart title", ChartStyle.title.colour.rgb, .white), ("chart subtitle", ChartStyle.subtitle.colour.rgb, .white),
            ("chart label", ChartStyle.label.colour.rgb, .white), ("chart value", ChartStyle.value.colour.rgb, .white),
            ("axis", ChartStyle.axis.colour.rgb, .white), ("chart note", ChartStyle.note.colour.rgb, .white),
        ]
        for (name, text, background) in pairs {
            #expect(text.contrast(with: background) >= 4.5, "\(name): \(text) on \(background) is \(text.contrast(with: background))")
        }
    }

    /// Every colour a bar, segment, band or box is filled with, and every key swatch.
    static let chartFills: [RGB] = PMOModel.allCases.map(Palette.model) + PMOSize.allCases.map(Palette.pmoSize)
        + Palette.series + Palette.quarters
        + [Palette.otherSectors, Palette.paleBlue, Palette.ownTrust, Palette.sectorPeers, Palette.outsideWindow]

    @Test func chartMarksStandOutFromThePage() {
        for fill in Self.chartFills {
            let edge = Palette.outline(for: fill) ?? fill
            #expect(edge.contrast(with: .white) >= 3, "\(fill) has neither 3:1 on white nor an outline that has")
        }
        // The palest fills are outlined, on the page as in the chart's drawing; NHS Blue, which
        // has 6.4:1, is not.
        #expect(Palette.outline(for: Palette.warmYellow) != nil)
        #expect(Colour(Palette.pmoSize(.small)).outline == Colour(Palette.darkGrey))
        #expect(Palette.outline(for: Palette.nhsBlue) == nil)
    }

    /// Figures in a segment and the hatching over it use the segment's text colour.
    @Test func labelsAndHatchingReadOnEverySegment() {
        for fill in PMOModel.allCases.map(Palette.model) + PMOSize.allCases.map(Palette.pmoSize) + Palette.series {
            #expect(Colour(fill).labelColour.rgb.contrast(with: fill) >= 4.5, "label on \(fill)")
        }
    }

    @Test func seriesDifferByHatchingAsWellAsColour() {
        let models = Hatching.styles(for: PMOModel.allCases.map(\.rawValue))
        #expect(Set(models.map(\.hatch)).count == models.count)
        let sizes = Hatching.styles(for: ["Small", "Medium", "Large", "Unknown", "No central PMO"])
        #expect(Set(sizes.map(\.hatch)).count == sizes.count)
        // The distribution's median stands out from its box.
        #expect(Palette.darkBlue.contrast(with: Palette.paleBlue) >= 3)
    }
}
