import PDFCanvas
import ReportStyle

/// A measured piece of a section, ready to draw.
enum Piece {
    case heading(TextLayout, tag: StructureTag, destination: String?)
    case text(TextLayout, tag: StructureTag, bullet: ListMarker?)
    /// A figure, drawn shrunk by `scale` (1 but for a figure taller than a page).
    case chart(ChartLayout, scale: Double)
    case table(TableSlice)
    case keyFigures([(value: TextLayout, caption: TextLayout)], boxWidth: Double, boxHeight: Double)
}

/// A list item's bullet, and whether the item opens or closes its list (an `L` element that may
/// continue on the next page).
struct ListMarker {
    var label: TextLayout
    var opensList: Bool
    var closesList: Bool
}

/// A piece at its place on a page.
struct Placed {
    var piece: Piece
    var y: Double
    /// Index of the report section it belongs to, for the `Sect` structure.
    var section: Int
}

/// Flows sections onto pages: each section starts a page, headings stay with what follows them,
/// figures are never split (one taller than a page is shrunk to fit), and tables split between
/// rows with their header repeated. Text is cut to fit a page (`fitted`), so that whatever the
/// survey holds, nothing is drawn outside the content area.
struct Paginator {
    /// A figure shrunk further than this is too small to read: the layout check reports it.
    static let smallestReadableScale = 0.75

    private enum Unit {
        case piece(Piece, height: Double, spaceAfter: Double, keepWithNext: Bool)
        case table(MeasuredTable, spaceAfter: Double)
    }

    let typesetter: Typesetter
    let frame: Rect
    private(set) var pages: [[Placed]] = []
    /// The body page (0-based) on which each section starts.
    private(set) var firstPages: [Int] = []
    private var y = 0.0

    init(typesetter: Typesetter, frame: Rect) {
        self.typesetter = typesetter
        self.frame = frame
    }

    mutating func add(_ section: ReportSection) {
        startPage()
        firstPages.append(pages.count - 1)
        let index = firstPages.count - 1
        let heading = lay(RichText(section.title), Typography.sectionHeading, width: frame.width, maxHeight: frame.height / 4)
        var units: [Unit] = [.piece(.heading(heading, tag: .heading1, destination: section.destination),
                                    height: heading.size.height, spaceAfter: 12, keepWithNext: true)]
        for block in section.blocks { units += measure(block) }
        for (i, unit) in units.enumerated() {
            switch unit {
            case .piece(let piece, let height, let spaceAfter, let keep):
                let needed = keep && i + 1 < units.count ? height + spaceAfter + leadHeight(units[i + 1]) : height
                if needed > remaining, !(pages.last?.isEmpty ?? true) { startPage() }
                pages[pages.count - 1].append(Placed(piece: piece, y: y, section: index))
                y += height + spaceAfter
            case .table(let table, let spaceAfter):
                place(table, section: index)
                y += spaceAfter
            }
        }
    }

    private var remaining: Double { frame.maxY - y }

    /// Text laid out at `width`, cut to `maxHeight` (by default most of a page).
    private func lay(_ text: RichText, _ style: TextStyle, width: Double, maxHeight: Double? = nil) -> TextLayout {
        let fitted = typesetter.fitted(text, style: style, width: width, maxHeight: maxHeight ?? frame.height - 40)
        return typesetter.layout(fitted, style: style, width: width)
    }

    private mutating func startPage() {
        pages.append([])
        y = frame.minY
    }

    /// What must fit under a heading or caption for it not to be stranded at the foot of a page.
    private func leadHeight(_ unit: Unit) -> Double {
        switch unit {
        case .piece(_, let height, _, _): min(height, frame.height / 2)
        case .table(let t, _): t.headerHeight + t.rowHeights.prefix(3).reduce(0, +)
        }
    }

    private mutating func place(_ table: MeasuredTable, section: Int) {
        var next = 0, continued = false
        repeat {
            var end = next
            var height = TableSlice(table: table, rows: next..<next, continued: continued).height
            while end < table.rows.count, height + table.rowHeights[end] <= remaining {
                height += table.rowHeights[end]
                end += 1
            }
            if end == next, next < table.rows.count {
                // Not even one row fits: a fresh page always takes one (rows are cut to fit a page).
                if pages.last?.isEmpty ?? true { end = next + 1 } else { startPage(); continue }
            }
            let slice = TableSlice(table: table, rows: next..<end, continued: continued)
            pages[pages.count - 1].append(Placed(piece: .table(slice), y: y, section: section))
            y += slice.height
            next = end
            if next < table.rows.count {
                startPage()
                continued = true
            }
        } while next < table.rows.count
    }

    private func measure(_ block: Block) -> [Unit] {
        let width = frame.width
        switch block {
        case .subheading(let title):
            let layout = lay(RichText(title), Typography.subheading, width: width, maxHeight: frame.height / 4)
            return [.piece(.heading(layout, tag: .heading2, destination: nil), height: layout.size.height + 6,
                           spaceAfter: 4, keepWithNext: true)]
        case .paragraph(let text, let style):
            let layout = lay(text, style, width: width)
            return [.piece(.text(layout, tag: .paragraph, bullet: nil), height: layout.size.height,
                           spaceAfter: 8, keepWithNext: false)]
        case .bullets(let items):
            return items.enumerated().map { index, item in
                let layout = lay(item, Typography.body, width: width - 14)
                let bullet = ListMarker(label: typesetter.layout("•", style: Typography.body.with(colour: Colour(Palette.nhsBlue))),
                                        opensList: index == 0, closesList: index == items.count - 1)
                return .piece(.text(layout, tag: .listItem, bullet: bullet), height: layout.size.height,
                              spaceAfter: 6, keepWithNext: false)
            }
        case .figure(let chart):
            let layout = chart.layout(width: width, measure: typesetter)
            let scale = min(1, frame.height / max(layout.size.height, 1))
            return [.piece(.chart(layout, scale: scale), height: layout.size.height * scale, spaceAfter: 16,
                           keepWithNext: false)]
        case .table(let table):
            let caption = lay(RichText(table.caption), Typography.caption, width: width, maxHeight: frame.height / 4)
            var units: [Unit] = [
                .piece(.text(caption, tag: .caption, bullet: nil), height: caption.size.height, spaceAfter: 5,
                       keepWithNext: true),
                .table(MeasuredTable(table, width: width, height: frame.height, typesetter: typesetter),
                       spaceAfter: table.note == nil ? 16 : 4),
            ]
            if let note = table.note {
                let layout = lay(RichText(note), Typography.small, width: width)
                units.append(.piece(.text(layout, tag: .paragraph, bullet: nil), height: layout.size.height,
                                    spaceAfter: 14, keepWithNext: false))
            }
            return units
        case .keyFigures(let figures):
            let gap = 12.0, count = Double(max(1, figures.count))
            let boxWidth = (width - gap * (count - 1)) / count
            let laid = figures.map { figure in
                (value: lay(RichText(figure.value), Typography.keyFigure, width: boxWidth - 20, maxHeight: frame.height / 8),
                 caption: lay(RichText(figure.caption), Typography.small.with(colour: Colour(Palette.text)), width: boxWidth - 20,
                              maxHeight: frame.height / 6))
            }
            let boxHeight = (laid.map { $0.value.size.height + $0.caption.size.height }.max() ?? 0) + 24
            return [.piece(.keyFigures(laid, boxWidth: boxWidth, boxHeight: boxHeight), height: boxHeight,
                           spaceAfter: 16, keepWithNext: false)]
        }
    }
}
