import Foundation
import PMOSurvey
import XlsxWriter

/// One trust's benchmark pack as a workbook: a Summary, its own answers, its position among its
/// peers (Tables and native charts), its model and services against its sector, changes since
/// the previous wave, and an About sheet. Other trusts appear as the benchmark's naming allows.
public struct TrustPackWorkbook: Renderer {
    public static let fileExtension = "xlsx"

    public let benchmark: TrustBenchmark
    public let analysis: Analysis
    public let run: RunInfo

    public init(benchmark: TrustBenchmark, analysis: Analysis, run: RunInfo) {
        self.benchmark = benchmark
        self.analysis = analysis
        self.run = run
    }

    /// Writes the workbook to `path` through a temporary file renamed into place, so a failure
    /// leaves no file. Throws `WorkbookError`.
    public func write(to path: String) throws {
        try writeAtomically(to: path) { (partial) throws(XlsxWriteError) in
            try PackWorkbookBuilder(pack: self, path: partial).build()
        }
    }
}

/// Builds one pack workbook; all libxlsxwriter calls for it happen on the calling thread, so
/// packs can be built on several threads at once (`Workbook.close` serialises the writing).
final class PackWorkbookBuilder {
    let benchmark: TrustBenchmark
    let definition: ReportDefinition
    let run: RunInfo
    let workbook: Workbook
    let sourceFile: String
    let metadata: DocumentMetadata

    static let summary = "Summary"
    static let answers = "Your answers"
    static let position = "Position"
    static let ranking = "Ranking"
    static let model = "PMO model"
    static let coverage = "Projects and services"
    static let changes = "Changes"
    static let about = "About"

    init(pack: TrustPackWorkbook, path: String) throws(XlsxWriteError) {
        benchmark = pack.benchmark
        definition = pack.analysis.definition
        run = pack.run
        sourceFile = pack.analysis.survey.sourceNames
        let trust = pack.benchmark.trust.trustName
        metadata = DocumentMetadata(pack: pack.analysis, run: pack.run,
                                    title: "\(definition.title): benchmark pack for \(trust)",
                                    subject: "Where \(trust) stands among the trusts of the \(pack.benchmark.wave) survey")
        // A pack's parts are small (one row per trust at most), and a run makes hundreds of packs.
        workbook = try Workbook(path: path, parts: .memory())
    }

    func build() throws(XlsxWriteError) {
        try workbook.setProperties(DocumentProperties(metadata))
        try writeSummary()
        try writeAnswers()
        try writePosition()
        try writeRanking()
        try writeModel()
        try writeCoverage()
        try writeChanges()
        try writeAbout()
        try workbook.close()
    }

    /// Every sheet after the Summary with what it holds, for the contents list.
    var contents: [(sheet: String, description: String)] {
        [(Self.answers, "Your answers to the \(benchmark.wave) survey: Table YourAnswers"),
         (Self.position, "Central PMO FTE and FTE per 1,000 staff against all, sector and size peers: Table Position and chart"),
         (Self.ranking, "Every trust's central PMO FTE, largest first, yours highlighted: Table FteRanking and chart"),
         (Self.model, "Your PMO model against the model mix of your sector and of all trusts: Table ModelMix and chart"),
         (Self.coverage, "Your project types and services against your sector's: Tables ProjectTypeCoverage, ServiceCoverage"),
         (Self.changes, "Your answers now and in the previous wave: Table ChangesSincePreviousWave"),
         (Self.about, "How the figures were made, and who can see what")]
    }

    /// Adds a sheet with its title block; returns it and the first free row below the block.
    func beginSheet(_ name: String, title: String, description: [String]) throws(XlsxWriteError) -> (Worksheet, Int) {
        try workbook.addTitledSheet(name, title: title, description: description, warning: nil)
    }

    /// The classification and the pack's owner at the top of every printed page; sheet and page
    /// numbers at the foot.
    func finishSheet(_ sheet: Worksheet, headerRow: Int?) throws(XlsxWriteError) {
        let header = PageText(left: [.boldText(definition.classification)],
                              right: [.text("Benchmark pack: " + String(benchmark.trust.trustName.prefix(60)))])
        let footer = PageText(left: [.sheetName], right: [.text("Page "), .pageNumber, .text(" of "), .pageCount])
        try sheet.setPageSetup(PageSetup(repeatedRows: headerRow.map { $0...$0 }, header: header, footer: footer))
    }
}
