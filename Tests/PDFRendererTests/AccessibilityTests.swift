import Foundation
import PDFRenderer
import PMOSurvey
import Testing
import TestSupport

/// PDF/UA-1 as two independent checkers see it (PyPI `page-validation` and `pdfua`, pinned and
/// installed by .ci/run for the `python3` on the path), and the accessible structure read back
/// with pikepdf.
@Suite final class AccessibilityTests {
    let folder: URL
    init() throws { folder = URL(fileURLWithPath: ScratchFolder.make("pdf")) }
    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Both checkers' findings on `path`: empty when the file passes.
    static func checkerFindings(_ path: String) throws -> [String] {
        var findings: [String] = []
        let page = try Program("python3", ["-c", """
            import sys, page
            report = page.validate_pdf(sys.argv[1], profile=page.ValidationProfile.PDF_UA_1)
            print(report)
            sys.exit(0 if report.is_compliant else 1)
            """, path]).run()
        if page.status != 0 { findings.append("page-validation: \(page)") }
        let pdfua = try Program("python3", ["-m", "pdfua", "check", path]).run()
        if pdfua.status != 0 || !pdfua.stdout.contains("errors=0 warnings=0") { findings.append("pdfua: \(pdfua)") }
        return findings
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: SampleReportTests.sample)))
    func sampleBoardReportPassesBothCheckers() throws {
        let survey = try SurveyReader(currentYear: 2026).read(path: SampleReportTests.sample)
        let path = folder.appendingPathComponent("pmo-report.pdf").path
        try PDFReport(analysis: Analysis(survey: survey), run: Fixtures.run).write(to: path)
        #expect(try Self.checkerFindings(path) == [])
    }

    @Test func packPassesBothCheckers() throws {
        let path = try TrustPackPDFTests.write(code: "RA901", to: folder)
        #expect(try Self.checkerFindings(path) == [])
    }

    /// Tables over several pages, lists, an internal-use banner: the shapes that stress structure.
    @Test func longReportPassesBothCheckers() throws {
        var analysis = Fixtures.realistic()
        analysis = Analysis(survey: analysis.survey, definition: { var d = ReportDefinition(); d.internalUse = true; return d }())
        let path = folder.appendingPathComponent("long.pdf").path
        try PDFReport(analysis: analysis, run: Fixtures.run).write(to: path)
        #expect(try Self.checkerFindings(path) == [])
    }

    @Test func catalogDeclaresLanguageTitleAndPDFUA() throws {
        let path = folder.appendingPathComponent("small.pdf").path
        try PDFReport(analysis: Fixtures.small(), run: Fixtures.run).write(to: path)
        let pdf = try PDFStructure.read(path)
        #expect(pdf.lang == "en-GB")
        #expect(pdf.version == "1.7")
        #expect(pdf.displayDocTitle)
        #expect(pdf.xmp.contains("<pdfuaid:part>1</pdfuaid:part>"))
        #expect(pdf.xmp.contains("<rdf:li xml:lang=\"x-default\">PMO benchmarking survey</rdf:li>"))
        #expect(pdf.xmp.contains("<xmp:CreateDate>2015-05-27T10:30:00Z</xmp:CreateDate>"))
        #expect(pdf.tabs.allSatisfy { $0 == "/S" })
        #expect(pdf.links.count == 12)
        #expect(pdf.links.first?.contents == "Executive summary, page 3")
        #expect(pdf.links.allSatisfy { $0.alt != nil && $0.alt == $0.contents })
        // Only the running header and footer (title, classification; classification, page) are
        // artifacts: text drawn outside a structure element by mistake would show up here.
        #expect(!pdf.artifactTexts.isEmpty)
        #expect(pdf.artifactTexts.allSatisfy { $0 == 4 }, "\(pdf.artifactTexts)")
    }

    /// Figure 1 is the model mix by sector; its alternative text must give the table's numbers.
    @Test func figureAltTextStatesTheFiguresNumbers() throws {
        let analysis = Fixtures.small()
        let path = folder.appendingPathComponent("small.pdf").path
        try PDFReport(analysis: analysis, run: Fixtures.run).write(to: path)
        let figures = try PDFStructure.read(path).figures
        #expect(figures.count == 11)
        #expect(figures.allSatisfy { ($0?.count ?? 0) > 80 }, "every figure has alternative text")
        let alt = try #require(figures.first ?? nil)
        // Hand-worked: 11 of 24 trusts hybrid, then 7 central, 4 devolved, 2 none; Acute 5 of 10 hybrid.
        #expect(alt.hasPrefix("Figure 1: How trusts organise project delivery, by sector. "))
        #expect(alt.contains("All trusts (n=24): Hybrid is the most common at 45.8% (11 of 24), then Central 29.2% (7), Devolved 16.7% (4) and None 8.3% (2)."))
        #expect(alt.contains("Acute (n=10): Hybrid is the most common at 50.0% (5 of 10), then Central 30.0% (3), Devolved 10.0% (1) and None 10.0% (1)."))
        // Every group of the table, each with its base and its largest share, as in the analysis.
        let table = analysis.modelBySector
        for group in table.groups {
            let top = zip(table.categories, group.figures.map { $0! }).max { $0.1.count < $1.1.count }!
            let share = String(format: "%.1f%%", Double(top.1.count) / Double(group.base) * 100)
            #expect(alt.contains("\(group.label) (n=\(group.base)): "), "\(group.label) missing")
            #expect(alt.contains("at \(share)"), "\(group.label): \(share)")
        }
        // Ambulance: 1 central, 1 hybrid: a tie is said as one.
        #expect(alt.contains("Ambulance (n=2): Central and Hybrid are the most common, at 50.0% each (1 of 2 each)."))
    }

    @Test func tablesListsAndHeadingsAreComplete() throws {
        let path = folder.appendingPathComponent("long.pdf").path
        try PDFReport(analysis: Fixtures.realistic(), run: Fixtures.run).write(to: path)
        let pdf = try PDFStructure.read(path)
        #expect(!pdf.headerScopes.isEmpty)
        #expect(pdf.headerScopes.allSatisfy { $0 == "Column" })
        // One header row per table, even where it is repeated on later pages (as an artifact).
        #expect(!pdf.tables.isEmpty)
        for table in pdf.tables {
            #expect(table.first?.allSatisfy { $0 == "TH" } == true)
            #expect(table.dropFirst().allSatisfy { $0.allSatisfy { $0 == "TD" } })
        }
        let participants = pdf.tables.max { $0.count < $1.count }!
        #expect(participants.count > 60, "the participants table spans pages as one Table")
        #expect(!pdf.listItems.isEmpty)
        for item in pdf.listItems {
            #expect(item.parent == "L")
            #expect(item.kids == ["Lbl", "LBody"])
        }
        // Headings never skip a level.
        var previous = 0
        for level in pdf.headings {
            #expect(level <= previous + 1, "H\(level) after H\(previous)")
            previous = level
        }
    }
}
