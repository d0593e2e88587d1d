import PDFCanvas

/// A chart of the PDF report or a pack as a value (the workbook's are native Excel charts,
/// XlsxWriter's `Chart`): what it shows, not how it is drawn. `layout(width:measure:)` turns it into
/// marks at positions (pure Swift, testable without a PDF), and `ChartDrawing` draws those marks.
///
/// Charts follow the UK Government Analysis Function guidance: horizontal text, categories in a
/// meaningful order, each value labelled directly (so nothing is shown by colour alone), and the
/// base of every group in its label.
public struct PDFChart: Sendable {
    public enum Kind: Sendable {
        /// Horizontal 100% stacked bars: the mix of a single-answer question within each group.
        case stackedShares(StackedShares)
        /// One share per row with its 95% interval as whiskers.
        case intervals(Intervals)
        /// One small panel per group with a bar per category: grouped bars without the crowding.
        case smallMultiples(SmallMultiples)
        /// The spread of a measure within each group: quartile box, median, range, and the
        /// individual values where there are few.
        case distribution(Distribution)
        /// A bar per trust, largest first, the reader's own highlighted (benchmark packs).
        case rankedBars(RankedBars)
        /// A value against its peers' quartiles, Model Health System style (benchmark packs).
        case quartileBands(QuartileBands)
        /// Shares across many points (waves), a line per category.
        case lines(Lines)
    }

    public var title: String
    public var subtitle: String?
    public var kind: Kind
    /// Base and source, under the plot.
    public var note: String?

    public init(title: String, subtitle: String? = nil, kind: Kind, note: String? = nil) {
        self.title = title
        self.subtitle = subtitle
        self.kind = kind
        self.note = note
    }
}

/// A category of a chart with its colour, e.g. `Hybrid` in NHS Bright Blue.
public struct ChartCategory: Sendable, Hashable {
    public var label: String
    public var colour: Colour
    /// Sets the category apart from its neighbours by more than colour.
    public var hatch: Hatch
    public init(label: String, colour: Colour, hatch: Hatch = .none) {
        self.label = label
        self.colour = colour
        self.hatch = hatch
    }
}

public struct StackedShares: Sendable {
    public struct Row: Sendable {
        /// With its base: `Acute (n=51)`.
        public var label: String
        /// One share (0 to 1) per category; they sum to 1.
        public var shares: [Double]
        /// A total row such as `All trusts`: set apart and in bold.
        public var isTotal: Bool
        /// The counts behind the shares and their base, for the alternative text.
        public var counts: [Int]?
        public var base: Int?
        public init(label: String, shares: [Double], isTotal: Bool = false, counts: [Int]? = nil, base: Int? = nil) {
            self.label = label
            self.shares = shares
            self.isTotal = isTotal
            self.counts = counts
            self.base = base
        }
    }

    public var categories: [ChartCategory]
    public var rows: [Row]
    public init(categories: [ChartCategory], rows: [Row]) {
        self.categories = categories
        self.rows = rows
    }
}

public struct Intervals: Sendable {
    public struct Row: Sendable {
        public var label: String
        public var value: Double
        public var low: Double
        public var high: Double
        public init(label: String, value: Double, low: Double, high: Double) {
            self.label = label
            self.value = value
            self.low = low
            self.high = high
        }
    }

    public var rows: [Row]
    public var colour: Colour
    public init(rows: [Row], colour: Colour) {
        self.rows = rows
        self.colour = colour
    }
}

public struct SmallMultiples: Sendable {
    public struct Panel: Sendable {
        /// With its base: `Acute (n=51)`.
        public var title: String
        /// One share (0 to 1) per category of the chart.
        public var shares: [Double]
        public init(title: String, shares: [Double]) {
            self.title = title
            self.shares = shares
        }
    }

    /// Row labels, the same in every panel so that panels compare at a glance.
    public var categories: [String]
    public var panels: [Panel]
    public var columns: Int
    public var colour: Colour
    public init(categories: [String], panels: [Panel], columns: Int = 2, colour: Colour) {
        self.categories = categories
        self.panels = panels
        self.columns = max(1, columns)
        self.colour = colour
    }
}

public struct Distribution: Sendable {
    public struct Row: Sendable {
        public var label: String
        /// How many values the group has, and those that may be drawn as dots (none where the
        /// extremes are withheld). The summary is computed by the caller (quartiles are a
        /// contract matter, not a drawing one); a withheld statistic is nil and not drawn.
        public var n: Int
        public var values: [Double]
        public var min: Double?
        public var q1: Double?
        public var median: Double?
        public var q3: Double?
        public var max: Double?
        public init(label: String, n: Int, values: [Double], min: Double?, q1: Double?, median: Double?, q3: Double?,
                    max: Double?) {
            self.label = label
            self.n = n
            self.values = values
            self.min = min
            self.q1 = q1
            self.median = median
            self.q3 = q3
            self.max = max
        }
    }

    public var rows: [Row]
    /// The measure and its unit, under the axis: `Central PMO FTE`.
    public var axisTitle: String
    public var colour: Colour
    /// Below this many values, each value is drawn as a point as well.
    public var pointsBelow: Int
    public init(rows: [Row], axisTitle: String, colour: Colour, pointsBelow: Int = 10) {
        self.rows = rows
        self.axisTitle = axisTitle
        self.colour = colour
        self.pointsBelow = pointsBelow
    }
}
