import PMOSurvey
import Testing
@testable import WorkbookRenderer
import XlsxWriter

/// WCAG AA contrast of the workbook's palette: cell text 4.5:1 on its fill, data labels 4.5:1 on
/// their segment, chart marks 3:1 on the white sheet or outlined by a colour that has it.
@Suite struct WorkbookContrastTests {
    @Test func contrastFormulaMatchesWorkedValues() {
        #expect(abs(Color.black.contrast(with: .white) - 21) < 1e-9)
        // NHS Blue #005EB8 on white, worked by hand: 1.05 / 0.1646 = 6.38.
        #expect(abs(Color(hex: Palette.nhsBlue).contrast(with: .white) - 6.38) < 0.01)
    }

    @Test func cellTextReadsOnItsFill() {
        let formats: [(String, CellFormat)] = [
            ("title", Styles.title), ("subtitle", Styles.subtitle), ("heading", Styles.heading), ("note", Styles.note),
            ("warning", Styles.warning), ("table header", Styles.tableHeader), ("block header", Styles.blockHeader),
            ("text", Styles.text), ("label", Styles.label), ("link", Styles.link), ("share", Styles.share),
            ("headline", Styles.headlineShare),
        ]
        for (name, format) in formats {
            let text = format.fontColor ?? .black, fill = format.fill ?? .white
            #expect(text.contrast(with: fill) >= 4.5, "\(name): \(text.contrast(with: fill))")
        }
    }

    static let fills: [String] = PMOModel.allCases.map(Palette.hex(for:)) + PMOSize.allCases.map(Palette.hex(for:))
        + Palette.seriesOrder + PackPalette.quarters + [PackPalette.own, PackPalette.otherSectors,
                                                        Palette.lowerQuartileToMedian, Palette.medianToUpperQuartile]

    @Test func chartLabelsAndMarksStandOut() {
        for hex in Self.fills {
            let fill = Color(hex: hex)
            #expect(Palette.labelColor(on: fill).contrast(with: fill) >= 4.5, "label on \(hex)")
            let edge = Palette.border(for: fill)
            #expect(max(fill.contrast(with: .white), edge.contrast(with: .white)) >= 3, "\(hex) on white")
        }
        // The regressions this replaced: white labels on Mid Grey (3.7:1) and on Aqua (2.8:1).
        #expect(Palette.labelColor(on: Color(hex: Palette.nhsMidGrey)) != .white)
        #expect(Palette.labelColor(on: Color(hex: Palette.nhsAqua)) != .white)
    }
}
