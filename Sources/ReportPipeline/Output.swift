import JSONRenderer
import PDFRenderer
import PMOSurvey
import WorkbookRenderer

/// What a run can publish: three files, each by its own renderer, and the trusts' benchmark packs.
/// A report definition's `outputs:` names them; `generate` publishes the three, and the packs with
/// `--packs`.
public enum Output: String, Sendable, Hashable, CaseIterable {
    case json, workbook, pdf
    /// A benchmark pack (workbook and PDF) for every trust, in `packs/`, with an index beside it.
    case packs

    /// Outputs are named after the tool, so that a folder of them explains itself.
    static let baseName = "pmo-report"

    /// The entries this output adds to the folder it is published into.
    public var entries: [String] {
        switch self {
        case .json: ["\(Self.baseName).json"]
        case .workbook: ["\(Self.baseName).xlsx"]
        case .pdf: ["\(Self.baseName).pdf"]
        case .packs: [TrustPacks.folderName, TrustPacks.indexName]
        }
    }

    /// Renders a single-file output of `analysis` to `path`; throws, leaving no file, on failure.
    func write(_ analysis: Analysis, run: RunInfo, to path: String) throws {
        switch self {
        case .json: try JSONReport(analysis: analysis, run: run).write(to: path)
        case .workbook: try WorkbookReport(analysis: analysis, run: run).write(to: path)
        case .pdf: try PDFReport(analysis: analysis, run: run).write(to: path)
        case .packs: preconditionFailure("packs are many files, written by TrustPacks")
        }
    }
}
