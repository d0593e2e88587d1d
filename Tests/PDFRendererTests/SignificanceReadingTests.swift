import Foundation
@testable import PMOSurvey
import ReportStyle
import Testing
@testable import PDFRenderer
import TestSupport

/// The report states tests, never interval overlap: the sentences as the PDF prints them, and
/// their wording rules worked by hand.
@Suite final class SignificanceReadingTests {
    let folder: URL
    init() throws { folder = URL(fileURLWithPath: ScratchFolder.make("pdf")) }
    deinit { try? FileManager.default.removeItem(at: folder) }

    @Test func theReportStatesTestsAndExplainsThem() throws {
        let analysis = Fixtures.realistic()
        let path = folder.appendingPathComponent("report.pdf").path
        try PDFReport(analysis: analysis, run: Fixtures.run).write(to: path)
        let text = try PDFTools.text(path)
        #expect(!text.contains("may be chance") && !text.contains("unlikely to be chance"))
        #expect(!text.contains("intervals overlap, so") && !text.contains("do not overlap, so"))
        // The whole-table test of the model by sector, in the summary and its section.
        let test = try #require(analysis.significance.test("ModelBySector"))
        let figures = "chi-square \(NumberText.decimal(test.statistic!, places: 1)), \(test.degreesOfFreedom!) df, \(PValueStyle.text(test.pValue!))"
        #expect(text.components(separatedBy: figures).count - 1 >= 3, "headline, summary and section state \(figures)")
        // Pairwise statements, the moves between waves and Bowker's test, and the appendix.
        #expect(text.contains("more often than") && text.contains("after adjustment"))
        let moves = try #require(analysis.significance.transitions)
        #expect(text.contains("Of the \(moves.trusts) trusts that answered both \(moves.fromWave) and \(moves.toWave), \(moves.stayed!) kept their model"))
        #expect(text.contains("Bowker's test of symmetry"))
        #expect(text.contains("How the same trusts' models changed from \(moves.fromWave) to \(moves.toWave)"))
        #expect(text.contains("“Significant at 5%” means that this chance is below 5%"))
        #expect(text.contains("It does not mean that the difference is large or important"))
        #expect(text.contains("Tests of differences, latest wave"))
    }

    /// Acute 30 of 40 hybrid, Mental Health 5 of 40: significant; Community 6 of 12 against Acute: not.
    static let table = ShareTable(
        name: .modelBySector, title: "PMO model by sector", groupKind: .sector, categoryKind: "PMO model",
        baseDescription: "trusts that answered", multipleChoice: false, categories: ["central", "hybrid"],
        groups: [
            .init(label: "Acute", base: 40, shares: [Share(count: 10, base: 40), Share(count: 30, base: 40)]),
            .init(label: "Mental Health", base: 40, shares: [Share(count: 35, base: 40), Share(count: 5, base: 40)]),
            .init(label: "Community", base: 12, shares: [Share(count: 6, base: 12), Share(count: 6, base: 12)]),
            .init(label: Groups.allTrusts, base: 92, shares: [Share(count: 51, base: 92), Share(count: 41, base: 92)]),
        ])

    @Test func sentencesSayWhichWayAndWhetherSignificant() throws {
        let tests = Significance(tables: [Self.table], transitions: nil)
        let groups = Self.table.groups
        let plain = try #require(Reading.pairTest(Self.table, category: 1, high: groups[0], low: groups[1], tests: tests))
        #expect(plain.hasPrefix("Acute trusts run a hybrid model more often than Mental Health trusts (75.0%, n=40, against 12.5%, n=40; significant at 5% after adjustment, p < 0.001)"))
        let weak = try #require(Reading.pairTest(Self.table, category: 1, high: groups[0], low: groups[2], tests: tests))
        #expect(weak.contains("(75.0%, n=40, against 50.0%, n=12; difference not significant after adjustment, p = "))
        #expect(Reading.pairTest(Self.table, category: 1, high: groups[1], low: groups[0], tests: tests) == nil)
        let whole = try #require(Reading.tableTest(Self.table, tests: tests))
        #expect(whole.hasPrefix("The mix of PMO models differs by sector (chi-square "))
    }
}
