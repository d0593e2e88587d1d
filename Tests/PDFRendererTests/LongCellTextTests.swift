import PDFCanvas
import Testing
@testable import PDFRenderer

/// A long consenting trust name was shaped whole by Pango while its table cell was measured,
/// in time quadratic in its length (256 KiB took 70 s, 1 MiB 9 minutes): it is cut to what the
/// cell can show before it is shaped (issue 23).
@Suite struct LongCellTextTests {
    @Test(arguments: [false, true]) func longCellIsMeasuredQuickly(spaces: Bool) {
        let unit = spaces ? "Trust " : "T"
        let name = String(repeating: unit, count: (256 << 10) / unit.count)
        let table = Table(caption: "Table 1: Trusts", columns: [
            Table.Column(title: "Trust", weight: 3, alignment: .left),
            Table.Column(title: "FTE", weight: 1, alignment: .right),
        ], rows: [Table.Row(cells: [RichText(name), RichText("3.5")])])
        let clock = ContinuousClock(), started = clock.now
        let measured = MeasuredTable(table, width: 480, height: 700, typesetter: Typesetter())
        #expect(clock.now - started < .seconds(5), "took \(clock.now - started)")
        #expect(measured.rowHeights[0] <= 700)
    }
}
