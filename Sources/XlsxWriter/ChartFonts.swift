internal import CXlsxWriter

/// The chart's typeface and text colour at a size, as libxlsxwriter takes a font.
struct ChartFonts {
    let name: String
    let color: Color
    /// Owns the C copies of the typeface's name: `insert` keeps it until libxlsxwriter has read them.
    let strings: CStrings

    func font(size: Double, bold: Bool = false, color: Color? = nil) -> lxw_chart_font {
        var font = lxw_chart_font()
        font.name = strings.copy(name)
        font.size = size
        font.bold = bold ? 1 : 0
        font.color = (color ?? self.color).rgb
        return font
    }
}
