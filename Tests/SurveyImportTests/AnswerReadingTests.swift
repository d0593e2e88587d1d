import Foundation
import PMOSurvey
@testable import SurveyImport
import Testing

/// Dates, units and multi-select answers as the tools write them (`import-mapping.md` section 2).
@Suite struct AnswerReadingTests {
    @Test(arguments: [
        ("2015-05-27", DateOrder.dayFirst, "2015-05-27"),
        ("2015-05-27 10:03:21", .monthFirst, "2015-05-27 10:03:21"),
        ("2015-05-27T10:03", .dayFirst, "2015-05-27 10:03:00"),
        ("05/27/2015 10:03:21 AM", .monthFirst, "2015-05-27 10:03:21"),
        ("05/27/2015 10:03:21 PM", .monthFirst, "2015-05-27 22:03:21"),
        ("05/27/2015 12:03:21 AM", .monthFirst, "2015-05-27 00:03:21"),
        ("05/27/2015 22:03:21", .monthFirst, "2015-05-27 22:03:21"),
        ("27/05/2015 10:03:21", .dayFirst, "2015-05-27 10:03:21"),
        ("5/6/2015", .dayFirst, "2015-06-05"),
        ("5/6/2015", .monthFirst, "2015-05-06"),
        ("2015/05/27 10:03:21 AM GMT+1", .dayFirst, "2015-05-27 10:03:21"),
        ("27.05.15", .dayFirst, "2015-05-27"),
        ("27/05/2015 10:03:21 +01:00", .dayFirst, "2015-05-27 10:03:21"),
    ])
    func datesAsToolsWriteThem(text: String, order: DateOrder, iso: String) {
        #expect(ExportDate.canonical(text, order: order) == iso)
    }

    @Test(arguments: ["27/05/2015", "31/02/2015", "yesterday", "2015-13-01", "05/27/2015 13:00 PM", "05/27/2015 10:03 am and more"])
    func notDatesUnderMonthFirst(text: String) {
        #expect(ExportDate.canonical(text, order: .monthFirst) == nil)
    }

    @Test func unitsOnNumbers() {
        #expect(FieldPlan.withoutUnit("3.5 WTE") == "3.5")
        #expect(FieldPlan.withoutUnit("12fte") == "12")
        #expect(FieldPlan.withoutUnit("4 Wte") == "4")
        #expect(FieldPlan.withoutUnit("about 4") == "about 4")
    }

    /// Known options come out whole, longest first, even when they hold the separator.
    @Test func optionsHoldingTheSeparator() {
        let splitting = AnswerSplitting(options: [("Workforce, recruitment and retention", "W+"), ("Workforce", "W"), ("IT / digital", "IT"), ("Estates", "")], separator: ", ")
        func items(_ cell: String) -> [String] { let (known, others) = splitting.items(cell); return known + others }
        #expect(items("IT / digital, Workforce, recruitment and retention, Estates") == ["W+", "IT", ""])
        #expect(items("Workforce, Estates") == ["W", ""])
        #expect(items("Workforce, recruitment and retention") == ["W+"])
        #expect(items("WORKFORCE,  recruitment and\u{00A0}retention") == ["W+"])
        #expect(items("Estates, Patient Flow, ") == ["", "Patient Flow"])
        // Whole options only: `Estates` inside another word is not the option.
        #expect(items("Estates management") == ["Estates management"])
        let forms = AnswerSplitting(options: [("IT / digital", "IT"), ("Quality improvement", "Quality")], separator: ";")
        #expect(forms.items("IT / digital;Quality improvement;").known == ["Quality", "IT"])
    }

    @Test func referenceFolding() {
        #expect("  What\u{00A0}type of\r\ntrust  is it? ".referenceKey == "what type of trust is it?")
        #expect("Your organisation\u{2019}s \u{201C}code\u{201D}".referenceKey == "your organisation's \"code\"")
        #expect(" Two\t words\r\n".referenceKey == "two words")
    }

    @Test func proposalsForAnswers() {
        #expect(AnswerProposal.propose("Acute hospital trust", for: .sector) == AnswerProposal(value: "Acute", unsure: false))
        #expect(AnswerProposal.propose("Combined acute and community trust", for: .sector)?.value == "Combined")
        #expect(AnswerProposal.propose("MH", for: .sector) == AnswerProposal(value: "Mental Health", unsure: false))
        #expect(AnswerProposal.propose("A central PMO plus project managers in divisions", for: .pmoModel)?.value == "hybrid")
        #expect(AnswerProposal.propose("No formal project function", for: .pmoModel)?.value == "none")
        #expect(AnswerProposal.propose("Yes, you may name us", for: .shareConsent)?.value == "yes")
        #expect(AnswerProposal.propose("Cost improvement (CIP)", for: .projectTypes)?.value == "Financial")
        #expect(AnswerProposal.propose("Director of Finance", for: .reportsTo)?.value == "Finance")
        #expect(AnswerProposal.propose("Something else", for: .sector) == nil)
    }
}
