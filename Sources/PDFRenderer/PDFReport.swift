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
        var paginator = Paginator(typesetter: document.typesetter, frame: frame.content)
        for section in content.sections { paginator.add(section) }

        let frontPages = 2
        let total = frontPages + paginator.pages.count
        let furniture = PageFurniture(frame: frame, title: definition.title, classification: definition.classification,
                                      internalUseWarning: definition.internalUse ? ReportDefinition.internalUseWarning : nil)
        let cover = Cover(definition: definition, waves: analysis.survey.waves.map(\.displayLabel),
                          trusts: analysis.latest.count, published: run.generatedDate)
        let contents = Contents(entries: zip(content.sections, paginator.firstPages).map {
            Contents.Entry(title: $0.title, destination: $0.destination, page: frontPages + $1 + 1)
        })

        document.beginTag(.document)
        try document.page { canvas in
            furniture.drawHeader(on: canvas)
            cover.draw(on: canvas, frame: frame)
            furniture.drawFooter(on: canvas, page: 1, of: total)
        }
        try document.page { canvas in
            furniture.drawHeader(on: canvas)
            contents.draw(on: canvas, frame: frame)
            furniture.drawFooter(on: canvas, page: 2, of: total)
        }
        var openSection: Int?
        for (index, page) in paginator.pages.enumerated() {
            try document.page { canvas in
                furniture.drawHeader(on: canvas)
                for placed in page {
                    if placed.section != openSection {
                        if openSection != nil { document.endTag(.section) }
                        document.beginTag(.section)
                        openSection = placed.section
                    }
                    placed.draw(on: canvas, left: frame.content.minX)
                }
                furniture.drawFooter(on: canvas, page: frontPages + index + 1, of: total)
            }
        }
        if openSection != nil { document.endTag(.section) }
        document.endTag(.document)
        for section in content.sections { document.addOutline(section.title, destination: section.destination) }
        try document.finish()
    }
}
