/// The figures of an analysis that disclosure control guards, and every relation between them
/// that a recipient knows (`disclosure-control.md` R4): the counts of a row add up to its base,
/// groups to All trusts, "No central PMO" to devolved plus none, the PMO size bands with an FTE to
/// the FTE table's n, ModelBySize's and the latest wave's All trusts to ModelBySector's, the model
/// transitions to their total (and to a wave's counts when every trust answered both), and the
/// totals behind FTE means to All trusts'.
struct DisclosureFigures {
    private(set) var figures: [GuardedFigure] = []
    private(set) var relations: [FigureRelation] = []
    private(set) var primary: Set<Int> = []
    /// By table name, group and category: the figure of each count.
    private(set) var counts: [TableName: [[Int]]] = [:]
    /// By FTE table name and group: the figure of each total (its mean).
    private(set) var totals: [TableName: [Int]] = [:]
    /// By from and to model: the figure of each transition count.
    private(set) var transitions: [[Int]] = []
    private var populations = 0

    init(_ tables: AnalysisTables, rules: DisclosureRules) {
        for table in tables.shareTables { add(table, rules: rules) }
        for table in [tables.fteBySector, tables.fteBySize] { add(table, rules: rules) }
        if let t = tables.transitions { add(t, rules: rules) }
        relateAllTrusts(tables)
        relateFTEAllTrusts(tables)
        relatePMOSize(tables)
        relateTransitions(tables)
    }

    private mutating func newPopulation() -> Int {
        populations += 1
        return populations
    }

    private mutating func figure(_ f: GuardedFigure, isPrimary: Bool) -> Int {
        figures.append(f)
        if isPrimary { primary.insert(figures.count - 1) }
        return figures.count - 1
    }

    private mutating func relate(_ terms: [(Int, Int)], total: FigureRelation.Total = .derived, _ name: String) {
        relations.append(FigureRelation(terms: terms.map { (figure: $0.0, coefficient: $0.1) }, total: total, name: name))
    }

    // MARK: - Share tables

    private mutating func add(_ table: ShareTable, rules: DisclosureRules) {
        var ids: [[Int]] = []
        for group in table.groups {
            let population = newPopulation()
            let row = table.categories.indices.map { c in
                figure(GuardedFigure(kind: .count(yesNo: table.multipleChoice), population: population,
                                     unnamed: group.unnamedBase, unnamedInCategory: group.unnamedCounts[c], unnamedValues: [],
                                     isAllTrusts: group.label == Groups.allTrusts, base: group.base,
                                     name: "\(table.name) \(group.label) \(table.categories[c])"),
                       isPrimary: rules.withholdsCount(unnamed: group.unnamedBase, inCategory: group.unnamedCounts[c],
                                                       yesNo: table.multipleChoice))
            }
            ids.append(row)
            if !table.multipleChoice {
                relate(row.map { ($0, 1) }, total: .published, "\(table.name) \(group.label) adding up to its base")
            }
        }
        counts[table.name] = ids
        // The groups of a table with All trusts split all trusts: sectors, or trust size bands.
        if let all = table.groups.firstIndex(where: { $0.label == Groups.allTrusts }) {
            for c in table.categories.indices {
                let parts = ids.indices.filter { $0 != all }.map { (ids[$0][c], 1) }
                relate(parts + [(ids[all][c], -1)], "\(table.name)'s groups adding up to All trusts for \(table.categories[c])")
            }
        }
    }

    /// The same figure in two tables.
    private mutating func relateAllTrusts(_ analysis: AnalysisTables) {
        guard let sector = counts[analysis.modelBySector.name], let all = analysis.modelBySector.groups.indices.last else { return }
        let categories = analysis.modelBySector.categories
        if let size = counts[analysis.modelBySize.name], let sizeAll = size.indices.last {
            for c in categories.indices {
                relate([(sector[all][c], 1), (size[sizeAll][c], -1)], "ModelBySize's All trusts equalling ModelBySector's")
            }
        }
        if let byWave = analysis.modelByWave, let waves = counts[byWave.name], let latest = waves.indices.last {
            for c in categories.indices {
                relate([(sector[all][c], 1), (waves[latest][c], -1)], "ModelByWave's latest wave equalling ModelBySector's All trusts")
            }
        }
    }

