import PDFCanvas
import ReportStyle

/// The report's type scale: one family (Liberation Sans, metric-compatible with Arial, the NHS
/// font for internal documents), NHS Blue headings, generous line spacing for body text.
enum Typography {
    static let body = TextStyle(size: 10, colour: Colour(Palette.text), lineSpacing: 1.2)
    static let lead = TextStyle(size: 11.5, colour: Colour(Palette.text), lineSpacing: 1.2)
    static let small = TextStyle(size: 8.5, colour: Colour(Palette.secondaryText), lineSpacing: 1.15)
    static let sectionHeading = TextStyle(size: 20, weight: .bold, colour: Colour(Palette.nhsBlue))
    static let subheading = TextStyle(size: 13, weight: .bold, colour: Colour(Palette.nhsBlue))
    static let caption = TextStyle(size: 9.5, weight: .bold, colour: Colour(Palette.text))
    static let tableHeader = TextStyle(size: 8, weight: .bold, colour: .white)
    static let tableCell = TextStyle(size: 8, colour: Colour(Palette.text))
    static let running = TextStyle(size: 8, colour: Colour(Palette.secondaryText))
    static let keyFigure = TextStyle(size: 22, weight: .bold, colour: Colour(Palette.nhsBlue))
}

/// Where things go on an A4 page.
struct PageFrame {
    let size: Size
    /// The area body content flows in, between the running header and footer.
    let content: Rect
    let headerBaseline: Double
    let footerTop: Double

    static let a4: PageFrame = {
        let size = Size.a4, side = 56.0
        return PageFrame(size: size,
                         content: Rect(x: side, y: 78, width: size.width - 2 * side, height: size.height - 78 - 66),
                         headerBaseline: 34, footerTop: size.height - 44)
    }()
}
