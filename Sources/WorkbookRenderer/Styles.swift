import ReportStyle
import XlsxWriter

/// Cell formats of the workbook, declared once. Arial throughout, as NHS documents use when
/// Frutiger is not available.
enum Styles {
    static let font = "Arial"
    private static let textColor = Color(Palette.sheetText)
    private static let secondary = Color(Palette.secondaryText)

    static let title = CellFormat(fontName: font, fontSize: 16, fontColor: Color(Palette.darkBlue), bold: true)
    static let subtitle = CellFormat(fontName: font, fontSize: 11, fontColor: secondary)
    static let heading = CellFormat(fontName: font, fontSize: 12, fontColor: Color(Palette.darkBlue), bold: true,
                                    bottomBorder: Color(Palette.nhsBlue))
    static let note = CellFormat(fontName: font, fontSize: 9, fontColor: secondary, italic: true)
    static let warning = CellFormat(fontName: font, fontSize: 11, fontColor: .white, bold: true, fill: Color(Palette.red))
    static let tableHeader = CellFormat(fontName: font, fontSize: 10, fontColor: .white, bold: true,
                                        fill: Color(Palette.nhsBlue), verticalAlignment: .centre, wrapsText: true)
    static let blockHeader = CellFormat(fontName: font, fontSize: 10, fontColor: textColor, bold: true,
                                        fill: Color(Palette.paleGrey), wrapsText: true)
    static let blockNumberHeader = CellFormat(fontName: font, fontSize: 10, fontColor: textColor, bold: true,
                                              fill: Color(Palette.paleGrey), alignment: .right, wrapsText: true)

    static let text = CellFormat(fontName: font, fontSize: 10, fontColor: textColor, verticalAlignment: .top)
    static let wrappedText = CellFormat(fontName: font, fontSize: 10, fontColor: textColor, verticalAlignment: .top, wrapsText: true)
    static let label = CellFormat(fontName: font, fontSize: 10, fontColor: textColor, bold: true, verticalAlignment: .top)
    static let link = CellFormat(fontName: font, fontSize: 10, fontColor: Color(Palette.nhsBlue), underline: true)
    /// `[c]`, a withheld figure: right-aligned like the numbers it stands for.
    static let withheld = CellFormat(fontName: font, fontSize: 10, fontColor: secondary, alignment: .right, verticalAlignment: .top)

    static let count = number(NumberStyle.count.excelFormat)
    /// Whole numbers read as they are: years, line numbers, degrees of freedom.
    static let integer = number("0")
    static let share = number(NumberStyle.share.excelFormat)
    static let fte = number(NumberStyle.amount.excelFormat)
    static let ratio = number(NumberStyle.ratio.excelFormat)
    static let pValue = number(PValueStyle.excelFormat)
    static let date = number("d mmm yyyy")
    static let dateTime = number("d mmm yyyy hh:mm:ss \"UTC\"")

    private static func number(_ format: String) -> CellFormat {
        CellFormat(numberFormat: format, fontName: font, fontSize: 10, fontColor: textColor, verticalAlignment: .top)
    }

    /// Headline figures on the Summary sheet.
    static let headlineCount = headline(.count)
    static let headlineShare = headline(.share)
    static let headlineFTE = headline(.amount)

    private static func headline(_ style: NumberStyle) -> CellFormat {
        CellFormat(numberFormat: style.excelFormat, fontName: font, fontSize: 12, fontColor: Color(Palette.darkBlue), bold: true,
                   alignment: .right)
    }
}

extension Styles {
    /// Excel's serial day number of a date: days since 1899-12-30, which is days since the Unix
    /// epoch plus 25,569 (Excel's 1900 leap-year bug lies before any survey date).
    static func serial(daysSinceEpoch days: Int, secondsOfDay: Int? = nil) -> Double {
        Double(days + 25_569) + Double(secondsOfDay ?? 0) / 86_400
    }
}
