import PDFCanvas
import ReportStyle

extension Placed {
    /// Draws the piece with the content area's left edge at `left`.
    func draw(on canvas: Canvas, left: Double) {
        let origin = Point(x: left, y: y)
        switch piece {
        case .heading(let layout, let tag, let destination):
            canvas.tagged(tag) {
                if let destination {
                    canvas.destination(destination) { canvas.draw(layout, at: origin) }
                } else {
                    canvas.draw(layout, at: Point(x: left, y: y + 6))
                }
            }
        case .text(let layout, let tag, let bullet?):
            canvas.tagged(part: .list, opens: bullet.opensList, closes: bullet.closesList) {
                canvas.tagged(tag) {
                    canvas.tagged(.listLabel) { canvas.draw(bullet.label, at: origin) }
                    canvas.tagged(.listBody) { canvas.draw(layout, at: Point(x: left + 14, y: y)) }
                }
            }
        case .text(let layout, let tag, nil):
            canvas.tagged(tag) { canvas.draw(layout, at: origin) }
        case .chart(let chart, let scale):
            if scale < 1 {
                canvas.scaled(scale, about: origin) { chart.draw(on: canvas, at: origin) }
            } else {
                chart.draw(on: canvas, at: origin)
            }
        case .table(let slice):
            slice.draw(on: canvas, at: origin)
        case .keyFigures(let figures, let boxWidth, let boxHeight):
            for (i, figure) in figures.enumerated() {
                let x = left + Double(i) * (boxWidth + 12)
                canvas.fill(Rect(x: x, y: y, width: boxWidth, height: boxHeight), Colour(Palette.paleBlue))
                canvas.fill(Rect(x: x, y: y, width: 4, height: boxHeight), Colour(Palette.nhsBlue))
                canvas.tagged(.paragraph) {
                    canvas.draw(figure.value, at: Point(x: x + 12, y: y + 10))
                    canvas.draw(figure.caption, at: Point(x: x + 12, y: y + 12 + figure.value.size.height))
                }
            }
        }
    }
}

/// What every page carries: the running header (report title, classification), the internal-use
/// warning when the report names every trust, and the footer (classification, page X of Y).
struct PageFurniture {
    let frame: PageFrame
    let title: String
    let classification: String
    let internalUseWarning: String?

    func drawHeader(on canvas: Canvas) {
        let left = frame.content.minX, width = frame.content.width
        let style = Typography.running
        // One line, whatever the title (a pack's is the trust's name): a second would cross the rule.
        let line = canvas.typesetter.fitted(RichText(title), style: style, width: width * 0.7, maxHeight: style.size * 1.5)
        canvas.text(line, style: style, at: Point(x: left, y: frame.headerBaseline - 10), width: width * 0.7)
        canvas.text(.bold(classification), style: style.with(alignment: .right),
                    at: Point(x: left + width * 0.7, y: frame.headerBaseline - 10), width: width * 0.3)
        canvas.line(from: Point(x: left, y: frame.headerBaseline + 4), to: Point(x: left + width, y: frame.headerBaseline + 4),
                    Colour(Palette.nhsBlue), width: 1)
        if let layout = warning(typesetter: canvas.typesetter) {
            canvas.fill(Rect(x: left, y: frame.headerBaseline + 10, width: width, height: layout.size.height + 8),
                        Colour(Palette.red))
            canvas.draw(layout, at: Point(x: left + 6, y: frame.headerBaseline + 14))
        }
    }

    /// The internal-use warning laid out for the band under the header rule.
    private func warning(typesetter: Typesetter) -> TextLayout? {
        internalUseWarning.map {
            typesetter.layout(.bold($0), style: Typography.running.with(colour: .white, alignment: .centre),
                              width: frame.content.width - 12)
        }
    }

    /// Where the header, with its warning band, ends.
    func headerBottom(typesetter: Typesetter) -> Double {
        warning(typesetter: typesetter).map { frame.headerBaseline + 18 + $0.size.height } ?? frame.headerBaseline + 4.5
    }

    func drawFooter(on canvas: Canvas, page: Int, of total: Int) {
        let left = frame.content.minX, width = frame.content.width, top = frame.footerTop
        canvas.line(from: Point(x: left, y: top), to: Point(x: left + width, y: top), Colour(Palette.paleGrey), width: 0.75)
        canvas.text(.bold(classification), style: Typography.running, at: Point(x: left, y: top + 6), width: width / 2)
        canvas.text(RichText("Page \(page) of \(total)"), style: Typography.running.with(alignment: .right),
                    at: Point(x: left + width / 2, y: top + 6), width: width / 2)
    }
}
