import Foundation
import TestSupport
import PMOSurvey
import WorkbookRenderer

/// The fixture's workbook, written once per test run into a private temporary folder and read
/// back once: the tests then inspect the same file.
struct RenderedWorkbook: Sendable {
    let folder: String
    let path: String
    let bytes: Data

    static let shared: Result<RenderedWorkbook, Error> = Result { try RenderedWorkbook(analysis: SurveyFixture.analysis, name: "fixture") }
    static let sharedRead: Result<ReadWorkbook, Error> = shared.flatMap { rendered in Result { try ReadWorkbook.read(rendered.path) } }

    init(analysis: Analysis, name: String) throws {
        folder = ScratchFolder.make("workbook")
        path = folder + "/\(name).xlsx"
        try WorkbookReport(analysis: analysis, run: SurveyFixture.run).write(to: path)
        bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    }
}
