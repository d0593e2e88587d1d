/// What the groups of a breakdown are. The raw value is the heading outputs print over the
/// group labels.
public enum GroupKind: String, Sendable, Hashable, CustomStringConvertible {
    case sector = "Sector"
    case trustSize = "Trust size"
    case wave = "Wave"

    /// The heading, so that the kind reads in text as the outputs print it.
    public var description: String { rawValue }
}
