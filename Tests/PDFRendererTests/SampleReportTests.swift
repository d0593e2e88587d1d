import Foundation
import PDFRenderer
import PMOSurvey
import Testing
import TestSupport

/// The shipped sample survey, read by the real reader and written as the real report.
@Suite final class SampleReportTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("SampleData/pmo-survey.csv").path
    let folder: URL
    init() throws { folder = URL(fileURLWithPath: ScratchFolder.make("pdf")) }
    deinit { try? FileManager.default.removeItem(at: folder) }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: sample)))
    func sampleReportShowsNoPersonalData() throws {
        let survey = try SurveyReader(currentYear: 2026).read(path: Self.sample)
        let path = folder.appendingPathComponent("pmo-report.pdf").path
        try PDFReport(analysis: Analysis(survey: survey), run: Fixtures.run).write(to: path)
        // Set PDF_REVIEW_DIR to keep the PDF for looking at, e.g. with pdftoppm.
        if let review = ProcessInfo.processInfo.environment["PDF_REVIEW_DIR"] {
            try? FileManager.default.removeItem(atPath: review + "/pmo-report.pdf")
            try FileManager.default.copyItem(atPath: path, toPath: review + "/pmo-report.pdf")
        }
        #expect(try Program("qpdf", ["--check", path]).run().status == 0)
        #expect(PDFReport(analysis: Analysis(survey: survey), run: Fixtures.run).layoutProblems().isEmpty)
        #expect(try PageBounds.problems(path, header: "PMO benchmarking survey").isEmpty)
        let text = try PDFTools.text(path)
        // Respondents' names and e-mails are the 4th and 5th columns of the sample.
        let csv = try String(contentsOfFile: Self.sample, encoding: .utf8)
        let people = csv.split(separator: "\n").dropFirst().prefix(200).compactMap { line -> [Substring]? in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            return fields.count > 5 && !fields[..<6].contains { $0.contains("\"") } ? [fields[3], fields[4]] : nil
        }.flatMap { $0 }.filter { !$0.isEmpty }
        #expect(!people.isEmpty)
        for person in people { #expect(!text.contains(person), "personal data \(person) in the PDF") }
        for sector in Sector.allCases { #expect(text.contains(sector.rawValue)) }
    }
}
