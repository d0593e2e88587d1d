import Foundation
import PDFRenderer
import Testing

@Test func writesRealisticReportForReview() throws {
    let path = "/tmp/pdf-review/sample.pdf"
    try FileManager.default.createDirectory(atPath: "/tmp/pdf-review", withIntermediateDirectories: true)
    try PDFReport(analysis: Fixtures.realistic(), run: Fixtures.run).write(to: path)
}
