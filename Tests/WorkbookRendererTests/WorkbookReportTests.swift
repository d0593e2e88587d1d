import Foundation
import PMOSurvey
import Testing
import TestSupport
@testable import WorkbookRenderer

/// The entry point's promises: identical bytes for identical input, the internal-use warning
/// everywhere it applies, and nothing left behind on failure.
@Suite struct WorkbookReportTests {
    @Test func twoRunsGiveIdenticalBytes() throws {
        let first = try RenderedWorkbook.shared.get()
        let second = try RenderedWorkbook(analysis: SurveyFixture.analysis, name: "again")
        #expect(first.bytes == second.bytes)
        #expect(first.bytes.count > 10_000)
    }

    @Test func internalUseNamesEveryTrustAndSaysSoOnEverySheet() throws {
        var definition = ReportDefinition()
        definition.internalUse = true
        let rendered = try RenderedWorkbook(analysis: Analysis(survey: SurveyFixture.survey, definition: definition),
                                            name: "internal")
        let book = try ReadWorkbook.read(rendered.path)
        for sheet in book.sheets {
            let values = book.cells[sheet]?.values.map(\.value) ?? []
            #expect(values.contains(ReportDefinition.internalUseWarning), "\(sheet) shows the warning")
            #expect(book.setup[sheet]?.header.contains("INTERNAL USE ONLY") == true, "\(sheet) prints the warning")
        }
        let names = Set(book.column("trust_name", of: "Responses").compactMap { $0?.value })
        #expect(SurveyFixture.survey.responses.allSatisfy { names.contains($0.trustName) })
    }

    @Test func aMissingFolderIsNamedAndNothingIsWritten() throws {
        let folder = ScratchFolder.make("workbook")
        let path = folder + "/missing/pmo-report.xlsx"
        #expect {
            try WorkbookReport(analysis: SurveyFixture.analysis, run: SurveyFixture.run).write(to: path)
        } throws: { error in
            "\(error)".contains("folder does not exist") && "\(error)".contains(path)
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aFailedWriteLeavesNoFile() throws {
        let folder = ScratchFolder.make("workbook")
        // A name that fits, but not with the temporary suffix: libxlsxwriter fails to create the file.
        let path = folder + "/" + String(repeating: "w", count: 245) + ".xlsx"
        #expect {
            try WorkbookReport(analysis: SurveyFixture.analysis, run: SurveyFixture.run).write(to: path)
        } throws: { error in
            guard case .writing = error as? WorkbookError else { return false }
            return "\(error)".contains("creating output xlsx file")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func aFailedPublishLeavesNoPartialFile() throws {
        let folder = ScratchFolder.make("workbook")
        let path = folder + "/occupied.xlsx"
        try FileManager.default.createDirectory(atPath: path + "/inside", withIntermediateDirectories: true)
        #expect {
            try WorkbookReport(analysis: SurveyFixture.analysis, run: SurveyFixture.run).write(to: path)
        } throws: { error in
            guard case .publishing = error as? WorkbookError else { return false }
            return true
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["occupied.xlsx"])
    }
}

/// Responses beyond one sheet's rows continue on numbered sheets, each its own Table.
@Suite struct ResponsesSplitTests {
    @Test func responsesContinueOnNumberedSheetsAndAboutSaysSo() throws {
        let folder = ScratchFolder.make("workbook")
        let path = folder + "/split.xlsx"
        let named = SurveyFixture.survey.responses.filter { SurveyFixture.analysis.sharedNaming.isNamed($0) }
        // At least three sheets.
        try #require(named.count >= 3)
        let perSheet = named.count / 3
        let sheets = (named.count + perSheet - 1) / perSheet
        try WorkbookBuilder(analysis: SurveyFixture.analysis, run: SurveyFixture.run, path: path, responsesPerSheet: perSheet).build()
        let book = try ReadWorkbook.read(path)
        #expect(book.sheets.filter { $0.hasPrefix("Responses") } == ["Responses"] + (2...sheets).map { "Responses (\($0))" })
        #expect(book.rows(of: "Responses").count == perSheet)
        #expect(book.rows(of: "Responses\(sheets)").count == named.count - (sheets - 1) * perSheet)
        #expect(book.table("Responses\(sheets)")?.sheet == "Responses (\(sheets))")
        let ids = (["Responses"] + (2...sheets).map { "Responses\($0)" }).flatMap { book.column("response_id", of: $0).compactMap { $0?.value } }
        #expect(Set(ids) == Set(named.map(\.responseID)))
        let about = book.cells["About"]?.values.map(\.value) ?? []
        #expect(about.contains { $0.contains("continue on " + (2...sheets).map { "Responses (\($0))" }.joined(separator: ", ")) })
    }
}
