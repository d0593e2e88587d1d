import PMOSurvey
import ReportStyle
import Testing

/// The one rule every output prints numbers by.
@Suite struct NumberTextTests {
    @Test func groupsAndMarksMissingValues() {
        #expect(NumberText.percent(11.0 / 24) == "45.8%")
        #expect(NumberText.percent(0.0005) == "0.1%")
        #expect(NumberText.percent(.nan) == "–")
        #expect(NumberText.decimal(1234.567, places: 1) == "1,234.6")
        #expect(NumberText.decimal(1_234_567, places: 0) == "1,234,567")
        #expect(NumberText.decimal(-0.04, places: 1) == "0.0")
        #expect(NumberText.decimal(0, places: 2) == "0.00")
        #expect(NumberStyle.amount.text(.infinity) == "–")
        #expect(NumberText.interval(0.278913, 0.649251) == "27.9% to 64.9%")
        #expect(12_345.grouped == "12,345" && (-1_000).grouped == "-1,000" && 999.grouped == "999")
    }

    /// Halves round away from zero on the decimal as written, not on its binary expansion:
    /// `%.1f` printed 2.25 as `2.2` (half to even) and 0.15 as `0.1` (0.1499… in binary).
    @Test func halvesRoundAwayFromZeroAsWritten() {
        #expect(NumberText.decimal(2.25, places: 1) == "2.3")
        #expect(NumberText.decimal(-2.25, places: 1) == "-2.3")
        #expect(NumberText.decimal(0.15, places: 1) == "0.2")
        #expect(NumberText.decimal(1.005, places: 2) == "1.01")
        #expect(NumberText.decimal(2.5, places: 0) == "3")
        #expect(NumberText.decimal(0.35, places: 1) == "0.4")
        #expect(NumberText.decimal(2.2499999999999996, places: 1) == "2.2")
        #expect(NumberText.percent(0.0125) == "1.3%")
        #expect(NumberText.percent(0.145) == "14.5%")
        #expect(NumberText.decimal(999.95, places: 1) == "1,000.0")
        #expect(NumberText.decimal(9.995, places: 2) == "10.00")
        #expect(NumberText.decimal(1e-5, places: 1) == "0.0")
        #expect(NumberText.decimal(5e-2, places: 1) == "0.1")
        #expect(NumberText.decimal(1.5e20, places: 0) == "150,000,000,000,000,000,000")
    }
}
