import PDFCanvas
import PMOSurvey

/// The A4 board report: cover, contents, executive summary, a section per breakdown, trend across
/// waves, and appendices on method, data quality and participating trusts.
///
/// Pages are laid out first (so that every footer can say "Page X of Y" and the contents can give
/// page numbers), then drawn in reading order, since PDF text extraction follows drawing order.
public struct PDFReport: Renderer {
    public static let fileExtension = "pdf"

    public let analysis: Analysis
    public let run: RunInfo

    public init(analysis: Analysis, run: RunInfo) {
        self.analysis = analysis
        self.run = run
    }

    /// Writes the report to `path`, replacing any file there. On failure throws `PDFError` and
    /// leaves no file at `path`.
    public func write(to path: String) throws {
        let document = try Document(path: path, metadata: Metadata(DocumentMetadata(analysis: analysis, run: run)))
        let pages = self.pages(typesetter: document.typesetter)
        try pages.draw(on: document) { canvas in cover.draw(on: canvas, frame: pages.frame) }
    }

    /// What the layout check finds wrong with the report's pages; empty when every mark lies in
    /// the content area. Lays the report out without drawing it.
    public func layoutProblems() -> [LayoutProblem] {
        let typesetter = Typesetter.forThisThread
        return pages(typesetter: typesetter).layoutProblems(typesetter: typesetter)
    }

    var cover: Cover {
        Cover(definition: analysis.definition, waves: analysis.survey.waveSpan, waveCount: analysis.survey.waves.count,
              trusts: analysis.latest.count, published: run.generatedDate)
    }

    func pages(typesetter: Typesetter) -> PageSequence {
        let definition = analysis.definition
        let furniture = PageFurniture(frame: .a4, title: definition.title, classification: definition.classification,
                                      internalUseWarning: definition.internalUse ? ReportDefinition.internalUseWarning : nil)
        return PageSequence(sections: ReportContent(analysis: analysis).sections, frame: .a4, furniture: furniture,
                            typesetter: typesetter)
    }
}
