import PMOSurvey

/// Free-text comments as respondents write them: commas, "quotes", line breaks, £ amounts and
/// accented letters, which are exactly what trips a careless CSV reader or writer.
enum SampleComments {
    static let general = [
        "Figures as at 31 March; FTE includes two vacancies we are recruiting to.",
        "The board calls the PMO the \"engine room\" of the CIP programme, which is fair.",
        "Projects over £250,000 go through our \"Gateway\" process, smaller ones are managed locally.",
        "Our CIP target this year is £12.4m, of which the PMO tracks about £9m.",
        "Thanks to Sévérine and Zoë in the PMO for collating this return.",
        "Naïve question perhaps: should bank and agency staff count in the FTE?",
        "The EPR replacement (c. £18m over five years) dominates our IT portfolio.",
        "We moved the PMO from Finance to Strategy in April, reporting now goes to the Director of Strategy.",
        "Benefits realisation is weak, we rarely go back after go-live.",
        "Estates projects are run by the Estates team and are not included here.",
        "Happy to share our templates with other trusts, contact the PMO.",
        "PRINCE2-lite, really: we use the language, not the manuals.",
        "Funding for 3 posts (£140k) ends in March, so the team may shrink.",
        "We use \"Lean\" for ward-level improvement and PRINCE2 for the big schemes.",
        "Sickness and a café-style drop-in for project leads made a real difference.",
    ]

    /// Two-line comments: a line break inside a quoted field.
    static let multiline = [
        "Two points:\n1. FTE excludes the clinical leads who give a day a week.\n2. Headcount is from ESR, not budgeted establishment.",
        "Our structure changes in the new year.\nThe divisions will keep their own project managers.",
        "PMO costs about £420,000 a year;\nsavings tracked through it were £6.1m last year.",
    ]

    static func forModel(_ model: PMOModel) -> [String] {
        switch model {
        case .central, .hybrid:
            ["The central team sets standards, the divisions run most of the projects.",
             "Central team of analysts, project managers and a PMO lead, \"hub and spoke\" with the divisions."]
        case .devolved:
            ["Project managers sit in the divisions and report to divisional directors, there is no central team.",
             "We had a PMO until 2012; it was disbanded and the posts moved to the divisions."]
        case .none:
            ["No formal PMO: projects are run by service leads alongside their day jobs.",
             "We are considering a small PMO next year, subject to a business case."]
        }
    }

    /// A comment, or none: about half of respondents leave the box empty.
    static func pick(model: PMOModel, using random: inout SeededRandom) -> String {
        let roll = random.below(20)
        switch roll {
        case 0..<9: return ""
        case 9..<15: return random.pick(general)
        case 15..<17: return random.pick(multiline)
        case 17..<19: return random.pick(forModel(model))
        default: return random.pick(general) + " " + random.pick(forModel(model))
        }
    }
}
