import PDFCanvas

extension ChartLayout {
    /// Draws the marks with the chart's top-left corner at `origin`, as one tagged figure with
    /// its alternative text.
    func draw(on canvas: Canvas, at origin: Point) {
        canvas.tagged(.figure, .alternativeText(alternativeText)) {
            for mark in marks {
                switch mark {
                case .rect(let r, let fill, let hatch):
                    let rect = Rect(x: origin.x + r.x, y: origin.y + r.y, width: r.width, height: r.height)
                    canvas.fill(rect, fill)
                    canvas.hatch(rect, hatch, colour: fill.labelColour)
                    if let outline = fill.outline { canvas.stroke(rect, outline, width: 0.5) }
                case .line(let a, let b, let colour, let width):
                    canvas.line(from: Point(x: origin.x + a.x, y: origin.y + a.y),
                                to: Point(x: origin.x + b.x, y: origin.y + b.y), colour, width: width)
                case .dot(let centre, let radius, let fill, let stroke):
                    canvas.circle(centre: Point(x: origin.x + centre.x, y: origin.y + centre.y), radius: radius,
                                  fill: fill, stroke: stroke)
                case .text(let t):
                    if let background = t.background {
                        canvas.fill(Rect(x: origin.x + t.frame.x - 1.5, y: origin.y + t.frame.y, width: t.frame.width + 3,
                                         height: t.frame.height), background)
                    }
                    canvas.text(t.text, style: t.style, at: Point(x: origin.x + t.frame.x, y: origin.y + t.frame.y),
                                width: t.wrapWidth)
                }
            }
        }
    }
}
