/// The survey tools whose exports a mapping can read (`import-mapping.md` section 1), and the
/// conventions each brings: header rows, how multi-select answers are written, date order.
public enum SurveyTool: String, CaseIterable, Sendable, Hashable {
    case msForms = "ms-forms"
    case surveyMonkey = "surveymonkey"
    case googleForms = "google-forms"
    case qualtrics
    case csv

    /// Rows above the first response.
    public var headerRows: Int {
        switch self {
        case .surveyMonkey: 2
        case .qualtrics: 3
        case .msForms, .googleForms, .csv: 1
        }
    }

    /// What joins the options of a multi-select answer held in one cell.
    public var separator: String {
        switch self {
        case .msForms, .csv: ";"
        case .googleForms: ", "
        case .qualtrics, .surveyMonkey: ","
        }
    }

    /// The date order of text dates when the mapping does not say.
    public var dates: DateOrder { self == .surveyMonkey ? .monthFirst : .dayFirst }

    /// The tool's own name, for messages and the About sheet.
    public var displayName: String {
        switch self {
        case .msForms: "Microsoft Forms"
        case .surveyMonkey: "SurveyMonkey"
        case .googleForms: "Google Forms"
        case .qualtrics: "Qualtrics"
        case .csv: "CSV"
        }
    }
}

/// Which number comes first in a text date such as `05/06/2015`.
public enum DateOrder: String, CaseIterable, Sendable, Hashable {
    case dayFirst = "day-first"
    case monthFirst = "month-first"
}
