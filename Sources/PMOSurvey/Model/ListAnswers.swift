/// An answer chosen from a fixed list; multi-choice answers are stored as a `Selection`.
public protocol ListAnswer: RawRepresentable, CaseIterable, Hashable, Sendable
where RawValue == String, AllCases == [Self] {
    /// Reads one item of a survey answer (case already folded to lower case), aliases included.
    init?(item: String)
}

extension ListAnswer {
    public init?(item: String) {
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == item }) else { return nil }
        self = match
    }
}

public enum ProjectType: String, ListAnswer {
    case it = "IT"
    case quality = "Quality"
    case transformation = "Transformation"
    case financial = "Financial"
    case estates = "Estates"
    case workforce = "Workforce"
    case serviceDevelopment = "Service development"
    case other = "Other"

    public init?(item: String) {
        switch item {
        case "it", "digital", "it/digital": self = .it
        case "financial", "cip", "cost improvement": self = .financial
        case "quality": self = .quality
        case "transformation": self = .transformation
        case "estates": self = .estates
        case "workforce": self = .workforce
        case "service development": self = .serviceDevelopment
        case "other": self = .other
        default: return nil
        }
    }
}

public enum PMOService: String, ListAnswer {
    case portfolioReporting = "Portfolio reporting"
    case businessCases = "Business cases"
    case horizonScanning = "Horizon scanning"
    case serviceRedesign = "Service redesign"
    case changeFacilitation = "Change facilitation"
    case benefitsRealisation = "Benefits realisation"
    case training = "Training"
    case assurance = "Assurance"
}

public enum ReportingLine: String, ListAnswer {
    case chiefExecutive = "Chief Executive"
    case finance = "Finance"
    case strategy = "Strategy"
    case operations = "Operations"
    case clinical = "Clinical"
    case other = "Other"
}

public enum Methodology: String, ListAnswer {
    case prince2 = "PRINCE2"
    case msp = "MSP"
    case agile = "Agile"
    case leanQI = "Lean/QI"
    case inHouse = "In-house"
}

/// A set of answers to a multi-choice question, kept as a bit mask: a million responses stay small.
public struct Selection<Item: ListAnswer>: Hashable, Sendable {
    private var bits: UInt16 = 0

    public init() {}

    public init(_ items: some Sequence<Item>) {
        for item in items { insert(item) }
    }

    private static func bit(_ item: Item) -> UInt16 {
        1 << UInt16(Item.allCases.firstIndex(of: item)!)
    }

    public mutating func insert(_ item: Item) { bits |= Self.bit(item) }
    public func contains(_ item: Item) -> Bool { bits & Self.bit(item) != 0 }
    public var isEmpty: Bool { bits == 0 }

    /// The chosen items in the list's own order.
    public var items: [Item] { Item.allCases.filter(contains) }

    /// The items joined as the survey writes them: `IT; Quality`.
    public var text: String { items.map(\.rawValue).joined(separator: "; ") }
}
