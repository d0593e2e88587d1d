import ReportStyle
import Testing

/// A style's decimal places give both its text and its Excel format.
@Suite struct NumberStyleTests {
    @Test func textAndExcelFormatAgreeOnDecimals() {
        #expect(NumberStyle.count.excelFormat == "#,##0" && NumberStyle.count.text(1234) == "1,234")
        #expect(NumberStyle.share.excelFormat == "0.0%" && NumberStyle.share.text(0.4606) == "46.1%")
        #expect(NumberStyle.roundShare.excelLabelFormat == "0%;;;" && NumberStyle.roundShare.text(0.4606) == "46%")
        #expect(NumberStyle.amount.excelFormat == "0.0" && NumberStyle.amount.text(4.25) == "4.3")
        #expect(NumberStyle.ratio.excelFormat == "0.00" && NumberStyle.ratio.text(0.735) == "0.74")
    }

    @Test func anIntervalReadsTheSameInASentenceAndInACell() {
        #expect(NumberText.interval(0.3855, 0.5371) == "38.6% to 53.7%")
        #expect(NumberText.intervalInPercent(0.3855, 0.5371) == "38.6–53.7")
    }
}
