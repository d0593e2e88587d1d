/// The analysis tables, each by the name the contract publishes it under: the Excel Table name,
/// the JSON key and the name readers look it up by in the text. Renderers choose their wording by
/// switching on the case, never by comparing names.
public enum TableName: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case modelBySector = "ModelBySector"
    case modelBySize = "ModelBySize"
    case pmoSizeBySector = "PmoSizeBySector"
    case fteBySector = "FteBySector"
    case fteBySize = "FteBySize"
    case projectTypesBySector = "ProjectTypesBySector"
    case servicesBySector = "ServicesBySector"
    case reportingLine = "ReportingLine"
    case modelByWave = "ModelByWave"
    /// How the same trusts moved between models from one wave to the next.
    case modelTransitions = "ModelTransitions"

    /// The published name, so that `"Table \(name)"` reads as the outputs print it.
    public var description: String { rawValue }
}
