import JSONRenderer
import PDFRenderer
import PMOSurvey
import WorkbookRenderer

/// The files a run can write, each by its own renderer.
enum OutputKind: String, CaseIterable, Sendable {
    case json
    case workbook
    case pdf

    var fileName: String {
        switch self {
        case .json: "\(Defaults.baseName).json"
        case .workbook: "\(Defaults.baseName).xlsx"
        case .pdf: "\(Defaults.baseName).pdf"
        }
    }

    /// Renders this output of `analysis` to `path`; throws, leaving no file, on failure.
    func write(_ analysis: Analysis, run: RunInfo, to path: String) throws {
        switch self {
        case .json: try JSONReport(analysis: analysis, run: run).write(to: path)
        case .workbook: try WorkbookReport(analysis: analysis, run: run).write(to: path)
        case .pdf: try PDFReport(analysis: analysis, run: run).write(to: path)
        }
    }
}
