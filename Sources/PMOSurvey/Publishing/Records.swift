/// One typed value of an output record; renderers decide how each kind is written.
public enum FieldValue: Sendable, Hashable {
    case text(String)
    case integer(Int)
    case number(Double)
    case date(SurveyDate)
    case boolean(Bool)
    case empty
    /// A figure disclosure control withheld: `null` in JSON (with the column named in the record's
    /// `withheld`), `[c]` in the workbook.
    case withheld
}

/// A table in the contract's long form: named columns and typed rows, built on demand so that a
/// million responses are never held twice.
public struct RecordTable: Sendable {
    public let name: String
    public let columns: [String]
    public let count: Int
    /// Whether disclosure control covers the table: each JSON record then lists its withheld
    /// columns (`"withheld": [...]`, empty when none).
    public let listsWithheld: Bool
    private let rowAt: @Sendable (Int) -> [FieldValue]

    public init(name: String, columns: [String], count: Int, listsWithheld: Bool = false,
                row: @escaping @Sendable (Int) -> [FieldValue]) {
        self.name = name
        self.columns = columns
        self.count = count
        self.listsWithheld = listsWithheld
        self.rowAt = row
    }

    public func row(_ index: Int) -> [FieldValue] { rowAt(index) }
    public var rows: some RandomAccessCollection<[FieldValue]> { (0..<count).lazy.map(rowAt) }
}

extension ShareTable {
    public static let recordColumns = ["group", "category", "count", "base", "share", "ci_low", "ci_high"]

    /// One record per group and category, zeros included.
    public var records: RecordTable {
        let cells: [[FieldValue]] = groups.flatMap { group in
            zip(categories, group.figures).map { category, share in
                guard let share else {
                    return [.text(group.label), .text(category), .withheld, .integer(group.base), .withheld, .withheld, .withheld]
                }
                let ci = share.interval
                return [.text(group.label), .text(category), .integer(share.count), .integer(share.base),
                        .number(share.value), .number(ci.low), .number(ci.high)]
            }
        }
        return RecordTable(name: name.rawValue, columns: Self.recordColumns, count: cells.count, listsWithheld: true) { cells[$0] }
    }
}

extension FTETable {
    public static let recordColumns = ["group", "n", "mean", "median", "q1", "q3", "min", "max", "median_per_1000_staff"]

    public var records: RecordTable {
        let cells: [[FieldValue]] = groups.map { g in
            func value(_ s: FTEStatistic) -> FieldValue {
                g.withheld.contains(s) ? .withheld : g.statistic(s).map(FieldValue.number) ?? .empty
            }
            return [.text(g.label), .integer(g.n), value(.mean), value(.median), value(.q1), value(.q3), value(.min),
                    value(.max), value(.medianPer1000Staff)]
        }
        return RecordTable(name: name.rawValue, columns: Self.recordColumns, count: cells.count, listsWithheld: true) { cells[$0] }
    }
}

extension Analysis {
    public static let responseColumns = [
        "response_id", "wave", "submitted", "trust_code", "trust_name", "sector", "region",
        "foundation_trust", "staff_headcount", "pmo_model", "pmo_name", "central_pmo_fte",
        "devolved_pm_fte", "project_types", "pmo_services", "reports_to", "methodology", "established",
        "share_consent", "comments", "trust_size", "pmo_size", "fte_per_1000_staff",
    ]

