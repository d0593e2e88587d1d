import Foundation
import PMOSurvey

/// How the sample survey reads in an online tool: each canonical column's question, and the
/// answer texts a respondent picks, which a mapping translates back (`Reports/mappings/`).
enum ExportVocabulary {
    static let questions: [SurveyColumn: String] = [
        .trustCode: "What is your organisation's ODS code?",
        .trustName: "Which NHS organisation do you work for?",
        .sector: "What type of trust is it?",
        .region: "Which NHS England region is it in?",
        .foundationTrust: "Is it an NHS foundation trust?",
        .staffHeadcount: "How many staff does the trust employ (headcount)?",
        .pmoModel: "How are projects delivered at your trust?",
        .pmoName: "What is the function called locally?",
        .centralPMOFTE: "How many whole time equivalent staff work in the central PMO?",
        .devolvedPMFTE: "How many whole time equivalent project managers work in divisions or services?",
        .projectTypes: "Which kinds of projects does the function manage?",
        .pmoServices: "Which services does the function provide?",
        .reportsTo: "To whom does the function report?",
        .methodology: "Which project methods do you use?",
        .established: "In which year was the function set up?",
        .shareConsent: "May we name your trust in the shared results?",
        .comments: "Anything else you would like to tell us?",
    ]

    /// The questions in the order the form asks them.
    static let order: [SurveyColumn] = [
        .trustName, .trustCode, .sector, .region, .foundationTrust, .staffHeadcount, .pmoModel, .pmoName,
        .centralPMOFTE, .devolvedPMFTE, .projectTypes, .pmoServices, .reportsTo, .methodology, .established,
        .shareConsent, .comments,
    ]

    /// Canonical value to the answer text offered, for the coded questions.
    static let answers: [SurveyColumn: [String: String]] = [
        .sector: ["Acute": "Acute hospital trust", "Mental Health": "Mental health trust", "Community": "Community health trust",
                  "Ambulance": "Ambulance trust", "Specialist": "Specialist trust", "Combined": "Combined acute and community trust"],
        .pmoModel: ["central": "A central PMO delivers our projects", "hybrid": "A central PMO plus project managers in divisions",
                    "devolved": "Project managers in divisions or services only", "none": "No formal project function"],
        .foundationTrust: ["yes": "Yes", "no": "No"],
        .shareConsent: ["yes": "Yes, you may name us", "no": "No, keep us anonymous"],
        .reportsTo: ["Chief Executive": "Chief Executive", "Finance": "Director of Finance", "Strategy": "Director of Strategy",
                     "Operations": "Chief Operating Officer", "Clinical": "Medical or Nursing Director", "Other": "Other"],
        .projectTypes: ["IT": "IT / digital", "Quality": "Quality improvement", "Transformation": "Transformation",
                        "Financial": "Cost improvement (CIP)", "Estates": "Estates and facilities",
                        "Workforce": "Workforce, recruitment and retention", "Service development": "Service development", "Other": "Other"],
        .pmoServices: ["Portfolio reporting": "Portfolio reporting", "Business cases": "Business cases", "Horizon scanning": "Horizon scanning",
                       "Service redesign": "Service redesign", "Change facilitation": "Change facilitation",
                       "Benefits realisation": "Benefits realisation", "Training": "Training and coaching", "Assurance": "Assurance and gateway reviews"],
        .methodology: ["PRINCE2": "PRINCE2", "MSP": "MSP (Managing Successful Programmes)", "Agile": "Agile",
                       "Lean/QI": "Lean / quality improvement", "In-house": "Our own in-house method"],
    ]

    /// The options of a multi-select question in the form's order.
    static func options(_ column: SurveyColumn) -> [String] {
        let canonical: [String] = switch column {
        case .projectTypes: ProjectType.allCases.map(\.rawValue)
        case .pmoServices: PMOService.allCases.map(\.rawValue)
        default: Methodology.allCases.map(\.rawValue)
        }
        return canonical.map { answers[column]![$0]! }
    }

    /// The answer text for a canonical cell as the sample wrote it: its value's text where the
    /// canonical rules read it, else the text as written (so that a row the canonical reader
    /// rejects is rejected from the export too).
    static func answer(_ text: String, _ column: SurveyColumn) -> String {
        guard !text.isEmpty, let table = answers[column] else { return text }
        let value: String? = switch column {
        case .sector: Sector(answer: text)?.rawValue
        case .pmoModel: PMOModel(answer: text)?.rawValue
        case .reportsTo: ReportingLine(item: text)?.rawValue
        case .foundationTrust, .shareConsent: YesNo(answer: text)?.rawValue
        default: nil
        }
        return value.flatMap { table[$0] } ?? text
    }

    /// The items of a canonical multi-select cell as option texts; items the canonical rules do
    /// not read stay as written, in `unknown`.
    static func items(_ text: String, _ column: SurveyColumn) -> (options: [String], unknown: [String]) {
        var options: [String] = [], unknown: [String] = []
        for raw in text.split(separator: ";") {
            let item = raw.trimmingCharacters(in: .whitespaces)
            guard !item.isEmpty else { continue }
            let value: String? = switch column {
            case .projectTypes: ProjectType(item: item)?.rawValue
            case .pmoServices: PMOService(item: item)?.rawValue
            default: Methodology(item: item)?.rawValue
            }
            if let value, let option = answers[column]?[value] {
                if !options.contains(option) { options.append(option) }
            } else {
                unknown.append(item)
            }
        }
        // In the form's order, as tools write them.
        let order = Self.options(column)
        return (options.sorted { order.firstIndex(of: $0)! < order.firstIndex(of: $1)! }, unknown)
    }
}
