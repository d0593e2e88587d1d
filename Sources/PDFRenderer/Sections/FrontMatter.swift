import PDFCanvas
import PMOSurvey
import ReportStyle

/// The cover: what the report is, whose, when, and how it may be handled.
struct Cover {
    let definition: ReportDefinition
    /// The waves as a phrase of bounded length (`Survey.waveSpan`): a range when there are many.
    let waves: String
    let waveCount: Int
    let trusts: Int
    let published: SurveyDate

    func draw(on canvas: Canvas, frame: PageFrame) {
        let left = frame.content.minX, width = frame.content.width
        let band = Rect(x: 0, y: 96, width: frame.size.width, height: 300)
        canvas.fill(band, Colour(Palette.nhsBlue))
        let organisation = canvas.typesetter.fitted(RichText.bold(definition.organisation),
                                                    style: TextStyle(size: 12), width: width, maxHeight: 45)
        canvas.tagged(.paragraph) {
            canvas.text(organisation, style: TextStyle(size: 12, colour: .white), at: Point(x: left, y: band.minY + 36),
                        width: width)
        }
        // Title and subtitle come from the report definition: cut to stay on the band.
        let titleStyle = TextStyle(size: 32, weight: .bold, colour: .white, lineSpacing: 1.05)
        let title = canvas.typesetter.layout(
            canvas.typesetter.fitted(RichText(definition.title), style: titleStyle, width: width, maxHeight: 110),
            style: titleStyle, width: width)
        canvas.tagged(.heading1) { canvas.draw(title, at: Point(x: left, y: band.minY + 110)) }
        let subtitleStyle = TextStyle(size: 15, colour: .white, lineSpacing: 1.15)
        canvas.tagged(.paragraph) {
            canvas.text(canvas.typesetter.fitted(RichText(definition.subtitle), style: subtitleStyle, width: width,
                                                 maxHeight: 170 - title.size.height),
                        style: subtitleStyle, at: Point(x: left, y: band.minY + 118 + title.size.height), width: width)
        }
        let details: [(String, String)] = [
            (waveCount == 1 ? "Survey wave" : "Survey waves", waves),
            ("Trusts in the latest wave", trusts.grouped),
            ("Published", published.longText),
            ("Classification", definition.classification),
        ]
        let note = definition.internalUse
            ? "Internal-use edition: names every trust, including those that did not agree to be named."
            : "Trusts are named only where they agreed. Figures describe the trusts that took part, not every NHS trust."
        Cover.drawDetails(details, on: canvas, left: left, top: band.maxY + 40, width: width, note: note)
    }

    /// The label and value lines under a cover's title band, a rule, and a short note: the look
    /// the report's cover and every pack's cover share.
    static func drawDetails(_ details: [(String, String)], on canvas: Canvas, left: Double, top: Double,
                            width: Double, note: String) {
        var y = top
        for (label, value) in details {
            canvas.tagged(.paragraph) {
                canvas.text(RichText(label), style: Typography.small, at: Point(x: left, y: y), width: 160)
                let style = Typography.lead.with(weight: .bold)
                let fitted = canvas.typesetter.fitted(RichText(value), style: style, width: width - 160, maxHeight: 45)
                let size = canvas.text(fitted, style: style, at: Point(x: left + 160, y: y - 2), width: width - 160)
                y += max(size.height, 14) + 12
            }
        }
        canvas.line(from: Point(x: left, y: y + 8), to: Point(x: left + width, y: y + 8), Colour(Palette.paleGrey), width: 1)
        canvas.tagged(.paragraph) {
            canvas.text(canvas.typesetter.fitted(RichText(note), style: Typography.small, width: width, maxHeight: 120),
                        style: Typography.small, at: Point(x: left, y: y + 20), width: width)
        }
    }
}

/// The contents page: one clickable line per section, with its page number.
struct Contents {
    struct Entry {
        var title: String
        var destination: String
        var page: Int
    }

    let entries: [Entry]

    func draw(on canvas: Canvas, frame: PageFrame) {
        let left = frame.content.minX, width = frame.content.width
        var y = frame.content.minY
        canvas.tagged(.heading1) {
            y += canvas.text(RichText("Contents"), style: Typography.sectionHeading, at: Point(x: left, y: y), width: width).height
        }
        y += 18
        canvas.tagged(.contents) {
            for entry in entries {
                let appendix = entry.title.hasPrefix("Appendix")
                let style = Typography.lead.with(weight: appendix ? .regular : .bold, colour: Colour(Palette.nhsBlue))
                canvas.tagged(.contentsItem) {
                    canvas.link(to: entry.destination, description: "\(entry.title), page \(entry.page)") {
                        let title = canvas.typesetter.layout(RichText(entry.title), style: style, width: width - 60)
                        canvas.draw(title, at: Point(x: left, y: y))
                        canvas.text(RichText(String(entry.page)), style: style.with(alignment: .right),
                                    at: Point(x: left + width - 50, y: y), width: 50)
                        let lineY = y + title.size.height + 5
                        canvas.line(from: Point(x: left, y: lineY), to: Point(x: left + width, y: lineY),
                                    Colour(Palette.paleGrey), width: 0.75)
                        y = lineY + 8
                    }
                }
            }
        }
    }
}
