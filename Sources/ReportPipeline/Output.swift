import JSONRenderer
import PDFRenderer
import PMOSurvey
import Publishing
import WorkbookRenderer

/// What a run can publish: three files, each by its own renderer, and the trusts' benchmark packs.
/// A report definition's `outputs:` names them; `generate` publishes the three, and the packs with
/// `--packs`. Every renderer the pipeline uses is listed here, and only here.
public enum Output: String, Sendable, Hashable, CaseIterable {
    case json, workbook, pdf
    /// A benchmark pack (workbook and PDF) for every trust, in `packs/`, with an index beside it.
    case packs

    /// Outputs are named after the tool, so that a folder of them explains itself.
    static let baseName = "pmo-report"

    /// The renderer of a single-file output; nil for the packs, which are many files.
    private var format: (any Renderer.Type)? {
        switch self {
        case .json: JSONReport.self
        case .workbook: WorkbookReport.self
        case .pdf: PDFReport.self
        case .packs: nil
        }
    }

    /// The renderer that writes this output of `analysis`; nil for the packs (`packRenderers`).
    func renderer(_ analysis: Analysis, run: RunInfo) -> (any Renderer)? {
        switch self {
        case .json: JSONReport(analysis: analysis, run: run)
        case .workbook: WorkbookReport(analysis: analysis, run: run)
        case .pdf: PDFReport(analysis: analysis, run: run)
        case .packs: nil
        }
    }

    /// The documents of one trust's pack, in the order the packs index lists them.
    static func packRenderers(_ benchmark: TrustBenchmark, analysis: Analysis, run: RunInfo) -> [any Renderer] {
        [TrustPackWorkbook(benchmark: benchmark, analysis: analysis, run: run),
         TrustPackPDF(benchmark: benchmark, analysis: analysis, run: run)]
    }

    /// The entries this output adds to the folder it is published into.
    public var entries: [PublishedEntry] {
        guard let format else {
            return [PublishedEntry(TrustPacks.folderName, isFolder: true), PublishedEntry(TrustPacks.indexName)]
        }
        return [PublishedEntry(Self.baseName + "." + format.fileExtension)]
    }
}
