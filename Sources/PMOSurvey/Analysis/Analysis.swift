import Hashing

/// Every breakdown of contract section 5, computed once from a validated survey, as plain values
/// that the renderers consume.
public struct Analysis: Sendable {
    public let survey: Survey
    public internal(set) var definition: ReportDefinition
    /// Where the latest wave's valid, current responses are in `survey.responses`: what every
    /// breakdown but `ModelByWave` describes. Positions, not copies: copying half a million
    /// responses costs a third of a second of reference counting.
    public let latest: [Int]

    /// The breakdowns, withheld figures marked once `protected()` has run.
    var tables: AnalysisTables

    public var modelBySector: ShareTable { tables.modelBySector }
    public var modelBySize: ShareTable { tables.modelBySize }
    public var pmoSizeBySector: ShareTable { tables.pmoSizeBySector }
    public var fteBySector: FTETable { tables.fteBySector }
    public var fteBySize: FTETable { tables.fteBySize }
    public var projectTypesBySector: ShareTable { tables.projectTypesBySector }
    public var servicesBySector: ShareTable { tables.servicesBySector }
    public var reportingLine: ShareTable { tables.reportingLine }
    /// Only when the survey has two waves or more.
    public var modelByWave: ShareTable? { tables.modelByWave }
    /// Tests of the latest wave's differences and of the moves between the two latest waves.
    public internal(set) var significance: Significance

    /// How outputs that others see name trusts (every trust when `definition.internalUse`).
    public internal(set) var sharedNaming: TrustNaming
    /// The `Responses` table as outputs that others see show it; built once for all renderers.
    public internal(set) var sharedResponses: RecordTable
    /// What disclosure control withheld; nil before `protected()`, and in an internal-use edition.
    public internal(set) var disclosure: Disclosure?
    /// What disclosure control will withhold, decided before the tests ran so that they compare
    /// only groups whose figures are published; nil for an internal-use analysis.
    let plan: DisclosurePlan?

