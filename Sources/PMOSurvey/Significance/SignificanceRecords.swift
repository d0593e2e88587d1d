/// The tables `SignificanceTests`, `PairwiseTests` and `ModelTransitions` in the contract's long form.
extension Significance {
    public static let testColumns = ["breakdown", "category", "test", "statistic", "df", "p_value", "groups", "n"]
    public static let pairColumns = ["breakdown", "category", "group_a", "group_b", "share_a", "share_b", "difference",
                                     "test", "p_value", "p_adjusted"]
    public static let transitionColumns = ["from_wave", "to_wave", "from_model", "to_model", "count"]

    public var testRecords: RecordTable {
        let tests = tests
        return RecordTable(name: "SignificanceTests", columns: Self.testColumns, count: tests.count) { i in
            let t = tests[i]
            return [.text(t.breakdown), t.category.map(FieldValue.text) ?? .empty, .text(t.test), .number(t.statistic),
                    .integer(t.degreesOfFreedom), .number(t.pValue), .integer(t.groups), .integer(t.n)]
        }
    }

    public var pairRecords: RecordTable {
        let pairs = pairs
        return RecordTable(name: "PairwiseTests", columns: Self.pairColumns, count: pairs.count) { i in
            let p = pairs[i]
            return [.text(p.breakdown), .text(p.category), .text(p.groupA), .text(p.groupB), .number(p.shareA.value),
                    .number(p.shareB.value), .number(p.difference), .text(p.method.rawValue), .number(p.pValue),
                    .number(p.pAdjusted)]
        }
    }

    /// Every pair of models, zeros included; nil with one wave.
    public var transitionRecords: RecordTable? {
        guard let t = transitions else { return nil }
        let models = ModelTransitions.models
        return RecordTable(name: "ModelTransitions", columns: Self.transitionColumns, count: models.count * models.count) { i in
            let from = i / models.count, to = i % models.count
            return [.text(t.fromWave), .text(t.toWave), .text(models[from].rawValue), .text(models[to].rawValue),
                    .integer(t.counts[from][to])]
        }
    }

    /// The three tables in the export's order.
    public var recordTables: [RecordTable] {
        [testRecords, pairRecords] + (transitionRecords.map { [$0] } ?? [])
    }
}