    /// The responses of every wave of the trusts `naming` may name, with personal data removed,
    /// ordered by wave, then by peer-code order (unrelated to name, code or line in the file).
    static func responsesTable(survey: Survey, naming: TrustNaming) -> RecordTable {
        let responses = survey.responses
        // Whole-number keys computed once per response: a million comparisons of names cost seconds.
        var waves = WavePlaces(survey.waves)
        let peers = survey.trustKeys.count + 1
        // R1 of disclosure control: a trust that may not be named has no record in the table at
        // all; under a peer code, its sector, region and headcount would single it out.
        let named = responses.indices.filter { naming.isNamed(responses[$0]) }
        let keys = named.map { i in waves.index(of: responses[i].wave) * peers + naming.peerNumber(responses[i]) }
        let order = named.indices.sorted { a, b in keys[a] != keys[b] ? keys[a] < keys[b] : a < b }.map { named[$0] }
        return RecordTable(name: "Responses", columns: Self.responseColumns, count: order.count) { i in
            let r = responses[order[i]]
            let shown = naming.shown(r)
            func text(_ s: String?) -> FieldValue { s.map(FieldValue.text) ?? .empty }
            func number(_ d: Double?) -> FieldValue { d.map(FieldValue.number) ?? .empty }
            func integer(_ n: Int?) -> FieldValue { n.map(FieldValue.integer) ?? .empty }
            func list<T>(_ s: Selection<T>) -> FieldValue { s.isEmpty ? .empty : .text(s.text) }
            return [
                .text(r.responseID), text(r.wave.isEmpty ? nil : r.wave), r.submitted.map(FieldValue.date) ?? .empty,
                text(shown.code), .text(shown.name), .text(r.sector.rawValue), text(r.region),
                r.foundationTrust.map(FieldValue.boolean) ?? .empty, integer(r.staffHeadcount),
                .text(r.model.rawValue), text(shown.pmoName), number(r.centralFTE),
                number(r.devolvedFTE), list(r.projectTypes), list(r.services), text(r.reportsTo?.rawValue),
                list(r.methodology), integer(r.established), .boolean(r.shareConsent),
                text(shown.comments), .text(r.trustSize.rawValue), .text(r.pmoSize.rawValue),
                number(r.ftePer1000Staff),
            ]
        }
    }

    public static let dataQualityColumns = ["line", "response_id", "column", "severity", "message"]

    /// The findings, plus any that a renderer adds (e.g. a value cut to fit a spreadsheet cell).
    /// A finding about one of several inputs, or an export, starts its message with the file. A
    /// finding that names a trust this output may not name says what it is without the name. In
    /// outputs that others see (after `protected()`), a finding about a row says what happened to
    /// it but not why: the reason quotes the row's answers (disclosure control R1).
    public func dataQualityTable(adding extra: [Finding] = []) -> RecordTable {
        let findings = survey.findings + extra, naming = sharedNaming
        let quotesNoAnswers = disclosure != nil
        return RecordTable(name: "DataQuality", columns: Self.dataQualityColumns, count: findings.count) { i in
            let f = findings[i]
            let message = quotesNoAnswers && f.line != nil ? f.severity.withoutAnswers
                : f.trustNumbers.allSatisfy(naming.isNamed(trust:)) ? f.message : f.sharedMessage ?? f.message
            return [f.line.map(FieldValue.integer) ?? .empty, f.responseID.map(FieldValue.text) ?? .empty,
                    f.column.map(FieldValue.text) ?? .empty, .text(f.severity.rawValue),
                    .text(f.file.map { "\($0): \(message)" } ?? message)]
        }
    }

    /// Every table of the JSON export in the contract's order, trusts named as outputs others see allow.
    public var recordTables: [RecordTable] {
        [sharedResponses, modelBySector.records, modelBySize.records, pmoSizeBySector.records,
         fteBySector.records, fteBySize.records, projectTypesBySector.records, servicesBySector.records,
         reportingLine.records] + (modelByWave.map { [$0.records] } ?? []) + significance.recordTables
            + [dataQualityTable()]
    }
}

extension Finding.Severity {
    /// What a finding of this severity did to its row, for outputs that may not quote answers.
    var withoutAnswers: String {
        switch self {
        case .error: "The row was rejected; its reason quotes the row's answers, so only `pmo-report validate` shows it."
        case .warning: "The row was kept with a warning; only `pmo-report validate` shows it, as it quotes the row's answers."
        case .superseded: "The row was replaced by a later answer of the same trust in the same wave."
        case .info: "A note on this row; only `pmo-report validate` shows it."
        }
    }
}