    /// `sha256` keys the peer codes; any implementation gives the same codes.
    public init(survey: Survey, definition: ReportDefinition = ReportDefinition(), sha256: any SHA256Hasher.Type = SHA256.self) {
        self.survey = survey
        self.definition = definition
        let naming = BackgroundWork { () -> (TrustNaming, RecordTable) in
            let naming = TrustNaming(survey: survey, secret: definition.peerCodeSecret,
                                     audience: definition.internalUse ? .internalUse : .shared, sha256: sha256)
            return (naming, Self.responsesTable(survey: survey, naming: naming))
        }
        let responses = survey.responses
        // Whether each trust may be named in shared outputs (its current answer's consent), by
        // trust number: disclosure control counts the others.
        let named = survey.currentAnswers.map { responses[$0].shareConsent }
        // Groups are lists of positions in `responses`; each wave's are in file order.
        let byWave = survey.responsesByWave
        let everyone = byWave[byWave.count - 1]
        latest = everyone

        let columns = AnswerColumns(responses, named: named)
        // Sorting staff numbers is the largest part of the breakdowns: it runs beside the rest.
        let staffed = BackgroundWork { StaffedTrusts(everyone, columns) }
        let bySector = Grouping.sectors(everyone, columns)
        let bySize = Grouping.trustSizes(everyone, columns)
        let withProjects = everyone.filter { columns.model[$0] != .none }
        let modelBySector = ShareTable.single(
            name: .modelBySector, title: "PMO model by sector", groupKind: .sector,
            categoryKind: "PMO model", baseDescription: "trusts that answered", groups: bySector,
            named: columns.named, answer: { columns.model[$0] })
        let modelBySize = ShareTable.single(
            name: .modelBySize, title: "PMO model by trust size", groupKind: .trustSize,
            categoryKind: "PMO model", baseDescription: "trusts that answered", groups: bySize,
            named: columns.named, answer: { columns.model[$0] })
        let pmoSizeBySector = ShareTable.single(
            name: .pmoSizeBySector, title: "Central PMO size by sector", groupKind: .sector,
            categoryKind: "PMO size", baseDescription: "trusts that answered", groups: bySector,
            named: columns.named, answer: { columns.pmoSize[$0] })
        let projectGroups = Grouping.sectors(withProjects, columns)
        let projectTypesBySector = ShareTable.multiple(
            name: .projectTypesBySector, title: "Types of project run by sector", groupKind: .sector,
            categoryKind: "Project type",
            baseDescription: "trusts with a project function that answered the question",
            groups: projectGroups, named: columns.named, answer: { columns.projectTypes[$0] })
        let servicesBySector = ShareTable.multiple(
            name: .servicesBySector, title: "Services offered by sector", groupKind: .sector,
            categoryKind: "Service",
            baseDescription: "trusts with a project function that answered the question",
            groups: projectGroups, named: columns.named, answer: { columns.services[$0] })
        let reportingLine = ShareTable.single(
            name: .reportingLine, title: "Who the project function reports to", groupKind: .sector,
            categoryKind: "Reports to",
            baseDescription: "trusts with a project function that answered the question",
            groups: projectGroups, named: columns.named, answer: { columns.reportsTo[$0] })

        let modelByWave: ShareTable?
        if survey.waves.count >= 2 {
            modelByWave = ShareTable.single(
                name: .modelByWave, title: "PMO model by survey wave", groupKind: .wave,
                categoryKind: "PMO model", baseDescription: "trusts that answered in each wave",
                groups: Array(zip(survey.waves.map(\.displayLabel), byWave)),
                named: columns.named, answer: { columns.model[$0] })
        } else {
            modelByWave = nil
        }
        let staffedTrusts = staffed.wait()
        let fteBySector = FTETable(name: .fteBySector, title: "Central PMO staffing (FTE) by sector", groupKind: .sector,
                                   groups: bySector, staffed: staffedTrusts)
        let fteBySize = FTETable(name: .fteBySize, title: "Central PMO staffing (FTE) by trust size", groupKind: .trustSize,
                                 groups: bySize, staffed: staffedTrusts)
        tables = AnalysisTables(
            modelBySector: modelBySector, modelBySize: modelBySize, pmoSizeBySector: pmoSizeBySector,
            projectTypesBySector: projectTypesBySector, servicesBySector: servicesBySector, reportingLine: reportingLine,
            modelByWave: modelByWave, fteBySector: fteBySector, fteBySize: fteBySize,
            transitions: ModelTransitions(survey: survey, named: named))
        // Outputs others see test only groups without a withheld figure (disclosure control R5):
        // decided first, the tests run once.
        plan = definition.internalUse ? nil : DisclosurePlan(tables, rules: definition.disclosure)
        let tested = plan?.applied(to: tables) ?? tables
        significance = Significance(tables: tested.testedTables, transitions: tested.transitions)
        (sharedNaming, sharedResponses) = naming.wait()
        disclosure = nil
    }

    /// The share tables in the contract's order.
    public var shareTables: [ShareTable] { tables.shareTables }

    public var fteTables: [FTETable] { [fteBySector, fteBySize] }
}

/// Splits responses (given as positions) into the contract's groups, in its fixed order, leaving out empty groups.
enum Grouping {
    static func sectors(_ members: [Int], _ columns: AnswerColumns) -> [(String, [Int])] {
        grouped(members, order: Sector.allCases) { columns.sector[$0] }
    }

    static func trustSizes(_ members: [Int], _ columns: AnswerColumns) -> [(String, [Int])] {
        grouped(members, order: TrustSize.allCases) { columns.trustSize[$0] }
    }

    private static func grouped<Key: RawRepresentable & Hashable>(
        _ members: [Int], order: [Key], key: (Int) -> Key
    ) -> [(String, [Int])] where Key.RawValue == String {
        // A bucket per key in `order`: a handful of keys, and hashing each member cost more.
        var buckets = [[Int]](repeating: [], count: order.count)
        for i in members { buckets[order.firstIndex(of: key(i))!].append(i) }
        var groups = zip(order, buckets).compactMap { k, members in members.isEmpty ? nil : (k.rawValue, members) }
        if !members.isEmpty { groups.append((Groups.allTrusts, members)) }
        return groups
    }
}

