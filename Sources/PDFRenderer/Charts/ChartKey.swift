import PDFCanvas

/// The key of a chart: a swatch and name per category, in order, flowing onto more lines when
/// they do not fit one, at the running `y`.
func swatches(_ key: [ChartCategory], into b: inout MarkBuilder) {
    let swatch = 8.0
    var x = 0.0, lineTop = b.y, lineHeight = swatch
    for category in key {
        let size = b.size(category.label, ChartStyle.label)
        if x > 0, x + swatch + 3 + size.width > b.width {
            x = 0
            lineTop += lineHeight + 3
        }
        lineHeight = max(lineHeight, size.height)
        b.marks.append(.rect(Rect(x: x, y: lineTop + (size.height - swatch) / 2, width: swatch, height: swatch),
                             fill: category.colour, hatch: category.hatch))
        b.text(RichText(category.label), ChartStyle.label, at: Point(x: x + swatch + 3, y: lineTop),
               wrap: min(size.width + 1, b.width - x - swatch - 3))
        x += swatch + 3 + size.width + 14
    }
    b.y = lineTop + lineHeight + 8
}
