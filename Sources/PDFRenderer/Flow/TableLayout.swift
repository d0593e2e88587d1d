import PDFCanvas
import ReportStyle

/// A table measured for a width: every cell laid out once, so that splitting it across pages and
/// drawing it use the same lines.
struct MeasuredTable {
    static let padding = (horizontal: 3.5, vertical: 3.0)

    let table: Table
    let widths: [Double]
    let header: [TextLayout]
    let headerHeight: Double
    let rows: [[TextLayout]]
    let rowHeights: [Double]
    /// `Table 3 (continued)`, drawn above the header on later pages.
    let continuation: TextLayout

    /// Lays the table out `width` wide for pages whose content area is `height` tall: a cell
    /// too tall for a page under the header is cut to fit (the workbook has every character).
    init(_ table: Table, width: Double, height: Double, typesetter: Typesetter) {
        self.table = table
        let total = table.columns.map(\.weight).reduce(0, +)
        widths = table.columns.map { width * $0.weight / max(total, 1e-9) }
        let inner = widths.map { max(1, $0 - 2 * Self.padding.horizontal) }
        func lay(_ text: RichText, _ style: TextStyle, _ column: Int, maxHeight: Double) -> TextLayout {
            let style = style.with(alignment: table.columns[column].alignment)
            return typesetter.layout(typesetter.fitted(text, style: style, width: inner[column], maxHeight: maxHeight),
                                     style: style, width: inner[column])
        }
        let caption = table.caption.split(separator: ":", maxSplits: 1).first.map(String.init) ?? table.caption
        continuation = typesetter.layout(typesetter.fitted(RichText(caption + " (continued)"), style: Typography.caption,
                                                           width: width, maxHeight: height / 8),
                                         style: Typography.caption, width: width)
        // A wide table (a column per project type) sets its figures a half-point smaller to keep them on one line.
        let wide = table.columns.count >= 8
        let size = wide ? 7.5 : Typography.tableCell.size
        header = table.columns.indices.map {
            lay(RichText(table.columns[$0].title), Typography.tableHeader.with(size: wide ? 6.5 : size), $0,
                maxHeight: height / 6)
        }
        headerHeight = (header.map(\.size.height).max() ?? 0) + 2 * Self.padding.vertical
        let tallestCell = height - headerHeight - continuation.size.height - 4 - 2 * Self.padding.vertical
        rows = table.rows.map { row in
            zip(row.cells, table.columns.indices).map {
                lay($0, Typography.tableCell.with(size: size, weight: row.isTotal ? .bold : .regular), $1,
                    maxHeight: tallestCell)
            }
        }
        rowHeights = rows.map { ($0.map(\.size.height).max() ?? 0) + 2 * Self.padding.vertical }
    }
}

/// The rows of a table that fit on one page, under a repeated header.
struct TableSlice {
    let table: MeasuredTable
    let rows: Range<Int>
    /// A later part of a split table: carries the `(continued)` caption.
    let continued: Bool

    var captionHeight: Double { continued ? table.continuation.size.height + 4 : 0 }
    var height: Double { captionHeight + table.headerHeight + rows.map { table.rowHeights[$0] }.reduce(0, +) }

    /// Draws the slice. A table split over pages is one `Table` element, opened by its first
    /// slice and closed by its last; later slices' caption and repeated header row are drawn
    /// untagged, as artifacts, so that a screen reader meets the header once.
    func draw(on canvas: Canvas, at origin: Point) {
        var y = origin.y
        if continued {
            canvas.draw(table.continuation, at: Point(x: origin.x, y: y))
            y += captionHeight
        }
        let width = table.widths.reduce(0, +)
        canvas.tagged(part: .table, opens: !continued, closes: rows.upperBound == table.rows.count) {
            canvas.fill(Rect(x: origin.x, y: y, width: width, height: table.headerHeight), Colour(Palette.nhsBlue))
            drawRow(table.header, tag: .tableHeader, repeated: continued, on: canvas, x: origin.x, y: y)
            y += table.headerHeight
            for index in rows {
                let height = table.rowHeights[index]
                if table.table.rows[index].isTotal {
                    canvas.fill(Rect(x: origin.x, y: y, width: width, height: height), Colour(Palette.paleBlue))
                    canvas.line(from: Point(x: origin.x, y: y), to: Point(x: origin.x + width, y: y),
                                Colour(Palette.darkGrey), width: 0.75)
                } else if index % 2 == 1 {
                    canvas.fill(Rect(x: origin.x, y: y, width: width, height: height), Colour(Palette.stripe))
                }
                drawRow(table.rows[index], tag: .tableCell, on: canvas, x: origin.x, y: y)
                y += height
            }
            canvas.line(from: Point(x: origin.x, y: y), to: Point(x: origin.x + width, y: y), Colour(Palette.midGrey), width: 0.5)
        }
    }

    /// A row of cells; a header `repeated` on a later page is drawn untagged, as an artifact.
    private func drawRow(_ cells: [TextLayout], tag: StructureTag, repeated: Bool = false, on canvas: Canvas,
                         x: Double, y: Double) {
        canvas.tagged(part: .tableRow, opens: !repeated, closes: !repeated) {
            var left = x
            for (cell, width) in zip(cells, table.widths) {
                canvas.tagged(part: tag, opens: !repeated, closes: !repeated, tag == .tableHeader ? .columnHeader : .none) {
                    canvas.draw(cell, at: Point(x: left + MeasuredTable.padding.horizontal,
                                                y: y + MeasuredTable.padding.vertical))
                }
                left += width
            }
        }
    }
}
