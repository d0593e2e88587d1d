/// How a trust organises the delivery of its projects.
public enum PMOModel: String, CaseIterable, Sendable, Hashable, Codable {
    /// One central PMO delivers projects.
    case central
    /// A central PMO plus project managers in the divisions.
    case hybrid
    /// No central PMO; project managers in divisions and services only.
    case devolved
    /// No formal project function.
    case none

    public init?(answer: String) {
        switch answer.foldedCase {
        case "central", "central pmo": self = .central
        case "hybrid", "central and devolved": self = .hybrid
        case "devolved", "devolved project managers": self = .devolved
        case "none", "no pmo": self = .none
        default: return nil
        }
    }

    /// Whether the model includes a central function whose size (FTE) is asked.
    public var hasCentralPMO: Bool { self == .central || self == .hybrid }

    /// A phrase for sentences and chart labels: "central PMO", "no formal PMO".
    public var phrase: String {
        switch self {
        case .central: "central PMO"
        case .hybrid: "central PMO with devolved project managers"
        case .devolved: "devolved project managers only"
        case .none: "no formal project function"
        }
    }

    /// A short label for legends and table headers.
    public var label: String {
        switch self {
        case .central: "Central"
        case .hybrid: "Hybrid"
        case .devolved: "Devolved"
        case .none: "None"
        }
    }
}
