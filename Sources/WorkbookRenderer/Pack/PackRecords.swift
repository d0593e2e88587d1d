import PMOSurvey

/// The pack's figures as named long-form Tables, so that a trust's analyst can find each one by
/// name, as in the main workbook. Withheld figures are empty cells with the reason in `note`.
extension TrustBenchmark {
    static let positionColumns = ["measure", "peer_group", "peers", "your_value", "minimum", "lower_quartile",
                                  "median", "upper_quartile", "maximum", "quartile_band", "percentile_rank", "note"]

    var positionRecords: RecordTable {
        let rows: [[FieldValue]] = comparisons.map { c in
            let s = c.distribution
            func number(_ x: Double?) -> FieldValue { x.map(FieldValue.number) ?? .empty }
            // Withheld where the peers are too few, the extremes wherever a peer was not named.
            func statistic(_ x: Double?) -> FieldValue { x.map(FieldValue.number) ?? (c.isWithheld || s != nil ? .withheld : .empty) }
            return [.text(c.measure.rawValue), .text(c.group.label), .integer(c.peerCount), number(c.value),
                    statistic(s?.lowest), statistic(s?.q1), statistic(s?.median), statistic(s?.q3), statistic(s?.highest),
                    c.band.map { .text($0.range) } ?? (c.isWithheld ? .withheld : .empty),
                    c.percentileRank.map(FieldValue.number) ?? (c.isWithheld ? .withheld : .empty),
                    note(for: c).map(FieldValue.text) ?? .empty]
        }
        return RecordTable(name: "Position", columns: Self.positionColumns, count: rows.count) { rows[$0] }
    }

    static let rankingColumns = ["rank", "trust", "sector", "central_pmo_fte", "fte_per_1000_staff", "your_trust"]

    var rankingRecords: RecordTable {
        let rows: [[FieldValue]] = ranking.map { t in
            [.integer(t.rank), .text(t.label), t.sector.map { .text($0.rawValue) } ?? .empty, .number(t.centralFTE),
             t.ftePer1000Staff.map(FieldValue.number) ?? .empty, .boolean(t.isOwn)]
        }
        return RecordTable(name: "FteRanking", columns: Self.rankingColumns, count: rows.count) { rows[$0] }
    }

    var answerRecords: RecordTable {
        RecordTable(name: "YourAnswers", columns: ["question", "answer"], count: answers.count) {
            [.text(answers[$0].question), answers[$0].answer]
        }
    }

    static let mixColumns = ["model", "your_model", "sector_count", "sector_base", "sector_share",
                             "all_count", "all_base", "all_share"]

    var modelMixRecords: RecordTable {
        let rows: [[FieldValue]] = PMOModel.allCases.map { model in
            [.text(model.label), .boolean(model == trust.model)]
                + modelMix.flatMap { mix in Self.shareCells(mix.share(of: model), base: mix.base) }
        }
        return RecordTable(name: "ModelMix", columns: Self.mixColumns, count: rows.count) { rows[$0] }
    }

    static let coverageColumns = ["item", "your_trust", "sector_count", "sector_base", "sector_share",
                                  "all_count", "all_base", "all_share"]

    func coverageRecords(_ coverage: PeerCoverage, name: String) -> RecordTable {
        let rows: [[FieldValue]] = coverage.items.map { item in
            [.text(item.name), .boolean(item.isChosen)]
                + Self.shareCells(item.sector, base: coverage.sectorBase)
                + Self.shareCells(item.allTrusts, base: coverage.allBase)
        }
        return RecordTable(name: name, columns: Self.coverageColumns, count: rows.count) { rows[$0] }
    }

    /// Count, base and share; a withheld share keeps only its base.
    private static func shareCells(_ share: Share?, base: Int) -> [FieldValue] {
        guard let share else { return [base == 0 ? .empty : .withheld, .integer(base), base == 0 ? .empty : .withheld] }
        return [.integer(share.count), .integer(share.base), .number(share.value)]
    }

    static let changeColumns = ["question", "previous", "latest", "difference", "changed"]

    var changeRecords: RecordTable {
        let rows: [[FieldValue]] = (changes ?? []).map { c in
            [.text(c.question), c.previous, c.latest, c.difference.map(FieldValue.number) ?? .empty, .boolean(c.hasChanged)]
        }
        return RecordTable(name: "ChangesSincePreviousWave", columns: Self.changeColumns, count: rows.count) { rows[$0] }
    }
}
