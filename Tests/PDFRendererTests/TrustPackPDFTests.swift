import Foundation
import PDFRenderer
import PMOSurvey
import Testing
import TestSupport

/// The pack of Alderbury (`Tests/Fixtures/benchmark-pack.csv`), read back with poppler.
@Suite struct TrustPackPDFTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/benchmark-pack.csv").path

    /// `named`: the fixture with every trust's consent yes, where disclosure control withholds nothing.
    static func write(code: String, to folder: URL, named: Bool = false) throws -> String {
        var input = fixture
        if named {
            input = folder.appendingPathComponent("named.csv").path
            try String(contentsOfFile: fixture, encoding: .utf8).replacingOccurrences(of: ",no,", with: ",yes,")
                .write(toFile: input, atomically: true, encoding: .utf8)
        }
        let survey = try SurveyReader(bounds: .standard, currentYear: 2026).read(path: input)
        let analysis = Analysis(survey: survey)
        let benchmarks = Benchmarks(analysis: analysis)
        let path = folder.appendingPathComponent("\(code).pdf").path
        try TrustPackPDF(benchmark: benchmarks.benchmark(for: benchmarks.trusts.first { $0.trustCode == code }!),
                         analysis: analysis, run: Fixtures.run).write(to: path)
        return path
    }

    @Test func figuresPrivacyAndDeterminism() throws {
        let folder = URL(fileURLWithPath: ScratchFolder.make("pdf"))
        let path = try Self.write(code: "RA901", to: folder)
        let text = try PDFTools.text(path)
        // Five of the six other trusts with an FTE are unnamed: every statistic withheld.
        #expect(text.contains("Central PMO FTE: All trusts 6 6.0 [c] [c] [c] [c] [c] [c] [c]"))
        #expect(text.contains("Withheld"))
        #expect(text.contains("Page 1 of"))
        for word in ["Cedarbrook", "Dunmore", "Elmstead", "Fernhill", "Gorsebank", "Hazelmere", "Ivydale",
                     "RC903", "RD904", "RE905", "secret remark"] {
            #expect(!text.contains(word), "\(word) appears in the pack")
        }
        #expect(try Program("pdfinfo", [path]).run().stdout.contains("Tagged:          yes"))
        let again = try Self.write(code: "RA901", to: URL(fileURLWithPath: ScratchFolder.make("pdf")))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(contentsOf: URL(fileURLWithPath: again)))
    }

    @Test func handWorkedFiguresWhereEveryTrustIsNamed() throws {
        let text = try PDFTools.text(Self.write(code: "RA901", to: URL(fileURLWithPath: ScratchFolder.make("pdf")), named: true))
        // Hand-worked in TrustBenchmarkTests: all trusts q1 3.25 (table 3.3), median 4.5, q3 7.25, rank 66.7.
        #expect(text.contains("Central PMO FTE: All trusts 6 6.0 2.0 3.3 4.5 7.3 10.0 Upper-middle quarter 66.7"))
        #expect(text.contains("40.0% of other Acute trusts (2 of 5) have the same model"))
    }

    @Test func everyPackPassesTheLayoutCheck() throws {
        let survey = try SurveyReader(bounds: .standard, currentYear: 2026).read(path: Self.fixture)
        let analysis = Analysis(survey: survey)
        let benchmarks = Benchmarks(analysis: analysis)
        for trust in benchmarks.trusts {
            let pack = TrustPackPDF(benchmark: benchmarks.benchmark(for: trust), analysis: analysis, run: Fixtures.run)
            #expect(pack.layoutProblems().isEmpty, "\(trust.trustName): \(pack.layoutProblems().prefix(3))")
        }
        let path = try Self.write(code: "RA901", to: URL(fileURLWithPath: ScratchFolder.make("pdf")))
        #expect(try PageBounds.problems(path, header: "Benchmark pack: Alderbury").isEmpty)
    }

    @Test func aSectorOfThreeIsWithheld() throws {
        let text = try PDFTools.text(Self.write(code: "RG907", to: URL(fileURLWithPath: ScratchFolder.make("pdf"))))
        #expect(text.contains("Withheld: too few other Community trusts that were not named gave a figure"))
    }
}
