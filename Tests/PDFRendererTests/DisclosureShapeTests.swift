import DemoSurvey
import Foundation
@testable import PDFRenderer
import PMOSurvey
import ReportStyle
import Testing
import TestSupport
import WorkbookRenderer

/// The shared outputs as disclosure control leaves them, at sizes where many figures are withheld
/// (12 trusts) and few are (250): every page still lays out, charts draw no mark for a withheld
/// figure, and no sentence states one.
@Suite struct DisclosureShapeTests {
    static let shapes: [String: SurveyShape] = [
        "12 trusts": SurveyShape(trusts: 12, waves: 2),
        "60 trusts": SurveyShape(trusts: 60, waves: 2),
        "250 trusts": SurveyShape(trusts: 250, waves: 2),
        "1 trust, 3,000 waves": SurveyShape(trusts: 1, waves: 3_000),
    ]

    static let analyses: [String: Analysis] = shapes.mapValues { Analysis(survey: $0.survey()).protected() }

    @Test(arguments: shapes.keys.sorted())
    func sharedOutputsLayOutWithWithheldFigures(shape: String) throws {
        let analysis = try #require(Self.analyses[shape])
        let disclosure = try #require(analysis.disclosure)
        #expect(disclosure.leaks.isEmpty, "\(disclosure.leaks.prefix(3))")
        let report = PDFReport(analysis: analysis, run: Fixtures.run)
        #expect(report.layoutProblems().isEmpty, "\(shape): \(report.layoutProblems().prefix(5))")
        let benchmarks = Benchmarks(analysis: analysis)
        let pack = TrustPackPDF(benchmark: benchmarks.benchmark(for: benchmarks.trusts[benchmarks.trusts.count / 2]),
                                analysis: analysis, run: Fixtures.run)
        #expect(pack.layoutProblems().isEmpty, "pack, \(shape): \(pack.layoutProblems().prefix(5))")
    }

    @Test(arguments: ["12 trusts", "250 trusts"])
    func withheldFiguresAreMarkedAndNeverStated(shape: String) throws {
        let analysis = try #require(Self.analyses[shape])
        let folder = URL(fileURLWithPath: ScratchFolder.make("disclosure"))
        let pdf = folder.appendingPathComponent("report.pdf").path
        try PDFReport(analysis: analysis, run: Fixtures.run).write(to: pdf)
        #expect(try PageBounds.problems(pdf, header: "PMO benchmarking survey").isEmpty)
        let text = try PDFTools.text(pdf)
        for bad in [#"\bnan\b"#, #"\bNaN\b"#, #"\binf\b"#, "Peer 0"] {
            #expect(text.range(of: bad, options: .regularExpression) == nil, "\(bad) in \(shape)")
        }
        if analysis.disclosure!.withheld > 0 {
            #expect(text.contains(Withheld.mark) && text.contains("withheld to protect"))
        }
        let xlsx = folder.appendingPathComponent("report.xlsx").path
        try WorkbookReport(analysis: analysis, run: Fixtures.run).write(to: xlsx)
        let cells = try Program("/usr/bin/python3", ["-c", """
            import openpyxl, sys
            book = openpyxl.load_workbook(sys.argv[1])
            print(sum(1 for s in book for r in s.iter_rows() for c in r if c.value == "[c]"))
            """, xlsx]).runChecked().stdout
        #expect((Int(cells.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 0 || analysis.disclosure!.withheld == 0)
    }
}
