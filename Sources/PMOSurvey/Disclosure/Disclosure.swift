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

    /// The shorthand of the Government Statistical Service for a figure withheld as confidential.
    public static let mark = "[c]"
    /// What `[c]` means, under every table that has one.
    public static let markNote = "[c]: withheld to protect trusts that were not named (too few trusts, or a figure that would single one out)."
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
        let rules = definition.disclosure
        let figures = DisclosureFigures(self, rules: rules)
        let suppression = SecondarySuppression(figures: figures.figures, relations: figures.relations, rules: rules)
        let withheld = secondarySuppression ? suppression.withheld(primary: figures.primary) : figures.primary
        var copy = self
        copy.definition.internalUse = false
        copy.sharedNaming = sharedNaming.with(audience: .shared)
        copy.sharedResponses = Self.responsesTable(survey: survey, naming: copy.sharedNaming)

        func protect(_ table: inout ShareTable) {
            guard let ids = figures.counts[table.name] else { return }
            for g in table.groups.indices {
                table.groups[g].withheld = ids[g].map(withheld.contains)
            }
        }
        protect(&copy.modelBySector)
        protect(&copy.modelBySize)
        protect(&copy.pmoSizeBySector)
        protect(&copy.projectTypesBySector)
        protect(&copy.servicesBySector)
        protect(&copy.reportingLine)
        if copy.modelByWave != nil { protect(&copy.modelByWave!) }

        var statistics = 0
        func protect(_ table: inout FTETable) {
            guard let ids = figures.totals[table.name] else { return }
            for g in table.groups.indices {
                let group = table.groups[g], u = group.unnamedValues.count
                var out: Set<FTEStatistic> = []
                if u > 0 { out.formUnion([.min, .max]) }
                if rules.withholdsStatistic(unnamed: u) { out.formUnion([.median, .q1, .q3]) }
                if group.allMedianPer1000Staff != nil, rules.withholdsStatistic(unnamed: group.unnamedPer1000Staff) {
                    out.insert(.medianPer1000Staff)
                }
                statistics += out.count
                if withheld.contains(ids[g]) { out.insert(.mean) }
                table.groups[g].withheld = out
            }
        }
        protect(&copy.fteBySector)
        protect(&copy.fteBySize)

        if var transitions = copy.significance.transitions {
            transitions.withheld = figures.transitions.map { $0.map(withheld.contains) }
            copy.significance.transitions = transitions
        }
        copy.significance = copy.significance.protected(tables: copy.latestShareTables)
        copy.disclosure = Disclosure(
            rules: rules, unnamedTrusts: latest.count { !copy.sharedNaming.isNamed(survey.responses[$0]) },
            primary: figures.primary.count, secondary: withheld.count - figures.primary.count, statistics: statistics,
            leaks: suppression.leaks(withheld))
        return copy
    }

    /// The share tables of the latest wave that the significance tests compare, in the contract's order.
    var latestShareTables: [ShareTable] {
        [modelBySector, modelBySize, pmoSizeBySector, projectTypesBySector, servicesBySector, reportingLine]
    }
}

extension Significance {
    /// R5: a test over the groups without a withheld figure (or withheld when fewer than two are
    /// left), and no shares, difference or p-values for a pair with a withheld side.
    func protected(tables: [ShareTable]) -> Significance {
        var copy = self
        let byName = Dictionary(uniqueKeysWithValues: tables.map { ($0.name, $0) })
        var retests: [(Int, PlannedTest)] = []
        for (i, test) in tests.enumerated() {
            if test.breakdown == "ModelTransitions" {
                if transitions?.hasWithheld == true { copy.tests[i] = test.withheld(groupsLeftOut: []) }
                continue
            }
            guard let table = byName[test.breakdown] else { continue }
            let c = test.category.flatMap { table.categories.firstIndex(of: $0) }
            let keep: (ShareTable.Group, Int?) -> Bool = { group, _ in c.map { !group.withheld[$0] } ?? !group.hasWithheld }
            let leftOut = table.groups.filter { $0.label != Groups.allTrusts && !keep($0, c) }.map(\.label)
            guard !leftOut.isEmpty else { continue }
            if let planned = Self.plannedTests(table, included: keep).first(where: { $0.category == test.category }) {
                retests.append((i, planned))
            } else {
                copy.tests[i] = test.withheld(groupsLeftOut: leftOut)
            }
        }
        for ((i, _), test) in zip(retests, Self.tableTests(retests.map(\.1))) { copy.tests[i] = test }
        copy.pairs = pairs.map { pair in
            guard let table = byName[pair.breakdown], let c = table.categories.firstIndex(of: pair.category) else { return pair }
            let sides = table.groups.filter { $0.label == pair.groupA || $0.label == pair.groupB }
            return sides.contains { $0.withheld[c] } ? pair.withheld : pair
        }
        return copy
    }
}

extension Significance.TableTest {
    /// The same test with its result withheld.
    func withheld(groupsLeftOut: [String]) -> Self {
        Self(breakdown: breakdown, category: category, test: test, statistic: nil, degreesOfFreedom: nil, pValue: nil,
             groups: 0, n: 0, groupsLeftOut: groupsLeftOut)
    }
}
