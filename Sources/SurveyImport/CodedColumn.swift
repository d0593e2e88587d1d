import PMOSurvey

/// The canonical values of the columns answered from a fixed list, for checking a mapping's
/// `values:` targets and for proposing entries.
enum CodedColumn {
    /// The canonical spellings of `column`'s values; nil for a free-text, number or date column.
    static func values(of column: SurveyColumn) -> [String]? {
        switch column {
        case .sector: Sector.allCases.map(\.rawValue)
        case .pmoModel: PMOModel.allCases.map(\.rawValue)
        case .reportsTo: ReportingLine.allCases.map(\.rawValue)
        case .projectTypes: ProjectType.allCases.map(\.rawValue)
        case .pmoServices: PMOService.allCases.map(\.rawValue)
        case .methodology: Methodology.allCases.map(\.rawValue)
        case .foundationTrust, .shareConsent: YesNo.allCases.map(\.rawValue)
        default: nil
        }
    }

    /// Whether the canonical rules read `text` as a value of `column` (aliases and case included).
    static func accepts(_ text: String, in column: SurveyColumn) -> Bool {
        switch column {
        case .sector: Sector(answer: text) != nil
        case .pmoModel: PMOModel(answer: text) != nil
        case .reportsTo: ReportingLine(item: text) != nil
        case .projectTypes: ProjectType(item: text) != nil
        case .pmoServices: PMOService(item: text) != nil
        case .methodology: Methodology(item: text) != nil
        case .foundationTrust, .shareConsent: YesNo(answer: text) != nil
        default: true
        }
    }
}
