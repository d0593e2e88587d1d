/// What disclosure control withholds from one analysis: the primary figures of R2 and R3, the
/// secondary ones of R4, and the audit's verdict. Decided once, before the significance tests,
/// and applied to every table the shared outputs show.
struct DisclosurePlan: Sendable {
    let rules: DisclosureRules
    private let figures: DisclosureFigures
    private let withheld: Set<Int>
    let leaks: [DisclosureLeak]

    /// `secondarySuppression: false` only for tests that show the audit finds what R4 prevents.
    init(_ tables: AnalysisTables, rules: DisclosureRules, secondarySuppression: Bool = true) {
        self.rules = rules
        figures = DisclosureFigures(tables, rules: rules)
        let suppression = SecondarySuppression(figures: figures.figures, relations: figures.relations, rules: rules)
        withheld = secondarySuppression ? suppression.withheld(primary: figures.primary) : figures.primary
        leaks = suppression.leaks(withheld)
    }

    var primaryCount: Int { figures.primary.count }
    var secondaryCount: Int { withheld.count - figures.primary.count }

    /// The tables with what they withhold marked.
    func applied(to tables: AnalysisTables) -> AnalysisTables {
        var out = tables
        func markShares(_ table: inout ShareTable) {
            guard let ids = figures.counts[table.name] else { return }
            for g in table.groups.indices { table.groups[g].withheld = ids[g].map(withheld.contains) }
        }
        markShares(&out.modelBySector)
        markShares(&out.modelBySize)
        markShares(&out.pmoSizeBySector)
        markShares(&out.projectTypesBySector)
        markShares(&out.servicesBySector)
        markShares(&out.reportingLine)
        if out.modelByWave != nil { markShares(&out.modelByWave!) }
        mark(&out.fteBySector)
        mark(&out.fteBySize)
        out.transitions?.withheld = figures.transitions.map { $0.map(withheld.contains) }
        return out
    }

    /// R3 for an FTE table: extremes wherever a trust is unnamed, the other statistics over
    /// fewer than 8 unnamed trusts, the mean as R4 decided.
    private func mark(_ table: inout FTETable) {
        guard let ids = figures.totals[table.name] else { return }
        for g in table.groups.indices {
            let group = table.groups[g], u = group.unnamedValues.count
            var out: Set<FTEStatistic> = []
            if u > 0 { out.formUnion([.min, .max]) }
            if rules.withholdsStatistic(unnamed: u) { out.formUnion([.median, .q1, .q3]) }
            if group.allMedianPer1000Staff != nil, rules.withholdsStatistic(unnamed: group.unnamedPer1000Staff) {
                out.insert(.medianPer1000Staff)
            }
            if withheld.contains(ids[g]) { out.insert(.mean) }
            table.groups[g].withheld = out
        }
    }
}
