/// What disclosure control withheld from an analysis, for the outputs' notes, About sheet and
/// method appendix, and the audit's verdict.
public struct Disclosure: Sendable {
    public let rules: DisclosureRules
    /// Trusts of the latest wave that were not named.
    public let unnamedTrusts: Int
    /// Counts and means withheld by R2 and R3 themselves.
    public let primary: Int
    /// Counts and means withheld only so that R2 and R3's figures cannot be worked out (R4).
    public let secondary: Int
    /// Medians, quartiles, extremes and medians per 1,000 staff withheld (R3).
    public let statistics: Int
    /// What the exact audit found still recoverable: always empty, or the suppression has a bug.
    public let leaks: [DisclosureLeak]

    /// Every figure withheld.
    public var withheld: Int { primary + secondary + statistics }
}

extension Analysis {
    /// The analysis as outputs that other trusts see may show it (`disclosure-control.md`): every
    /// count, share, FTE statistic and test that would single out a trust that was not named is
    /// withheld, with the secondary figures that would give it back; `Responses` holds named trusts
    /// only; data-quality messages quote no answer. Whatever the definition says of internal use:
    /// packs always go to other trusts.
    public func protected() -> Analysis { protected(secondarySuppression: true) }

    /// `secondarySuppression: false` only for tests that show the audit finds what R4 prevents.
    func protected(secondarySuppression: Bool) -> Analysis {
        // A shared analysis decided before its tests ran (`Analysis.init`); an internal-use one
        // decides now and tests again over the groups left.
        let plan = secondarySuppression ? self.plan : nil
        let decided = plan ?? DisclosurePlan(tables, rules: definition.disclosure, secondarySuppression: secondarySuppression)
        var copy = self
        if definition.internalUse {
            copy.definition.internalUse = false
            copy.sharedNaming = sharedNaming.with(audience: .shared)
            copy.sharedResponses = Self.responsesTable(survey: survey, naming: copy.sharedNaming)
        }
        let protected = decided.applied(to: tables)
        copy.tables = protected
        if plan == nil { copy.significance = Significance(tables: protected.testedTables, transitions: protected.transitions) }
        let statistics = (protected.fteBySector.groups + protected.fteBySize.groups)
            .reduce(0) { $0 + $1.withheld.subtracting([.mean]).count }
        copy.disclosure = Disclosure(
            rules: decided.rules, unnamedTrusts: latest.count { !copy.sharedNaming.isNamed(survey.responses[$0]) },
            primary: decided.primaryCount, secondary: decided.secondaryCount, statistics: statistics, leaks: decided.leaks)
        return copy
    }
}
