import DemoSurvey
import Foundation
import PMOSurvey
import Testing
import TestSupport
import WorkbookRenderer

/// Workbooks at the shapes that break charts: their Tables keep every row, their charts show a
/// readable window and say so in the title.
@Suite struct ExtremeShapeWorkbookTests {
    /// 400 waves rather than thousands: the window is the same, and openpyxl reads it in seconds.
    @Test func manyWavesChartTheLatestAndKeepEveryWave() throws {
        let analysis = Analysis(survey: SurveyShape(trusts: 1, waves: 400).survey())
        let book = try ReadWorkbook.read(RenderedWorkbook(analysis: analysis, name: "waves").path)
        let waves = Set(book.column("group", of: "ModelByWave").compactMap { $0?.value })
        #expect(waves.count == 400 && waves.contains("W00000") && waves.contains("W00399"))
        let chart = try #require(book.charts.first { $0.title.hasPrefix("PMO model by survey wave") })
        #expect(chart.title == "PMO model by survey wave: the latest 24 of 400")
        #expect(chart.categories.count == 24 && chart.categories.first == "W00376 (n=1)")
        let summary = book.cells["Summary"]?.values.map(\.value).joined(separator: " ") ?? ""
        #expect(summary.contains("Survey waves: 400 waves, W00000 to W00399."))
    }

    @Test func packOfTenThousandTrustsChartsTheNeighbours() throws {
        let analysis = Analysis(survey: SurveyShape(trusts: 10_000).survey())
        let benchmarks = Benchmarks(analysis: analysis)
        let staffed = benchmarks.trusts.filter { $0.model.hasCentralPMO && $0.centralFTE != nil }
        let benchmark = benchmarks.benchmark(for: staffed[staffed.count / 2])
        let path = ScratchFolder.make("workbook") + "/pack.xlsx"
        try TrustPackWorkbook(benchmark: benchmark, analysis: analysis, run: SurveyFixture.run).write(to: path)
        let book = try ReadWorkbook.read(path)
        #expect(book.rows(of: "FteRanking").count == staffed.count)
        let chart = try #require(book.charts.first { $0.title.hasPrefix("Central PMO FTE: ranks") })
        #expect(chart.title.hasSuffix("yours among them (the FteRanking table has every trust)"))
        #expect(chart.categories.count == 60 && chart.categories.contains { $0.hasSuffix("(yours)") })
    }
}
