import Foundation
import PMOSurvey
import XlsxWriter

/// The XLSX workbook of a survey analysis: a Summary, one sheet per breakdown with its Excel
/// Table and native chart, the anonymised responses, the data-quality findings and an About sheet.
public struct WorkbookReport: Renderer {
    public static let fileExtension = "xlsx"

    public let analysis: Analysis
    public let run: RunInfo

    public init(analysis: Analysis, run: RunInfo) {
        self.analysis = analysis
        self.run = run
    }

    /// Writes the workbook to `path`. Throws a `WorkbookError` naming the cause on any failure,
    /// and then leaves no file at `path`.
    ///
    /// The file is built beside `path` under a temporary name and renamed into place only when
    /// complete, so a reader never sees half a workbook.
    public func write(to path: String) throws {
        try writeAtomically(to: path) { (partial) throws(XlsxWriteError) in
            try WorkbookBuilder(analysis: analysis, run: run, path: partial).build()
        }
    }
}

/// Builds one workbook; all libxlsxwriter calls for it happen on the calling thread.
final class WorkbookBuilder {
    let analysis: Analysis
    let run: RunInfo
    let naming: TrustNaming
    let workbook: Workbook
    let layout: SheetLayout
    /// Values that had to change to fit a cell, reported on the Data quality sheet.
    var adjustments = CellAdjustments()
    /// The file line of each response, looked up only when a value needs reporting.
    lazy var linesByResponseID: [String: Int] = Dictionary(
        analysis.survey.responses.map { ($0.responseID, $0.line) }, uniquingKeysWith: { first, _ in first })

    init(analysis: Analysis, run: RunInfo, path: String, responsesPerSheet: Int? = nil) throws(XlsxWriteError) {
        self.analysis = analysis
        self.run = run
        naming = analysis.sharedNaming
        workbook = try Workbook(path: path, parts: Self.parts(responses: analysis.survey.responses.count))
        layout = SheetLayout(analysis: analysis, responsesPerSheet: responsesPerSheet)
    }

    /// The parts of a workbook of up to 20,000 responses (a few megabytes) are kept in memory;
    /// a national survey's run to gigabytes, and go beside the workbook.
    static func parts(responses: Int) -> PartsFolder {
        responses <= 20_000 ? .memory() : .besideWorkbook
    }

    func build() throws(XlsxWriteError) {
        try workbook.setProperties(DocumentProperties(DocumentMetadata(analysis: analysis, run: run)))
        try writeSummary()
        for breakdown in layout.breakdowns {
            switch breakdown.table {
            case .shares(let table): try writeShareSheet(table, named: breakdown.sheet)
            case .fte(let table): try writeFTESheet(table, named: breakdown.sheet)
            }
        }
        try writeSignificanceSheets()
        try writeResponses()
        try writeDataQuality()
        try writeAbout()
        try workbook.close()
    }
}
