/// The tables `SignificanceTests`, `PairwiseTests` and `ModelTransitions` in the contract's long form.
extension Significance {
    public static let testColumns = ["breakdown", "category", "test", "statistic", "df", "p_value", "groups", "n"]
    public static let pairColumns = ["breakdown", "category", "group_a", "group_b", "share_a", "share_b", "difference",
                                     "test", "p_value", "p_adjusted"]
    public static let transitionColumns = ["from_wave", "to_wave", "from_model", "to_model", "count"]

    public var testRecords: RecordTable {
        let tests = tests
        return RecordTable(name: "SignificanceTests", columns: Self.testColumns, count: tests.count, listsWithheld: true) { i in
            let t = tests[i]
            return [.text(t.breakdown), t.category.map(FieldValue.text) ?? .empty, .text(t.test),
                    t.statistic.map(FieldValue.number) ?? .withheld, t.degreesOfFreedom.map(FieldValue.integer) ?? .withheld,
                    t.pValue.map(FieldValue.number) ?? .withheld, .integer(t.groups), .integer(t.n)]
        }
    }

    public var pairRecords: RecordTable {
        let pairs = pairs
        return RecordTable(name: "PairwiseTests", columns: Self.pairColumns, count: pairs.count, listsWithheld: true) { i in
            let p = pairs[i]
            func figure(_ x: Double?) -> FieldValue { x.map(FieldValue.number) ?? .withheld }
            return [.text(p.breakdown), .text(p.category), .text(p.groupA), .text(p.groupB), figure(p.shareA?.value),
                    figure(p.shareB?.value), figure(p.difference), .text(p.method.rawValue), figure(p.pValue),
                    figure(p.pAdjusted)]
        }
    }

    /// Every pair of models, zeros included; nil with one wave.
    public var transitionRecords: RecordTable? {
        guard let t = transitions else { return nil }
        let models = ModelTransitions.models
        return RecordTable(name: "ModelTransitions", columns: Self.transitionColumns, count: models.count * models.count,
                           listsWithheld: true) { i in
            let from = i / models.count, to = i % models.count
            return [.text(t.fromWave), .text(t.toWave), .text(models[from].rawValue), .text(models[to].rawValue),
                    t.count(from: from, to: to).map(FieldValue.integer) ?? .withheld]
        }
    }

    /// The three tables in the export's order.
    public var recordTables: [RecordTable] {
        [testRecords, pairRecords] + (transitionRecords.map { [$0] } ?? [])
    }
}