// Answers are read through closures rather than key paths, and counted into arrays rather than
// dictionaries: over a million responses, key-path reads and hashing cost seconds.
extension ShareTable {
    /// A single-answer question: each response in the base counts in exactly one category.
    static func single<Answer: RawRepresentable & CaseIterable & Hashable>(
        name: TableName, title: String, groupKind: GroupKind, categoryKind: String, baseDescription: String,
        groups: [(String, [Int])], named: [Bool], answer: (Int) -> Answer?
    ) -> ShareTable where Answer.RawValue == String {
        let categories = Array(Answer.allCases)
        let built: [Group] = groups.compactMap { label, members in
            var counts = [Int](repeating: 0, count: categories.count), unnamed = counts
            var base = 0, unnamedBase = 0
            for i in members {
                guard let a = answer(i) else { continue }
                let c = categories.firstIndex(of: a)!
                counts[c] += 1
                base += 1
                if !named[i] {
                    unnamed[c] += 1
                    unnamedBase += 1
                }
            }
            guard base > 0 else { return nil }
            return Group(label: label, base: base, shares: counts.map { Share(count: $0, base: base) },
                         unnamedBase: unnamedBase, unnamedCounts: unnamed)
        }
        return ShareTable(name: name, title: title, groupKind: groupKind, categoryKind: categoryKind,
                          baseDescription: baseDescription, multipleChoice: false,
                          categories: categories.map(\.rawValue), groups: built)
    }

    /// A multi-choice question: the base is those who chose at least one item.
    static func multiple<Item: ListAnswer>(
        name: TableName, title: String, groupKind: GroupKind, categoryKind: String, baseDescription: String,
        groups: [(String, [Int])], named: [Bool], answer: (Int) -> Selection<Item>
    ) -> ShareTable {
        let items = Item.ordered
        let built: [Group] = groups.compactMap { label, members in
            var counts = [Int](repeating: 0, count: items.count), unnamed = counts
            var base = 0, unnamedBase = 0
            for i in members {
                let chosen = answer(i)
                guard !chosen.isEmpty else { continue }
                base += 1
                let isUnnamed = !named[i]
                if isUnnamed { unnamedBase += 1 }
                for c in items.indices where chosen.contains(at: c) {
                    counts[c] += 1
                    if isUnnamed { unnamed[c] += 1 }
                }
            }
            guard base > 0 else { return nil }
            return Group(label: label, base: base, shares: counts.map { Share(count: $0, base: base) },
                         unnamedBase: unnamedBase, unnamedCounts: unnamed)
        }
        return ShareTable(name: name, title: title, groupKind: groupKind, categoryKind: categoryKind,
                          baseDescription: baseDescription, multipleChoice: true,
                          categories: items.map(\.rawValue), groups: built)
    }
}

extension FTETable {
    /// FTE of central and hybrid models with a known FTE; groups with none are left out. Each
    /// group takes its values, in order, from `staffed`, which was sorted once for every group.
    init(name: TableName, title: String, groupKind: GroupKind, groups: [(String, [Int])], staffed: StaffedTrusts) {
        var isMember = [Bool](repeating: false, count: staffed.responseCount)
        let built: [Group] = groups.compactMap { label, members in
            for i in members { isMember[i] = true }
            defer { for i in members { isMember[i] = false } }
            var values: [Double] = [], unnamedValues: [Double] = []
            for trust in staffed.byFTE where isMember[trust.position] {
                values.append(trust.value)
                if !trust.named { unnamedValues.append(trust.value) }
            }
            guard let summary = Summary(sorted: values) else { return nil }
            var perThousand: [Double] = [], unnamedPer1000Staff = 0
            for trust in staffed.byFTEPer1000Staff where isMember[trust.position] {
                perThousand.append(trust.value)
                if !trust.named { unnamedPer1000Staff += 1 }
            }
            return Group(label: label, summary: summary,
                         medianPer1000Staff: perThousand.isEmpty ? nil : Quartile.inclusive(perThousand, 0.5),
                         values: values, unnamedValues: unnamedValues, unnamedPer1000Staff: unnamedPer1000Staff)
        }
        self.init(name: name, title: title, groupKind: groupKind, groups: built)
    }
}
