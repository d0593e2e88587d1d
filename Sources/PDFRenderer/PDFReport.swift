import PDFCanvas
import PMOSurvey

/// The A4 board report: cover, contents, executive summary, a section per breakdown, trend across
/// waves, and appendices on method, data quality and participating trusts.
///
/// Pages are laid out first (so that every footer can say "Page X of Y" and the contents can give
/// page numbers), then drawn in reading order, since PDF text extraction follows drawing order.
public struct PDFReport {
    public let analysis: Analysis
    public let run: RunInfo

    public init(analysis: Analysis, run: RunInfo) {
        self.analysis = analysis
        self.run = run
    }

    /// Writes the report to `path`, replacing any file there. On failure throws `PDFError` and
    /// leaves no file at `path`.
    public func write(to path: String) throws {
        let definition = analysis.definition
        let document = try Document(path: path, metadata: Metadata(
            title: definition.title, author: definition.author, subject: definition.subtitle,
            keywords: definition.keywords, creator: "pmo-report \(run.toolVersion)",
            date: run.generatedDate.description + "Z"))
        let frame = PageFrame.a4
        let content = ReportContent(analysis: analysis)
        let furniture = PageFurniture(frame: frame, title: definition.title, classification: definition.classification,
                                      internalUseWarning: definition.internalUse ? ReportDefinition.internalUseWarning : nil)
        let cover = Cover(definition: definition, waves: analysis.survey.waves.map(\.displayLabel),
                          trusts: analysis.latest.count, published: run.generatedDate)
        let pages = PageSequence(sections: content.sections, frame: frame, furniture: furniture,
                                 typesetter: document.typesetter)
        try pages.draw(on: document) { canvas in cover.draw(on: canvas, frame: frame) }
    }
}
