/// A trust's size from its staff headcount.
public enum TrustSize: String, CaseIterable, Sendable, Hashable, Codable {
    case small = "Small"
    case medium = "Medium"
    case large = "Large"
    case unknown = "Unknown"
}

/// The size of a trust's central PMO from its full-time equivalents.
public enum PMOSize: String, CaseIterable, Sendable, Hashable, Codable {
    case small = "Small"
    case medium = "Medium"
    case large = "Large"
    /// Central or hybrid model with no FTE given.
    case unknown = "Unknown"
    /// Devolved or no formal function.
    case noCentralPMO = "No central PMO"
}

/// The configurable band bounds of contract section 4. A value equal to a bound falls in the upper band.
public struct SizeBounds: Sendable, Hashable, Codable {
    /// Headcount from which a trust is Medium, and from which it is Large.
    public var mediumTrustFrom: Int
    public var largeTrustFrom: Int
    /// Central PMO FTE from which a PMO is Medium, and from which it is Large.
    public var mediumPMOFrom: Double
    public var largePMOFrom: Double

    public static let standard = SizeBounds(
        mediumTrustFrom: 3_000, largeTrustFrom: 6_000, mediumPMOFrom: 5, largePMOFrom: 15)

    public init(mediumTrustFrom: Int, largeTrustFrom: Int, mediumPMOFrom: Double, largePMOFrom: Double) {
        self.mediumTrustFrom = mediumTrustFrom
        self.largeTrustFrom = largeTrustFrom
        self.mediumPMOFrom = mediumPMOFrom
        self.largePMOFrom = largePMOFrom
    }

    public func trustSize(headcount: Int?) -> TrustSize {
        guard let headcount else { return .unknown }
        if headcount >= largeTrustFrom { return .large }
        if headcount >= mediumTrustFrom { return .medium }
        return .small
    }

    public func pmoSize(model: PMOModel, centralFTE: Double?) -> PMOSize {
        guard model.hasCentralPMO else { return .noCentralPMO }
        guard let centralFTE else { return .unknown }
        if centralFTE >= largePMOFrom { return .large }
        if centralFTE >= mediumPMOFrom { return .medium }
        return .small
    }

    /// Plain-English definitions, for the method sections of the reports.
    public var trustSizeDefinitions: [(TrustSize, String)] {
        [(.small, "fewer than \(mediumTrustFrom.grouped) staff"),
         (.medium, "\(mediumTrustFrom.grouped) to \((largeTrustFrom - 1).grouped) staff"),
         (.large, "\(largeTrustFrom.grouped) staff or more"),
         (.unknown, "headcount not given")]
    }

    public var pmoSizeDefinitions: [(PMOSize, String)] {
        [(.small, "central PMO of less than \(mediumPMOFrom.plain) FTE"),
         (.medium, "\(mediumPMOFrom.plain) to less than \(largePMOFrom.plain) FTE"),
         (.large, "\(largePMOFrom.plain) FTE or more"),
         (.unknown, "central or hybrid model, FTE not given"),
         (.noCentralPMO, "devolved or no formal project function")]
    }
}
