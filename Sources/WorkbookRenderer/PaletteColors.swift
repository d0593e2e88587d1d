import ReportStyle
import XlsxWriter

extension Color {
    /// A colour of the report's `Palette`, as Excel stores it.
    init(_ rgb: RGB) { self.init(rgb: rgb.hex) }
}

/// The palette's contrast rules as the workbook's charts apply them.
extension Palette {
    /// The outline of a bar or segment: white between neighbours, but the palette's outline
    /// around a fill paler than 3:1 on the white sheet, so that the mark still stands out.
    static func border(for fill: RGB) -> Color { Color(outline(for: fill) ?? .white) }

    /// Data-label text on a fill, as the PDF's labels.
    static func labelColor(on fill: RGB) -> Color { Color(label(on: fill)) }
}
