import PMOSurvey

/// Every colour of the reports, keyed by what it shows, so that a PMO model, a PMO size band, a
/// sector or "your trust" has one colour in the PDF, the workbook and the packs. Renderers convert
/// these values to their own colour type and choose nothing themselves.
///
/// Neighbours in a chart are told apart without relying on hue: the PDF also hatches, the
/// workbook outlines each segment in white.
public enum Palette {
    // MARK: NHS identity colours

    public static let nhsBlue = RGB(0x005EB8)
    public static let darkBlue = RGB(0x003087)
    public static let brightBlue = RGB(0x0072CE)
    public static let lightBlue = RGB(0x41B6E6)
    public static let aqua = RGB(0x00A9CE)
    public static let warmYellow = RGB(0xFFB81C)
    public static let darkPink = RGB(0x7C2855)
    public static let darkGreen = RGB(0x006747)
    public static let orange = RGB(0xED8B00)
    /// Emergency Red, for warnings.
    public static let red = RGB(0xDA291C)
    public static let darkGrey = RGB(0x425563)
    public static let midGrey = RGB(0x768692)
    public static let paleGrey = RGB(0xE8EDEE)
    /// Between Mid Grey and Pale Grey: data that is there but not in focus.
    public static let lightGrey = RGB(0xAEB7BD)
    /// A tint of NHS Blue behind highlighted boxes, rows and boxplots.
    public static let paleBlue = RGB(0xDCE9F5)
    /// Every other row of a PDF table.
    public static let stripe = RGB(0xF3F6F7)

    // MARK: Categories

    /// Central Dark Blue, hybrid Bright Blue, devolved Warm Yellow, none Mid Grey.
    public static func model(_ model: PMOModel) -> RGB {
        switch model {
        case .central: darkBlue
        case .hybrid: brightBlue
        case .devolved: warmYellow
        case .none: midGrey
        }
    }

    /// Central PMO size bands: a blue ramp from small (light) to large (dark), then greys for the
    /// bands with no figure.
    public static func pmoSize(_ size: PMOSize) -> RGB {
        switch size {
        case .small: lightBlue
        case .medium: nhsBlue
        case .large: darkBlue
        case .unknown: lightGrey
        case .noCentralPMO: darkGrey
        }
    }

    /// Colours for categories and groups that have no colour of their own, in this order. The
    /// sectors take the first six in the contract's order, `All trusts` the seventh.
    public static let series = [nhsBlue, warmYellow, darkPink, aqua, darkGreen, darkGrey, orange]

    /// A sector as a series: Acute is NHS Blue in every chart, whichever groups a survey has.
    public static func sector(_ sector: Sector) -> RGB {
        series[Sector.allCases.firstIndex(of: sector)!]
    }

    /// The `All trusts` group as a series, after the sectors.
    public static let allTrusts = series[6]

    /// A category of a share table: models and PMO sizes by meaning, any other list (reporting
    /// lines, project types) by its place in the list.
    public static func category(_ category: String, at index: Int) -> RGB {
        if let model = PMOModel(rawValue: category) { return self.model(model) }
        if let size = PMOSize(rawValue: category) { return pmoSize(size) }
        return series[index % series.count]
    }

    /// A group as a series: sectors and `All trusts` by meaning, any other group by its place.
    public static func group(_ label: String, at index: Int) -> RGB {
        if let sector = Sector(rawValue: label) { return self.sector(sector) }
        if label == Groups.allTrusts { return allTrusts }
        return series[index % series.count]
    }

    // MARK: Trust packs

    /// The trust's own bar or dot: Warm Yellow, outlined dark, against blue and grey peers.
    public static let ownTrust = warmYellow
    /// Other trusts of the trust's sector.
    public static let sectorPeers = nhsBlue
    /// Trusts of the other sectors.
    public static let otherSectors = RGB(0xC8CFD3)
    /// All other trusts, beside the sector's.
    public static let allPeers = darkGrey
    /// Ranks inside the window a pack charts bar by bar, and outside it, in the strip of every trust.
    public static let insideWindow = nhsBlue
    public static let outsideWindow = lightGrey
    /// Minimum to lower quartile, lower quartile to median, median to upper quartile, upper
    /// quartile to maximum: pale to dark, as the Model Health System shades them.
    public static let quarters = [lightGrey, lightBlue, brightBlue, darkBlue]

    /// The two halves of an interquartile range bar: lower quartile to median, median to upper quartile.
    public static let lowerQuartileToMedian = nhsBlue
    public static let medianToUpperQuartile = lightBlue

    // MARK: Text and lines

    /// Body text of the PDF: NHS Black.
    public static let text = RGB(0x231F20)
    /// Text of the workbook's cells and charts: the NHS.UK text colour, a shade off NHS Black.
    /// Kept apart from `text` so that no output changed when the palettes became one.
    public static let sheetText = RGB(0x212B32)
    /// Notes, axes and captions in both.
    public static let secondaryText = darkGrey
    /// Gridlines of the PDF's charts.
    public static let gridline = paleGrey
    /// Gridlines of the workbook's charts, a step darker for screens.
    public static let sheetGridline = RGB(0xD8DDE0)

    // MARK: Contrast rules

    /// Graphical marks need 3:1 against the white page (WCAG 1.4.11): a paler fill gets a Dark
    /// Grey outline that has it; nil when the fill has it alone.
    public static func outline(for fill: RGB) -> RGB? {
        fill.contrast(with: .white) < 3 ? darkGrey : nil
    }

    /// Text on a fill, such as a data label: white or black, whichever has the higher contrast
    /// (at least 4.5:1 for every chart colour here; Mid Grey has 5.6 with black but only 3.8 with
    /// the text colours).
    public static func label(on fill: RGB) -> RGB {
        fill.contrast(with: .white) >= fill.contrast(with: .black) ? .white : .black
    }
}