    /// "No central PMO" is devolved plus none; Small, Medium and Large add up to the FTE table's n.
    private mutating func relatePMOSize(_ analysis: AnalysisTables) {
        guard let sizes = counts[analysis.pmoSizeBySector.name], let models = counts[analysis.modelBySector.name] else { return }
        let sizeCategories = analysis.pmoSizeBySector.categories, modelCategories = analysis.modelBySector.categories
        let noCentral = sizeCategories.firstIndex(of: PMOSize.noCentralPMO.rawValue)!
        let devolved = modelCategories.firstIndex(of: PMOModel.devolved.rawValue)!
        let none = modelCategories.firstIndex(of: PMOModel.none.rawValue)!
        let banded = [PMOSize.small, .medium, .large].map { sizeCategories.firstIndex(of: $0.rawValue)! }
        for (g, group) in analysis.pmoSizeBySector.groups.enumerated() {
            if let m = analysis.modelBySector.groups.firstIndex(where: { $0.label == group.label }) {
                relate([(sizes[g][noCentral], 1), (models[m][devolved], -1), (models[m][none], -1)],
                       "No central PMO equalling devolved plus none for \(group.label)")
            }
            // n is published, as a base is: the bands covered whole say nothing more.
            relate(banded.map { (sizes[g][$0], 1) }, total: .publishedWithParts,
                   "PMO size bands with an FTE adding up to FteBySector's n for \(group.label)")
        }
    }

    // MARK: - FTE

    private mutating func add(_ table: FTETable, rules: DisclosureRules) {
        let ids = table.groups.map { group in
            figure(GuardedFigure(kind: .total, population: newPopulation(), unnamed: group.unnamedValues.count,
                                 unnamedInCategory: 0, unnamedValues: group.unnamedValues,
                                 isAllTrusts: group.label == Groups.allTrusts, base: group.n,
                                 name: "\(table.name) \(group.label) mean"),
                   isPrimary: rules.withholdsMean(unnamedValues: group.unnamedValues))
        }
        totals[table.name] = ids
        if let all = table.groups.firstIndex(where: { $0.label == Groups.allTrusts }) {
            relate(ids.indices.filter { $0 != all }.map { (ids[$0], 1) } + [(ids[all], -1)],
                   "\(table.name)'s group totals adding up to All trusts'")
        }
    }

    /// FteBySize's All trusts is FteBySector's.
    private mutating func relateFTEAllTrusts(_ analysis: AnalysisTables) {
        guard let sector = totals[analysis.fteBySector.name]?.last, let size = totals[analysis.fteBySize.name]?.last,
              analysis.fteBySector.groups.last?.label == Groups.allTrusts else { return }
        relate([(sector, 1), (size, -1)], "FteBySize's All trusts equalling FteBySector's")
    }

    // MARK: - Model transitions

    private mutating func add(_ t: ModelTransitions, rules: DisclosureRules) {
        let population = newPopulation(), models = ModelTransitions.models
        transitions = models.indices.map { from in
            models.indices.map { to in
                figure(GuardedFigure(kind: .count(yesNo: false), population: population, unnamed: t.unnamedTrusts,
                                     unnamedInCategory: t.unnamedCounts[from][to], unnamedValues: [], isAllTrusts: false,
                                     base: t.trusts, name: "ModelTransitions \(models[from].rawValue) to \(models[to].rawValue)"),
                       isPrimary: rules.withholdsCount(unnamed: t.unnamedTrusts, inCategory: t.unnamedCounts[from][to], yesNo: false))
            }
        }
        relate(transitions.joined().map { ($0, 1) }, total: .published, "ModelTransitions adding up to the trusts in both waves")
    }

    /// Where every trust of a wave answered the other too, a row (column) of the transitions adds
    /// up to that wave's count of the model in ModelByWave.
    private mutating func relateTransitions(_ analysis: AnalysisTables) {
        guard let t = analysis.transitions, let byWave = analysis.modelByWave,
              let waves = counts[byWave.name], waves.count >= 2 else { return }
        let models = ModelTransitions.models.indices
        if t.everyEarlierTrustAnswered {
            for from in models {
                relate(models.map { (transitions[from][$0], 1) } + [(waves[waves.count - 2][from], -1)],
                       "ModelTransitions from \(ModelTransitions.models[from].rawValue) equalling \(t.fromWave)'s count")
            }
        }
        if t.everyLaterTrustAnsweredBefore {
            for to in models {
                relate(models.map { (transitions[$0][to], 1) } + [(waves[waves.count - 1][to], -1)],
                       "ModelTransitions to \(ModelTransitions.models[to].rawValue) equalling \(t.toWave)'s count")
            }
        }
    }
}
