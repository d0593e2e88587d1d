import PMOSurvey
import ReportStyle

/// Readings that state the significance tests: whether a table's answers differ between groups,
/// whether the two groups the text compares differ, and how the same trusts moved between waves.
extension Reading {
    /// `chi-square 28.1, 15 df, p = 0.02`, with `by simulation` for a Monte Carlo p-value.
    /// nil for a withheld test.
    static func statistic(_ test: Significance.TableTest) -> String? {
        guard let statistic = test.statistic, let df = test.degreesOfFreedom, let p = test.pValue else { return nil }
        return "chi-square \(NumberText.decimal(statistic, places: 1)), \(df) df, \(PValueStyle.text(p))"
            + (test.test == "monte-carlo" ? " by simulation" : "")
            + (test.groupsLeftOut.isEmpty ? "" : "; \(list(test.groupsLeftOut)) left out, as some of their figures are withheld")
    }

    /// What the answers of a table are, as the subject of "differs by sector".
    private static func mix(_ table: ShareTable) -> String {
        switch table.name {
        case .modelBySector, .modelBySize: "The mix of PMO models"
        case .pmoSizeBySector: "The mix of central PMO sizes"
        case .reportingLine: "Whom the project function reports to"
        default: "The answers"
        }
    }

    /// What trusts in a category do, for "… more often than …": `run a hybrid model`, `offer training`.
    static func practice(_ table: ShareTable, category raw: String) -> String {
        if let model = PMOModel(rawValue: raw) { return verbPhrase(model) }
        switch table.name {
        case .pmoSizeBySector:
            switch PMOSize(rawValue: raw) {
            case .noCentralPMO?: return "have no central PMO"
            case .unknown?: return "have a central PMO of unknown size"
            default: return "have a \(raw.lowercased()) central PMO"
            }
        case .projectTypesBySector:
            return ProjectType(rawValue: raw) == .other ? "run other kinds of project" : "run \(raw == raw.uppercased() ? raw : raw.lowercased()) projects"
        case .servicesBySector: return "offer " + raw.lowercased()
        case .reportingLine:
            switch ReportingLine(rawValue: raw) {
            case .chiefExecutive?: return "report to the Chief Executive"
            case .clinical?: return "report to a clinical director"
            case .other?: return "report elsewhere"
            default: return "report to the \(raw.lowercased()) director"
            }
        default: return "answer “\(raw)”"
        }
    }

    /// "The mix of PMO models differs by sector (chi-square 28.1, 15 df, p = 0.02)." For an item of
    /// a multi-choice table: "Whether trusts offer training differs by sector (…)".
    static func tableTest(_ table: ShareTable, category: String? = nil, tests: Significance) -> String? {
        guard let test = tests.test(table.name.rawValue, category: category), let p = test.pValue,
              let figures = statistic(test) else { return nil }
        let subject = category.map { "Whether trusts \(practice(table, category: $0))" } ?? mix(table)
        let by = "by " + table.groupKind.rawValue.lowercased()
        return p < Significance.level
            ? "\(subject) differs \(by) (\(figures))."
            : "\(subject) does not differ significantly \(by) (\(figures))."
    }

    /// "Acute trusts run a hybrid model more often than Mental Health trusts (47.6%, n=84, against
    /// 38.6%, n=44; difference not significant after adjustment, p = 0.41)."
    static func pairTest(_ table: ShareTable, category index: Int, high: ShareTable.Group, low: ShareTable.Group,
                         tests: Significance) -> String? {
        let category = table.categories[index]
        guard let a = high.share(index), let b = low.share(index), a.value > b.value,
              let pair = tests.pair(table.name.rawValue, category: category, high.label, low.label),
              let pAdjusted = pair.pAdjusted else { return nil }
        let adjusted = tests.pairs(table.name.rawValue, category: category).count > 1 ? " after adjustment" : ""
        let verdict = pAdjusted < Significance.level
            ? "significant at 5%\(adjusted), \(PValueStyle.text(pAdjusted))"
            : "difference not significant\(adjusted), \(PValueStyle.text(pAdjusted))"
        return "\(group(high.label, kind: table.groupKind).capitalisingFirst) \(practice(table, category: category)) more often than "
            + "\(group(low.label, kind: table.groupKind)) (\(NumberText.percent(a.value)), n=\(high.base), against "
            + "\(NumberText.percent(b.value)), n=\(low.base); \(verdict))."
    }

    /// "Of 136 trusts that answered both 2014-12 and 2015-12, 95 kept their model; 9 moved from
    /// devolved to hybrid and none the other way. Taken together, the moves are not significantly
    /// one-sided (Bowker's test of symmetry, chi-square 10.0, 6 df, p = 0.12)."
    static func transitions(_ t: ModelTransitions, tests: Significance) -> String? {
        guard t.trusts > 0 else {
            return "No trust answered both \(t.fromWave) and \(t.toWave), so moves between models cannot be followed."
        }
        var text = "Of the \(t.trusts.grouped) trusts that answered both \(t.fromWave) and \(t.toWave)"
        guard !t.hasWithheld, let stayed = t.stayed else {
            // "The most common move" would bound the withheld counts.
            return text + ", some moves between models are \(Withheld.toProtect); Table "
                + "ModelTransitions shows the others."
        }
        text += ", \(stayed.grouped) kept their model"
        let models = ModelTransitions.models
        let moves = models.flatMap { from in models.filter { $0 != from }.map { (from, $0) } }
        if let top = moves.max(by: { t.moved(from: $0.0, to: $0.1)! < t.moved(from: $1.0, to: $1.1)! }),
           let most = t.moved(from: top.0, to: top.1), most > 0 {
            let back = t.moved(from: top.1, to: top.0)!
            text += "; the most common move was from \(category(top.0.rawValue)) to \(category(top.1.rawValue)) "
                + "(\(most.grouped) trusts, and \(back == 0 ? "none" : back.grouped) the other way)."
        } else {
            text += "; none changed."
        }
        if let bowker = tests.test(TableName.modelTransitions.rawValue), let statistic = bowker.statistic, let df = bowker.degreesOfFreedom,
           let p = bowker.pValue {
            let figures = "Bowker's test of symmetry, chi-square \(NumberText.decimal(statistic, places: 1)), "
                + "\(df) df, \(PValueStyle.text(p))"
            text += p < Significance.level
                ? " Taken together, moves in one direction significantly outnumber moves back (\(figures))."
                : " Taken together, the moves are not significantly one-sided (\(figures))."
        }
        return text
    }
}

extension String {
    /// `small trusts` as `Small trusts`, to start a sentence.
    var capitalisingFirst: String { prefix(1).uppercased() + dropFirst() }
}
