import PMOSurvey
import ReportStyle
import Testing
@testable import WorkbookRenderer
import XlsxWriter

/// WCAG AA contrast of the workbook's palette: cell text 4.5:1 on its fill, data labels 4.5:1 on
/// their segment, chart marks 3:1 on the white sheet or outlined by a colour that has it.
@Suite struct WorkbookContrastTests {
    @Test func cellTextReadsOnItsFill() {
        let formats: [(String, CellFormat)] = [
            ("title", Styles.title), ("subtitle", Styles.subtitle), ("heading", Styles.heading), ("note", Styles.note),
            ("warning", Styles.warning), ("table header", Styles.tableHeader), ("block header", Styles.blockHeader),
            ("text", Styles.text), ("label", Styles.label), ("link", Styles.link), ("share", Styles.share),
            ("headline", Styles.headlineShare),
        ]
        for (name, format) in formats {
            let text = RGB((format.fontColor ?? .black).rgb), fill = RGB((format.fill ?? .white).rgb)
            #expect(text.contrast(with: fill) >= 4.5, "\(name): \(text.contrast(with: fill))")
        }
    }

    static let fills: [RGB] = PMOModel.allCases.map(Palette.model) + PMOSize.allCases.map(Palette.pmoSize)
        + Palette.series + Palette.quarters + [Palette.ownTrust, Palette.sectorPeers, Palette.otherSectors, Palette.allPeers,
                                               Palette.lowerQuartileToMedian, Palette.medianToUpperQuartile]

    @Test func chartLabelsAndMarksStandOut() {
        for fill in Self.fills {
            #expect(RGB(Palette.labelColor(on: fill).rgb).contrast(with: fill) >= 4.5, "label on \(fill)")
            let edge = RGB(Palette.border(for: fill).rgb)
            #expect(max(fill.contrast(with: .white), edge.contrast(with: .white)) >= 3, "\(fill) on white")
        }
        // The regressions this replaced: white labels on Mid Grey (3.7:1) and on Aqua (2.8:1).
        #expect(Palette.labelColor(on: Palette.midGrey) != .white)
        #expect(Palette.labelColor(on: Palette.aqua) != .white)
    }
}
