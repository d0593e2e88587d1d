import PDFCanvas

/// A part of the report that flows down the page; the paginator measures it and places it.
enum Block {
    /// A heading inside a section; `destination` makes it a link target.
    case subheading(String)
    case paragraph(RichText, TextStyle = Typography.body)
    case bullets([RichText])
    case figure(PDFChart)
    case table(Table)
    /// Large numbers with a line of explanation, side by side, for the executive summary.
    case keyFigures([KeyFigure])
}

extension Block {
    /// A paragraph of plain text, for prose assembled from strings.
    static func prose(_ text: String, _ style: TextStyle = Typography.body) -> Block {
        .paragraph(RichText(text), style)
    }
}

struct KeyFigure {
    var value: String
    var caption: String
}

/// A section of the report: its own page start, a heading, a bookmark and a contents line.
struct ReportSection {
    var title: String
    /// The PDF destination name, unique in the document.
    var destination: String
    var blocks: [Block]
}

/// A table of figures. Cells are rich text so that a total row can be bold and an interval grey.
struct Table {
    struct Column {
        var title: String
        /// Share of the table's width, relative to the other columns.
        var weight: Double
        var alignment: TextStyle.Alignment
    }

    struct Row {
        var cells: [RichText]
        /// `All trusts`: bold, with a rule above.
        var isTotal = false
    }

    /// `Table 3: PMO model by sector`.
    var caption: String
    var columns: [Column]
    var rows: [Row]
    /// Base and notes, under the table.
    var note: String?
}
