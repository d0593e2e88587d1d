internal import CXlsxWriter

/// How a cell looks: a value type, so formats can be declared once and compared. The workbook
/// turns each distinct format into one libxlsxwriter format, however often it is used.
public struct CellFormat: Hashable, Sendable {
    public enum Alignment: Hashable, Sendable {
        case left, centre, right
    }

    public enum VerticalAlignment: Hashable, Sendable {
        case top, centre, bottom
    }

    /// An Excel number format, e.g. `0.0%` or `d mmm yyyy`.
    public var numberFormat: String?
    public var fontName: String?
    public var fontSize: Double?
    public var fontColor: Color?
    public var bold = false
    public var italic = false
    public var underline = false
    public var fill: Color?
    public var alignment: Alignment?
    public var verticalAlignment: VerticalAlignment?
    public var wrapsText = false
    /// A thin line under the cell, in this colour.
    public var bottomBorder: Color?
    /// Indent level, for sub-items in lists.
    public var indent = 0

    public init(numberFormat: String? = nil, fontName: String? = nil, fontSize: Double? = nil,
                fontColor: Color? = nil, bold: Bool = false, italic: Bool = false, underline: Bool = false,
                fill: Color? = nil, alignment: Alignment? = nil, verticalAlignment: VerticalAlignment? = nil,
                wrapsText: Bool = false, bottomBorder: Color? = nil, indent: Int = 0) {
        self.numberFormat = numberFormat
        self.fontName = fontName
        self.fontSize = fontSize
        self.fontColor = fontColor
        self.bold = bold
        self.italic = italic
        self.underline = underline
        self.fill = fill
        self.alignment = alignment
        self.verticalAlignment = verticalAlignment
        self.wrapsText = wrapsText
        self.bottomBorder = bottomBorder
        self.indent = indent
    }

    /// Applies this description to a fresh libxlsxwriter format.
    func apply(to format: UnsafeMutablePointer<lxw_format>) {
        if let numberFormat { format_set_num_format(format, numberFormat) }
        if let fontName { format_set_font_name(format, fontName) }
        if let fontSize { format_set_font_size(format, fontSize) }
        if let fontColor { format_set_font_color(format, fontColor.rgb) }
        if bold { format_set_bold(format) }
        if italic { format_set_italic(format) }
        if underline { format_set_underline(format, UInt8(LXW_UNDERLINE_SINGLE.rawValue)) }
        if let fill {
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, fill.rgb)
        }
        switch alignment {
        case .left: format_set_align(format, UInt8(LXW_ALIGN_LEFT.rawValue))
        case .centre: format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
        case .right: format_set_align(format, UInt8(LXW_ALIGN_RIGHT.rawValue))
        case nil: break
        }
        switch verticalAlignment {
        case .top: format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        case .centre: format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        case .bottom: format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_BOTTOM.rawValue))
        case nil: break
        }
        if wrapsText { format_set_text_wrap(format) }
        if let bottomBorder {
            format_set_bottom(format, UInt8(LXW_BORDER_THIN.rawValue))
            format_set_bottom_color(format, bottomBorder.rgb)
        }
        if indent > 0 { format_set_indent(format, UInt8(clamping: indent)) }
    }
}
