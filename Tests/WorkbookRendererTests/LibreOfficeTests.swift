import Foundation
import PMOSurvey
import Testing
import TestSupport
import WorkbookRenderer

/// Opens the shipped sample's workbook in LibreOffice, once: it must convert to a PDF with a page
/// per sheet at least. LibreOffice exits 0 even on a broken file, so the PDF itself is checked.
@Suite struct LibreOfficeTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../SampleData/pmo-survey.csv").standardized.path

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/soffice")))
    func sampleWorkbookOpensInLibreOffice() throws {
        let survey = try SurveyReader(currentYear: 2026).read(path: Self.sample)
        let analysis = Analysis(survey: survey)
        let folder = ScratchFolder.make("workbook")
        let path = folder + "/pmo-report.xlsx"
        let started = ContinuousClock.now
        try WorkbookReport(analysis: analysis, run: SurveyFixture.run).write(to: path)
        let elapsed = ContinuousClock.now - started
        print("sample workbook: \(survey.responses.count) responses, "
              + "\((try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) bytes, written in \(elapsed)")

        let book = try ReadWorkbook.read(path)
        #expect(book.table("Responses") != nil)
        #expect(book.charts.count == (analysis.modelByWave == nil ? 8 : 9))

        // LibreOffice's own status says nothing (see above): the PDF it writes is what is checked.
        _ = try Program("/usr/bin/soffice", ["-env:UserInstallation=file://\(folder)/profile", "--headless", "--norestore",
                                             "--convert-to", "pdf", "--outdir", folder, path]).run()
        let pdf = try Data(contentsOf: URL(fileURLWithPath: folder + "/pmo-report.pdf"))
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        #expect(pdf.count > 50_000)
        #expect(try pageCount(folder + "/pmo-report.pdf") >= book.sheets.count, "a page per sheet at least")
    }
}

/// Pages of a PDF, from poppler's `pdfinfo`.
private func pageCount(_ path: String) throws -> Int {
    let text = try Program("/usr/bin/pdfinfo", [path]).run().stdout
    let line = text.split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
    return Int(line.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) ?? 0
}
