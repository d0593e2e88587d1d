/// The kind of NHS trust, in the fixed order every breakdown uses.
public enum Sector: String, CaseIterable, Sendable, Hashable, Codable {
    case acute = "Acute"
    case mentalHealth = "Mental Health"
    case community = "Community"
    case ambulance = "Ambulance"
    case specialist = "Specialist"
    case combined = "Combined"

    /// Reads a survey answer: the canonical names and the aliases of the contract, ignoring case.
    public init?(answer: String) {
        switch answer.foldedCase {
        case "acute", "acute trust": self = .acute
        case "mental health", "mh", "mental health trust": self = .mentalHealth
        case "community", "community trust": self = .community
        case "ambulance", "ambulance trust": self = .ambulance
        case "specialist", "specialist trust": self = .specialist
        case "combined", "acute and community", "mental health and community": self = .combined
        default: return nil
        }
    }
}
