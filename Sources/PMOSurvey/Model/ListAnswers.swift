/// An answer chosen from a fixed list; multi-choice answers are stored as a `Selection`.
public protocol ListAnswer: RawRepresentable, CaseIterable, Hashable, Sendable
where RawValue == String, AllCases == [Self] {
    /// `allCases`, stored once: `allCases` of an enum builds a new array on every call, and
    /// `Selection` looks items up for every response.
    static var ordered: [Self] { get }
    /// Every accepted spelling in lower case, canonical names and aliases, to its item.
    static var spellings: [String: Self] { get }
    /// `spellings` as bytes with each item's position in `ordered`, for `match`.
    static var spellingBytes: [(bytes: [UInt8], position: Int)] { get }
}

extension ListAnswer {
    /// Reads one item of a survey answer, aliases included, ignoring case.
    public init?(item: String) {
        var item = item
        guard let match = item.withUTF8(Self.match) ?? Self.spellings[item.foldedCase] else { return nil }
        self = match
    }

    /// The item an answer spells, ignoring ASCII case, compared byte by byte: three questions of
    /// every row are lists, and making a string of each item cost a tenth of reading time.
    static func match(_ bytes: UnsafeBufferPointer<UInt8>) -> Self? {
        matchPosition(bytes).map { ordered[$0] }
    }

    /// `match`, as the item's position in `ordered`: a `Selection` takes it without looking the
    /// item up.
    static func matchPosition(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        for (spelling, position) in spellingBytes where spelling.count == bytes.count {
            if zip(spelling, bytes).allSatisfy({ $0 == $1.asciiLowercased }) { return position }
        }
        return nil
    }

    static func byteTable(_ spellings: [String: Self]) -> [(bytes: [UInt8], position: Int)] {
        spellings.map { (Array($0.key.utf8), ordered.firstIndex(of: $0.value)!) }
    }

    /// The canonical names in lower case, plus `aliases`.
    static func spellingTable(aliases: [String: Self] = [:]) -> [String: Self] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue.lowercased(), $0) }).merging(aliases) { $1 }
    }
}

public enum ProjectType: String, ListAnswer {
    public static let ordered = allCases
    public static let spellings = spellingTable(aliases: [
        "digital": .it, "it/digital": .it, "cip": .financial, "cost improvement": .financial,
    ])
    public static let spellingBytes = byteTable(spellings)

    case it = "IT"
    case quality = "Quality"
    case transformation = "Transformation"
    case financial = "Financial"
    case estates = "Estates"
    case workforce = "Workforce"
    case serviceDevelopment = "Service development"
    case other = "Other"
}

public enum PMOService: String, ListAnswer {
    public static let ordered = allCases
    public static let spellings = spellingTable()
    public static let spellingBytes = byteTable(spellings)

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
    public static let ordered = allCases
    public static let spellings = spellingTable()
    public static let spellingBytes = byteTable(spellings)

    case chiefExecutive = "Chief Executive"
    case finance = "Finance"
    case strategy = "Strategy"
    case operations = "Operations"
    case clinical = "Clinical"
    case other = "Other"
}

public enum Methodology: String, ListAnswer {
    public static let ordered = allCases
    public static let spellings = spellingTable()
    public static let spellingBytes = byteTable(spellings)

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
        1 << UInt16(Item.ordered.firstIndex(of: item)!)
    }

    public mutating func insert(_ item: Item) { bits |= Self.bit(item) }
    /// Chooses `Item.ordered[position]`.
    mutating func insert(at position: Int) { bits |= 1 << UInt16(position) }
    public func contains(_ item: Item) -> Bool { bits & Self.bit(item) != 0 }
    /// Whether `Item.ordered[position]` is chosen, without looking the item up: breakdowns ask
    /// this of every item for every response.
    func contains(at position: Int) -> Bool { bits & (1 << UInt16(position)) != 0 }
    public var isEmpty: Bool { bits == 0 }

    /// The chosen items in the list's own order.
    public var items: [Item] { Item.ordered.indices.filter(contains(at:)).map { Item.ordered[$0] } }

    /// The items joined as the survey writes them: `IT; Quality`.
    public var text: String { items.map(\.rawValue).joined(separator: "; ") }
}
