import PDFCanvas

/// What a document's layout breaks, found on the laid-out pages before anything is drawn: a mark
/// outside the content area (over the running header or footer, or off the page), or a figure
/// shrunk too far to read. The tests of every document, and the fuzzer, require none.
public struct LayoutProblem: Sendable, CustomStringConvertible {
    /// 1-based, as printed in the footer.
    public let page: Int
    public let message: String
    public var description: String { "page \(page): \(message)" }
}

extension PageSequence {
    func layoutProblems(typesetter: Typesetter) -> [LayoutProblem] {
        var problems: [LayoutProblem] = []
        let content = frame.content
        if furniture.headerBottom(typesetter: typesetter) > content.minY {
            problems.append(LayoutProblem(page: 1, message: "the running header reaches into the content area"))
        }
        if frame.footerTop < content.maxY {
            problems.append(LayoutProblem(page: 1, message: "the footer reaches into the content area"))
        }
        for (index, page) in paginator.pages.enumerated() {
            let number = Self.frontPages + index + 1
            for placed in page {
                if case .chart(_, let scale) = placed.piece, scale < Paginator.smallestReadableScale {
                    problems.append(LayoutProblem(page: number, message: "a figure is shrunk to \(Int(scale * 100))%"))
                }
                for box in placed.boxes(left: content.minX) where !content.contains(box.rect) {
                    problems.append(LayoutProblem(
                        page: number, message: "\(box.what) at \(box.rect) is outside the content area \(content)"))
                }
            }
        }
        return problems
    }
}

/// Something drawn, and the rectangle it covers in page coordinates.
struct DrawnBox {
    var what: String
    var rect: Rect
}

extension Placed {
    /// The rectangle of everything the piece draws, as `draw(on:left:)` places it.
    func boxes(left: Double) -> [DrawnBox] {
        switch piece {
        case .heading(let layout, _, let destination):
            return [DrawnBox(what: "heading", rect: Rect(x: left, y: destination == nil ? y + 6 : y,
                                                         width: layout.size.width, height: layout.size.height))]
        case .text(let layout, _, let bullet):
            let indent = bullet == nil ? 0.0 : 14
            return [DrawnBox(what: "text", rect: Rect(x: left + indent, y: y, width: layout.size.width,
                                                      height: layout.size.height))]
                + (bullet.map { [DrawnBox(what: "bullet", rect: Rect(origin: Point(x: left, y: y), size: $0.label.size))] } ?? [])
        case .chart(let chart, let scale):
            return chart.markBoxes.map { what, r in
                DrawnBox(what: "figure \(what)", rect: Rect(x: left + r.x * scale, y: y + r.y * scale,
                                                            width: r.width * scale, height: r.height * scale))
            }
        case .table(let slice):
            return [DrawnBox(what: "table", rect: Rect(x: left, y: y, width: slice.table.widths.reduce(0, +),
                                                       height: slice.height))]
        case .keyFigures(let figures, let boxWidth, let boxHeight):
            return figures.indices.map { i in
                DrawnBox(what: "key figure", rect: Rect(x: left + Double(i) * (boxWidth + 12), y: y,
                                                        width: boxWidth, height: boxHeight))
            }
        }
    }
}

extension ChartLayout {
    /// Each mark's extent in chart coordinates, strokes included, with a word for what it is.
    var markBoxes: [(String, Rect)] {
        marks.map { mark in
            switch mark {
            case .rect(let r, _, _):
                return ("bar", r)
            case .line(let a, let b, _, let width):
                let half = width / 2
                return ("line", Rect(x: min(a.x, b.x) - half, y: min(a.y, b.y) - half,
                                     width: abs(a.x - b.x) + width, height: abs(a.y - b.y) + width))
            case .dot(let centre, let radius, _, let stroke):
                let r = radius + (stroke == nil ? 0 : 0.375)
                return ("dot", Rect(x: centre.x - r, y: centre.y - r, width: 2 * r, height: 2 * r))
            case .text(let t):
                return ("text “\(t.text.plain.prefix(40))”", t.frame)
            }
        }
    }
}
