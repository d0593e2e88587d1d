import PDFCanvas
import PMOSurvey
import ReportStyle

/// One trust's benchmark pack as an A4 PDF: a cover, contents, then its position, ranking, model
/// and services against its peers, changes since the previous wave, its answers and the method.
/// Same page furniture, type and palette as the board report; tagged, with bookmarks.
public struct TrustPackPDF: Renderer {
    public static let fileExtension = "pdf"

    public let benchmark: TrustBenchmark
    public let analysis: Analysis
    public let run: RunInfo

    public init(benchmark: TrustBenchmark, analysis: Analysis, run: RunInfo) {
        self.benchmark = benchmark
        self.analysis = analysis
        self.run = run
    }

    /// Writes the pack to `path`; on failure throws `PDFError` and leaves no file there.
    public func write(to path: String) throws {
        let definition = analysis.definition
        let trust = benchmark.trust
        let document = try Document(path: path, metadata: Metadata(DocumentMetadata(
            pack: analysis, run: run, title: "Benchmark pack: \(trust.trustName)", subject: "\(definition.title), \(benchmark.wave)")))
        let pages = self.pages(typesetter: document.typesetter)
        try pages.draw(on: document) { canvas in
            PackCover(benchmark: benchmark, definition: definition, published: run.generatedDate)
                .draw(on: canvas, frame: pages.frame)
        }
    }

    /// What the layout check finds wrong with the pack's pages; empty when every mark lies in the
    /// content area. Lays the pack out without drawing it.
    public func layoutProblems() -> [LayoutProblem] {
        let typesetter = Typesetter.forThisThread
        return pages(typesetter: typesetter).layoutProblems(typesetter: typesetter)
    }

    func pages(typesetter: Typesetter) -> PageSequence {
        let content = PackContent(benchmark: benchmark, definition: analysis.definition,
                                  sourceFile: analysis.survey.sourceNames, toolVersion: run.toolVersion)
        let furniture = PageFurniture(frame: .a4, title: "Benchmark pack: " + benchmark.trust.trustName,
                                      classification: analysis.definition.classification, internalUseWarning: nil)
        return PageSequence(sections: content.sections, frame: .a4, furniture: furniture, typesetter: typesetter)
    }
}

/// The pack's cover: whose pack it is, from which survey, and how to handle it.
struct PackCover {
    let benchmark: TrustBenchmark
    let definition: ReportDefinition
    let published: SurveyDate

    func draw(on canvas: Canvas, frame: PageFrame) {
        let left = frame.content.minX, width = frame.content.width
        let band = Rect(x: 0, y: 96, width: frame.size.width, height: 300)
        canvas.fill(band, Colour(Palette.nhsBlue))
        let organisation = canvas.typesetter.fitted(RichText.bold(definition.organisation + ": benchmark pack"),
                                                    style: TextStyle(size: 12), width: width, maxHeight: 45)
        canvas.tagged(.paragraph) {
            canvas.text(organisation, style: TextStyle(size: 12, colour: .white), at: Point(x: left, y: band.minY + 36),
                        width: width)
        }
        let trust = benchmark.trust
        let style = TextStyle(size: 28, weight: .bold, colour: .white, lineSpacing: 1.05)
        // Five lines at most, so that the subtitle stays on the band.
        let name = canvas.typesetter.fitted(RichText(trust.trustName), style: style, width: width, maxHeight: 150)
        let title = canvas.typesetter.layout(name, style: style, width: width)
        canvas.tagged(.heading1) { canvas.draw(title, at: Point(x: left, y: band.minY + 90)) }
        canvas.tagged(.paragraph) {
            canvas.text(RichText("Your PMO against your peers: \(definition.title), \(Survey.shortened(benchmark.wave))"),
                        style: TextStyle(size: 15, colour: .white, lineSpacing: 1.15),
                        at: Point(x: left, y: band.minY + 102 + title.size.height), width: width)
        }
        let details: [(String, String)] = [
            ("Trust", trust.trustCode.map { "\($0), \(trust.sector.rawValue)" } ?? trust.sector.rawValue),
            ("Survey wave", Survey.shortened(benchmark.wave)),
            ("Trusts in the wave", benchmark.trustCount.grouped),
            ("Published", published.longText),
            ("Classification", definition.classification),
        ]
        let note = "Made for \(trust.trustName) only: please do not pass it on. Other trusts appear as peer codes "
            + "unless they agreed to be named; a figure that would single out one of them is withheld."
        Cover.drawDetails(details, on: canvas, left: left, top: band.maxY + 40, width: width, note: note)
    }
}
