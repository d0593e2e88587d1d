import Foundation
import PMOSurvey
import Testing
import TestSupport
import WorkbookRenderer

/// What Excel's Accessibility Checker looks at, read back with openpyxl and the zip's XML: alt
/// text on every chart, a title in A1 of every sheet, no merged cells, Tables with header rows,
/// sheet names that are not Excel's defaults, and the title and language in the properties.
@Suite struct WorkbookAccessibilityTests {
    struct Report: Decodable {
        struct Sheet: Decodable {
            var name: String
            var a1: String?
            var merged: Int
            /// Header rows of each Table on the sheet (Excel: 1, or 0 for none).
            var tableHeaderRows: [Int]
        }

        var sheets: [Sheet]
        /// Every chart's alternative text, in the drawings' order.
        var chartDescriptions: [String]
        var chartCount: Int
        var title: String?
        var language: String?
    }

    /// Reads `path` with Debian's `/usr/bin/python3`, which has openpyxl.
    static func read(_ path: String) throws -> Report {
        let result = try Program("/usr/bin/python3", ["-c", script, path]).run()
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode(Report.self, from: result.standardOutput)
    }

    private static let script = #"""
    import json, re, sys, zipfile
    import openpyxl
    path = sys.argv[1]
    wb = openpyxl.load_workbook(path)
    z = zipfile.ZipFile(path)
    names = z.namelist()
    drawings = sorted((n for n in names if re.fullmatch(r"xl/drawings/drawing\d+\.xml", n)), key=lambda n: int(re.findall(r"\d+", n)[0]))
    descriptions = [re.sub("&quot;", '"', d) for n in drawings for d in re.findall(r'<xdr:cNvPr [^>]*descr="([^"]*)"', z.read(n).decode())]
    charts = [n for n in names if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]
    core = z.read("docProps/core.xml").decode()
    title = re.search(r"<dc:title>(.*?)</dc:title>", core)
    custom = z.read("docProps/custom.xml").decode() if "docProps/custom.xml" in names else ""
    language = re.search(r'name="Language"><vt:lpwstr>(.*?)</vt:lpwstr>', custom)
    sheets = [{"name": ws.title, "a1": None if ws["A1"].value is None else str(ws["A1"].value),
               "merged": len(ws.merged_cells.ranges),
               "tableHeaderRows": [t.headerRowCount if t.headerRowCount is not None else 1 for t in ws.tables.values()]}
              for ws in wb.worksheets]
    print(json.dumps({"sheets": sheets, "chartDescriptions": descriptions, "chartCount": len(charts),
                      "title": title.group(1) if title else None, "language": language.group(1) if language else None}))
    """#

    func expectAccessible(_ report: Report, title: String) {
        #expect(report.title == title)
        #expect(report.language == "en-GB")
        for sheet in report.sheets {
            #expect(!(sheet.a1 ?? "").isEmpty, "sheet \(sheet.name) has no title in A1")
            #expect(sheet.merged == 0, "sheet \(sheet.name) has merged cells")
            #expect(sheet.tableHeaderRows.allSatisfy { $0 == 1 }, "a Table on \(sheet.name) has no header row")
            #expect(sheet.name.range(of: #"^Sheet\d+$"#, options: .regularExpression) == nil, "default sheet name \(sheet.name)")
        }
        #expect(report.chartCount > 0)
        #expect(report.chartDescriptions.count == report.chartCount, "every chart has alternative text")
    }

    @Test func boardWorkbookIsAccessibleAndItsChartsStateTheirFigures() throws {
        let rendered = try RenderedWorkbook.shared.get()
        let report = try Self.read(rendered.path)
        expectAccessible(report, title: SurveyFixture.analysis.definition.title)
        // The model-by-sector chart's text gives every group's shares, as in the table.
        let table = SurveyFixture.analysis.modelBySector
        let alt = try #require(report.chartDescriptions.first { $0.hasPrefix(table.title + ". Percent-stacked bar chart") })
        for group in table.groups {
            let shares = zip(table.categories, group.figures).map { category, share in
                "\(PMOModel(rawValue: category)!.label) \(String(format: "%.1f", share!.value * 100))%"
            }
            #expect(alt.contains("\(group.labelWithBase): " + shares.joined(separator: ", ")), "\(group.label) in \(alt)")
        }
        let fte = SurveyFixture.analysis.fteBySector
        let fteAlt = try #require(report.chartDescriptions.first { $0.hasPrefix(fte.title + ". Bar chart") })
        let all = try #require(fte.groups.first { $0.label == Groups.allTrusts })
        #expect(fteAlt.contains("\(all.labelWithBase): median \(String(format: "%.1f", all.median!))"))
    }

    @Test func packWorkbookIsAccessible() throws {
        let report = try Self.read(TrustPackWorkbookTests.write(code: "RA901"))
        expectAccessible(report, title: "PMO benchmarking survey: benchmark pack for Alderbury Hospitals NHS Foundation Trust")
        #expect(report.chartDescriptions.contains { $0.contains("Your trust is number ") })
    }
}
