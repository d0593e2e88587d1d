import DemoSurvey
import Foundation
@testable import PDFRenderer
import PMOSurvey
import Testing
import TestSupport

/// The board report and a pack at the shapes that break layouts, checked on the laid-out pages
/// (every shape) and read back from the written PDF (the largest ones).
@Suite struct ExtremeShapeTests {
    static let shapes: [String: SurveyShape] = [
        "one trust": SurveyShape(trusts: 1),
        "one wave": SurveyShape(trusts: 150),
        "5,000 waves": SurveyShape(trusts: 1, waves: 5_000),
        "10,000 trusts": SurveyShape(trusts: 10_000),
        "names of 200 characters": SurveyShape(trusts: 130, waves: 2, nameLength: 200),
        "every optional answer empty": SurveyShape(trusts: 40, waves: 2, emptyAnswers: true),
    ]

    /// Analysed once for all the tests (long names in the internal-use edition, whose warning
    /// band narrows the page).
    static let analyses: [String: Analysis] = shapes.mapValues { shape in
        var definition = ReportDefinition()
        definition.internalUse = shape.nameLength > 0
        return Analysis(survey: shape.survey(), definition: definition)
    }

    static func analysis(_ shape: String) -> Analysis { analyses[shape]! }

    /// The pack of the trust in the middle of the wave: neighbours on both sides of the ranking.
    static func pack(_ analysis: Analysis) -> TrustPackPDF {
        let benchmarks = Benchmarks(analysis: analysis)
        let staffed = benchmarks.trusts.filter { $0.centralFTE != nil && $0.model.hasCentralPMO }
        let trust = staffed.isEmpty ? benchmarks.trusts[0] : staffed[staffed.count / 2]
        return TrustPackPDF(benchmark: benchmarks.benchmark(for: trust), analysis: analysis, run: Fixtures.run)
    }

    @Test(arguments: shapes.keys.sorted())
    func everyDocumentPassesTheLayoutCheck(shape: String) {
        let analysis = Self.analysis(shape)
        let report = PDFReport(analysis: analysis, run: Fixtures.run).layoutProblems()
        #expect(report.isEmpty, "board report, \(shape): \(report.prefix(5))")
        let pack = Self.pack(analysis).layoutProblems()
        #expect(pack.isEmpty, "pack, \(shape): \(pack.prefix(5))")
    }

    @Test func fiveThousandWavesNameTheRangeAndChartTheLatest() throws {
        let folder = URL(fileURLWithPath: ScratchFolder.make("pdf"))
        let path = folder.appendingPathComponent("report-5000-waves.pdf").path
        try PDFReport(analysis: Self.analysis("5,000 waves"), run: Fixtures.run).write(to: path)
        #expect(try PageBounds.problems(path, header: "PMO benchmarking survey").isEmpty)
        let cover = try PDFTools.text(path, page: 1)
        #expect(cover.contains("Survey waves 5,000 waves, W00000 to W04999"))
        #expect(!cover.contains("W00001"), "the cover names the range, not every wave")
        let text = try PDFTools.text(path)
        #expect(text.contains("PMO model in the latest 12 of 5,000 survey waves"))
        #expect(text.contains("the ModelByWave table of the workbook and JSON export has every wave"))
        #expect(text.contains("W04988 (n=1)") && !text.contains("W04987 (n=1)"), "the latest 12 waves are charted")
        #expect(try pages(path) < 30)
    }

    @Test func tenThousandTrustsPackRanksAmongNeighbours() throws {
        let folder = URL(fileURLWithPath: ScratchFolder.make("pdf"))
        let analysis = Self.analysis("10,000 trusts")
        let pack = Self.pack(analysis)
        let path = folder.appendingPathComponent("pack-10000-trusts.pdf").path
        try pack.write(to: path)
        let header = "Benchmark pack: " + String(pack.benchmark.trust.trustName.prefix(20))
        #expect(try PageBounds.problems(path, header: header).isEmpty)
        let text = try PDFTools.text(path)
        #expect(text.contains("your trust among the 60 nearest it in rank, of"))
        #expect(text.contains("the strip shows every trust"))
        #expect(try pages(path) < 15)
    }

    @Test func longNamesStayInsideThePage() throws {
        let folder = URL(fileURLWithPath: ScratchFolder.make("pdf"))
        let analysis = Self.analysis("names of 200 characters")
        let report = folder.appendingPathComponent("report-long-names.pdf").path
        try PDFReport(analysis: analysis, run: Fixtures.run).write(to: report)
        #expect(try PageBounds.problems(report, header: "PMO benchmarking survey").isEmpty)
        let pack = Self.pack(analysis)
        let path = folder.appendingPathComponent("pack-long-names.pdf").path
        try pack.write(to: path)
        #expect(try PageBounds.problems(path, header: "Benchmark pack: Trust").isEmpty)
    }

    @Test func emptyAnswersAreSaidNotDrawnEmpty() throws {
        let path = URL(fileURLWithPath: ScratchFolder.make("pdf")).appendingPathComponent("report-empty-answers.pdf").path
        try PDFReport(analysis: Self.analysis("every optional answer empty"), run: Fixtures.run).write(to: path)
        #expect(try PageBounds.problems(path, header: "PMO benchmarking survey").isEmpty)
        let text = try PDFTools.text(path)
        #expect(text.contains("Central PMO staffing (FTE) by sector No trust of the W00001 wave gave the answers this breakdown counts"))
        #expect(!text.contains("Figure 5: Central PMO staffing"), "no empty chart")
    }

    @Test func oneTrustPackSaysWhatIsWithheld() throws {
        let path = URL(fileURLWithPath: ScratchFolder.make("pdf")).appendingPathComponent("pack-one-trust.pdf").path
        try Self.pack(Self.analysis("one trust")).write(to: path)
        #expect(try PageBounds.problems(path, header: "Benchmark pack: Trust 1").isEmpty)
        #expect(try PDFTools.text(path).contains("Withheld"))
    }

    @Test func longDefinitionTextsStayOnTheirPages() throws {
        var definition = ReportDefinition()
        definition.title = "Board report " + String(repeating: "on programme management ", count: 80)
        definition.subtitle = String(repeating: "How trusts organise projects. ", count: 60)
        definition.organisation = String(repeating: "Network ", count: 60)
        let analysis = Analysis(survey: SurveyShape(trusts: 12).survey(), definition: definition)
        let path = URL(fileURLWithPath: ScratchFolder.make("pdf")).appendingPathComponent("report-long-definition.pdf").path
        try PDFReport(analysis: analysis, run: Fixtures.run).write(to: path)
        #expect(try PageBounds.problems(path, header: "Board report on programme").isEmpty)
        #expect(PDFReport(analysis: analysis, run: Fixtures.run).layoutProblems().isEmpty)
    }

    private func pages(_ path: String) throws -> Int {
        let info = try Program("pdfinfo", [path]).run().stdout
        let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
        return Int(line.split(separator: " ").last ?? "") ?? 0
    }
}
