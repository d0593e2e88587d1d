import Foundation
import PDFCanvas
import PDFRenderer
import PMOSurvey
import Testing
import TestSupport

/// The written PDF, checked with tools that share no code with the renderer: qpdf and poppler.
@Suite final class ReportTests {
    let folder: URL
    init() throws { folder = URL(fileURLWithPath: ScratchFolder.make("pdf")) }
    deinit { try? FileManager.default.removeItem(at: folder) }

    func write(_ analysis: Analysis, name: String = "report.pdf") throws -> String {
        let path = folder.appendingPathComponent(name).path
        try PDFReport(analysis: analysis, run: Fixtures.run).write(to: path)
        return path
    }

    @Test func isAValidTaggedA4PDFWithEmbeddedFonts() throws {
        let path = try write(Fixtures.small())
        let check = try Program("qpdf", ["--check", path]).run()
        #expect(check.status == 0, "\(check)")

        let info = try Program("pdfinfo", [path]).run().stdout
        #expect(info.contains("Title:           PMO benchmarking survey"))
        #expect(info.contains("Author:          PMO benchmarking analysis team"))
        #expect(info.contains("Creator:         pmo-report 9.9.9"))
        #expect(info.contains("Keywords:        NHS, PMO, programme management, benchmarking"))
        #expect(info.contains("Page size:       595.276 x 841.89 pts (A4)"))
        #expect(info.contains("Tagged:          yes"))
        #expect(info.contains("CreationDate:    Wed May 27 10:30:00 2015 UTC"))

        let fonts = try Program("pdffonts", [path]).run().stdout.split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty)
        #expect(fonts.contains { $0.contains("LiberationSans") })
        for font in fonts {
            // name type encoding emb sub uni object ID: `emb` is the fourth column from the end.
            let columns = font.split(separator: " ", omittingEmptySubsequences: true)
            #expect(columns[columns.count - 5] == "yes", "font not embedded: \(font)")
        }
    }

    @Test func statesTheHeadlineWithHandWorkedFigures() throws {
        let text = try PDFTools.text(try write(Fixtures.small()))
        // 11 of 24 run a hybrid model; Wilson 95% interval worked by hand: 27.89% to 64.93%.
        #expect(text.contains("Of 24 trusts, 11 (45.8%, 95% CI 27.9% to 64.9%) run a hybrid model."))
        #expect(text.contains("The other arrangements: central 29.2% (7), devolved 16.7% (4) and no formal function 8.3% (2)."))
        for heading in ["Contents", "Executive summary", "Headlines", "PMO model by sector", "PMO model by trust size",
                        "Central PMO size by sector", "Central PMO staffing (FTE) by sector", "Types of project run by sector",
                        "Services offered by sector", "Who the project function reports to", "Appendix A: Method",
                        "Appendix B: Data quality", "Appendix C: Participating trusts"] {
            #expect(text.contains(heading), "missing heading \(heading)")
        }
        #expect(!text.contains("Trend across survey waves"), "one wave has no trend section")
        for sector in Sector.allCases {
            #expect(text.contains("\(sector.rawValue) (n="), "no chart row for \(sector.rawValue)")
        }
        #expect(text.contains("Small: fewer than 3,000 staff"))
        #expect(text.contains("z = 1.959964"))
    }

    @Test func namesOnlyConsentingTrustsAndNoFreeText() throws {
        let text = try PDFTools.text(try write(Fixtures.small()))
        #expect(!text.contains("Zedshire"))
        #expect(!text.contains(Fixtures.hiddenComment))
        #expect(!text.contains("<b>"), "data text must be escaped, not read as markup")
        #expect(!text.contains("digital"), "comments of consenting trusts are not in the board report either")
        // 7 of the 24 did not consent: the one with the hidden name and every fourth from the second.
        #expect(text.contains("These 17 agreed to be named:"))
        #expect(text.contains("7 other trusts took part and are not named."))
        #expect(text.contains("Trust 0 of St Mary’s & Béthune NHS Foundation Trust"))
    }

    @Test func internalUseEditionWarnsOnEveryPage() throws {
        let path = try write(Fixtures.small(internalUse: true))
        #expect(try PDFTools.text(path).contains(Fixtures.hiddenName))
        let pages = try pageCount(path)
        for page in 1...pages {
            #expect(try PDFTools.text(path, page: page).contains(ReportDefinition.internalUseWarning), "page \(page)")
        }
    }

    @Test func everyPageHasHeaderAndFooter() throws {
        let path = try write(Fixtures.realistic())
        let pages = try pageCount(path)
        #expect(pages >= 15)
        for page in 1...pages {
            let text = try PDFTools.text(path, page: page)
            #expect(text.hasPrefix("PMO benchmarking survey OFFICIAL"), "page \(page) header")
            #expect(text.hasSuffix("OFFICIAL Page \(page) of \(pages)"), "page \(page) footer")
        }
    }

    @Test func passesTheLayoutCheck() throws {
        for (name, analysis) in [("small", Fixtures.small()), ("internal", Fixtures.small(internalUse: true)),
                                 ("realistic", Fixtures.realistic())] {
            let report = PDFReport(analysis: analysis, run: Fixtures.run)
            #expect(report.layoutProblems().isEmpty, "\(name): \(report.layoutProblems().prefix(3))")
            let path = try write(analysis, name: "\(name).pdf")
            let problems = try PageBounds.problems(path, header: "PMO benchmarking survey")
            #expect(problems.isEmpty, "\(name): \(problems.prefix(3))")
        }
    }

    @Test func longTablesContinueWithTheirHeader() throws {
        let path = try write(Fixtures.realistic())
        let text = try PDFTools.text(path)
        #expect(text.contains("(continued) Trust ODS code Sector"))
        #expect(text.contains("Trend across survey waves"))
        #expect(text.contains("other trusts took part and are not named."))
        #expect(!text.contains(Fixtures.hiddenComment))
    }

    @Test func contentsAndBookmarksReachEverySection() throws {
        let path = try write(Fixtures.small())
        let destinations = try Program("pdfinfo", ["-dests", path]).run().stdout
        for name in ["summary", "ModelBySector", "FteBySize", "method", "data-quality", "participants"] {
            #expect(destinations.contains("\"\(name)\""), "no destination \(name)")
        }
        let json = try Program("qpdf", ["--json", "--json-key=outlines", path]).run().stdout
        for title in ["Executive summary", "Appendix C: Participating trusts", "Central PMO size by sector"] {
            #expect(json.contains("\"title\": \"\(title)\""), "no bookmark \(title)")
        }
        let objects = try Program("qpdf", ["--qdf", "--object-streams=disable", path, "-"]).run().stdout
        #expect(objects.components(separatedBy: "/Subtype /Link").count - 1 == 12, "each contents line is a link")
    }

    @Test func sameInputGivesIdenticalBytes() throws {
        let analysis = Fixtures.realistic()
        let a = try Data(contentsOf: URL(fileURLWithPath: try write(analysis, name: "a.pdf")))
        let b = try Data(contentsOf: URL(fileURLWithPath: try write(analysis, name: "b.pdf")))
        #expect(a == b)
    }

    @Test func failureLeavesNoFile() throws {
        let path = folder.appendingPathComponent("missing-folder/report.pdf").path
        #expect(throws: PDFError.self) {
            try PDFReport(analysis: Fixtures.small(), run: Fixtures.run).write(to: path)
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(left.isEmpty, "no partial file: \(left)")
    }

    private func pageCount(_ path: String) throws -> Int {
        let info = try Program("pdfinfo", [path]).run().stdout
        let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
        return Int(line.split(separator: " ").last ?? "") ?? 0
    }
}
