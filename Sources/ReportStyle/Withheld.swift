import PMOSurvey

/// How the PDF, the workbook and the packs say that disclosure control withheld a figure, in one
/// set of words.
public enum Withheld {
    /// The shorthand of the Government Statistical Service for a figure withheld as confidential.
    public static let mark = "[c]"
    /// Why a figure is missing.
    public static let reason = "to protect the trusts that were not named"
    /// To end a sentence that says which figures: "Some shares are \(Withheld.toProtect)."
    public static let toProtect = "withheld " + reason
    /// In a label, beside the figure's name: "Acute (n=51): \(Withheld.label)".
    public static let label = "withheld to protect trusts that were not named"
    /// What `[c]` means, under every table that has one.
    public static let markNote = mark + ": " + label + " (too few trusts, or a figure that would single one out)."
}

extension Disclosure {
    /// The rules in plain English, for the method appendix and the About sheet.
    public var method: String {
        "Trusts that did not agree to be named are protected as the Government Statistical Service and NHS Digital "
            + "protect published statistics. A count, share or interval is withheld where fewer than \(rules.smallestCount) "
            + "such trusts are in its base, or where all or all but one of them gave the same answer (for a yes/no item, "
            + "also where one or none of them chose it). The lowest and highest FTE are never shown where such a trust gave "
            + "one, as each is one trust's answer; other FTE statistics are withheld where fewer than \(rules.smallestStatistics) "
            + "such trusts gave a figure, and a mean also where one trust's figure dominates it. Further figures are withheld "
            + "so that none of these can be worked out from the others (rows add up to their base, groups to all trusts), "
            + "and this is checked exactly. Tests compare only the groups with no withheld figure. Published figures are "
            + "not rounded or altered. In this edition \(withheld.grouped) figures are withheld, marked \(Withheld.mark)."
    }
}
