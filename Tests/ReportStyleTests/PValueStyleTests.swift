import ReportStyle
import Testing

/// One rule for p-values, in text and in a workbook cell.
@Suite struct PValueStyleTests {
    @Test func pValuesAreNeverRoundedAcrossFivePercent() {
        #expect(PValueStyle.text(0.4123) == "p = 0.41")
        #expect(PValueStyle.text(0.0234) == "p = 0.023")
        #expect(PValueStyle.text(0.0004) == "p < 0.001")
        #expect(PValueStyle.text(0.04996) == "p = 0.04996")
        #expect(PValueStyle.text(0.0500001) == "p = 0.050")
        #expect(PValueStyle.text(1) == "p = 1.00")
    }

    @Test func theExcelFormatStatesTheSameRule() {
        #expect(PValueStyle.excelFormat == "[<0.001]\"< 0.001\";[<0.1]0.000;0.00")
        #expect(PValueStyle.figure(0.0004) == "< 0.001" && PValueStyle.figure(0.0234) == "0.023")
    }
}
