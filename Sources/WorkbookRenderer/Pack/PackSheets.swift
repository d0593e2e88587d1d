import PMOSurvey
import ReportStyle
import XlsxWriter

/// The sheets of a pack: each a title block, a named Table and, where a picture helps, a chart
/// read from a small block of charted figures beside it.
extension PackWorkbookBuilder {
    private var trustName: String { benchmark.trust.trustName }

    func writeSummary() throws(XlsxWriteError) {
        let (sheet, firstRow) = try beginSheet(Self.summary, title: "\(definition.title): benchmark pack", description: [
            "Prepared for \(trustName) only. Other trusts appear as peer codes (Peer 001, ...) unless they agreed to be named.",
            "Survey wave \(benchmark.wave): \(benchmark.trustCount.grouped) trusts took part. " + Withheld.markNote,
        ])
        try sheet.setWidth(44, columns: 0...0)
        try sheet.setWidth(70, columns: 1...1)
        var row = firstRow
        try sheet.write("At a glance", row: row, column: 0, format: Styles.heading)
        try sheet.writeBlank(row: row, column: 1, format: Styles.heading)
        row += 1
        for (label, value) in glance {
            try sheet.write(label, row: row, column: 0, format: Styles.label)
            try sheet.write(value, row: row, column: 1, format: Styles.wrappedText)
            row += 1
        }
        row += 1
        try sheet.write("Contents", row: row, column: 0, format: Styles.heading)
        try sheet.writeBlank(row: row, column: 1, format: Styles.heading)
        row += 1
        for entry in contents {
            try sheet.writeLink(toSheet: entry.sheet, text: entry.sheet, row: row, column: 0, format: Styles.link)
            try sheet.write(entry.description, row: row, column: 1, format: Styles.wrappedText)
            row += 1
        }
        sheet.hideGridlines()
        sheet.activate()
        try finishSheet(sheet, headerRow: nil)
    }

    /// The headline lines of the Summary, as label and sentence.
    private var glance: [(String, String)] {
        let t = benchmark.trust
        var lines = [("Trust", t.trustName + (t.trustCode.map { " (\($0))" } ?? "")),
                     ("Sector and size", "\(t.sector.rawValue), \(t.trustSize.rawValue.lowercased()) trust"),
                     ("PMO model", t.model.label + ": " + t.model.phrase)]
        for c in benchmark.fte {
            lines.append(("Central PMO FTE vs " + c.group.label.lowercasedFirst, benchmark.sentence(for: c)))
        }
        if let sector = benchmark.modelMix.first, let share = sector.share(of: t.model) {
            lines.append(("Same model in your sector", "\(NumberText.percent(share.value)) of \(sector.group.peersDescription) "
                          + "(\(share.count) of \(sector.base)) also have a \(t.model.label.lowercased()) model"))
        }
        return lines
    }

    func writeAnswers() throws(XlsxWriteError) {
        let (sheet, headerRow) = try beginSheet(Self.answers, title: "Your answers", description: [
            "What \(trustName) told the \(benchmark.wave) survey, with the fields derived from it. Personal details of the respondent are never kept.",
        ])
        let table = try sheet.writeRecords(benchmark.answerRecords, rows: 0..<benchmark.answers.count,
                                           tableName: "YourAnswers", headerRow: headerRow,
                                           formats: [Styles.label, Styles.wrappedText])
        try sheet.setWidth(36, columns: 0...0)
        try sheet.setWidth(80, columns: 1...1)
        try finishSheet(sheet, headerRow: table.firstRow)
    }

    func writePosition() throws(XlsxWriteError) {
        let (sheet, headerRow) = try beginSheet(Self.position, title: "Where you stand: central PMO staffing", description: [
            "Your value against the other trusts with a central or hybrid PMO that gave the figure: all trusts, your sector, your size band.",
            "Quartiles by inclusive interpolation (Excel QUARTILE.INC). Quartile band as in the Model Health System. Percentile rank: "
                + "per cent of peers with a lower value plus half of those with the same value.",
        ])
        let records = benchmark.positionRecords
        let table = try sheet.writeRecords(records, rows: 0..<records.count, tableName: "Position", headerRow: headerRow,
                                           formats: [Styles.text, Styles.text, Styles.count] + Array(repeating: Styles.ratio, count: 6)
                                               + [Styles.text, Styles.fte, Styles.wrappedText])
        for (column, width) in [30.0, 16, 8, 11, 10, 10, 10, 10, 10, 26, 11, 48].enumerated() {
            try sheet.setWidth(width, columns: column...column)
        }
        var row = table.lastRow + 3
        for measure in PeerComparison.Measure.allCases {
            let shown = benchmark.comparisons.filter { $0.measure == measure && $0.distribution != nil }
            guard !shown.isEmpty else { continue }
            let placed = try PackCharts.bandBlock(shown).write(on: sheet, headerRow: row, column: 13,
                                                               format: Styles.ratio, caption: "\(measure.rawValue) as charted")
            try sheet.insert(PackCharts.bands(measure, block: placed), row: row - 1, column: 0)
            row = max(placed.lastRow, row + 15) + 3
        }
        try finishSheet(sheet, headerRow: table.firstRow)
    }

    func writeRanking() throws(XlsxWriteError) {
        let (sheet, headerRow) = try beginSheet(Self.ranking, title: "Central PMO FTE of every trust, largest first", description: [
            "Trusts with a central or hybrid PMO that gave their FTE in the \(benchmark.wave) wave. Yours is highlighted; "
                + "others are peer codes unless they agreed to be named.",
            "A trust shown by its peer code shows its central PMO FTE only; sector and FTE per 1,000 staff are shown for named trusts.",
        ] + (benchmark.rankingWithheld ? ["Withheld: only one or two trusts that were not named gave a figure, so their codes would stand for them."] : []))
        let records = benchmark.rankingRecords
        let table = try sheet.writeRecords(records, rows: 0..<records.count, tableName: "FteRanking", headerRow: headerRow,
                                           formats: [Styles.integer, Styles.text, Styles.text, Styles.fte, Styles.ratio, Styles.text])
        for (column, width) in [7.0, 40, 15, 15, 18, 11].enumerated() {
            try sheet.setWidth(width, columns: column...column)
        }
        if !benchmark.ranking.isEmpty {
            let placed = try PackCharts.rankingBlock(benchmark).write(on: sheet, headerRow: headerRow, column: 8,
                                                                      format: Styles.fte, caption: "FTE as charted")
            try sheet.insert(PackCharts.ranking(benchmark, block: placed), row: headerRow, column: 13)
        }
        try finishSheet(sheet, headerRow: table.firstRow)
    }

    func writeModel() throws(XlsxWriteError) {
        let t = benchmark.trust
        let (sheet, headerRow) = try beginSheet(Self.model, title: "Your PMO model against your peers", description: [
            "Yours: \(t.model.label) (\(t.model.phrase)). Shares are of the other trusts of the \(benchmark.wave) wave, "
                + "in your sector (\(t.sector.rawValue)) and in all sectors.",
        ])
        let records = benchmark.modelMixRecords
        let table = try sheet.writeRecords(records, rows: 0..<records.count, tableName: "ModelMix", headerRow: headerRow,
                                           formats: [Styles.text, Styles.text, Styles.count, Styles.count, Styles.share,
                                                     Styles.count, Styles.count, Styles.share])
        for (column, width) in [14.0, 12, 13, 13, 13, 11, 11, 11].enumerated() {
            try sheet.setWidth(width, columns: column...column)
        }
        let placed = try PackCharts.mixBlock(benchmark).write(on: sheet, headerRow: table.lastRow + 4, column: 0,
                                                              format: Styles.share, caption: "Model mix as charted")
        try sheet.insert(PackCharts.mix(block: placed), row: placed.lastRow + 2, column: 0)
        try finishSheet(sheet, headerRow: table.firstRow)
    }

    func writeCoverage() throws(XlsxWriteError) {
        let sector = benchmark.sectorGroup
        let (sheet, headerRow) = try beginSheet(Self.coverage, title: "Your project types and services against your sector", description: [
            "your_trust: whether you chose the item. Shares: of the \(sector.peersDescription) and of all other trusts with a "
                + "project function that answered the question. Trusts could choose several items.",
        ])
        for (column, width) in [24.0, 11, 13, 13, 13, 11, 11, 11].enumerated() {
            try sheet.setWidth(width, columns: column...column)
        }
        var row = headerRow
        for (coverage, name) in [(benchmark.projectTypes, "ProjectTypeCoverage"), (benchmark.services, "ServiceCoverage")] {
            try sheet.write(coverage.question == "Service" ? "Services" : "Project types", row: row, column: 0, format: Styles.heading)
            let records = benchmark.coverageRecords(coverage, name: name)
            let table = try sheet.writeRecords(records, rows: 0..<records.count, tableName: name, headerRow: row + 1,
                                               formats: [Styles.text, Styles.text, Styles.count, Styles.count, Styles.share,
                                                         Styles.count, Styles.count, Styles.share])
            var notes: [String] = []
            if coverage.items.contains(where: { $0.sector == nil || $0.allTrusts == nil }) { notes.append(Withheld.markNote) }
            if !coverage.answered { notes.append("You did not choose any item.") }
            for (i, note) in notes.enumerated() {
                try sheet.write(note, row: table.lastRow + 1 + i, column: 0, format: Styles.note)
            }
            if let block = PackCharts.coverageBlock(coverage) {
                let placed = try block.write(on: sheet, headerRow: row + 1, column: 10, format: Styles.share,
                                             caption: "\(coverage.question) shares as charted")
                try sheet.insert(PackCharts.coverage(coverage, block: placed), row: row + 1, column: 14)
            }
            row = table.lastRow + 22
        }
        try finishSheet(sheet, headerRow: nil)
    }

    func writeChanges() throws(XlsxWriteError) {
        let description: String = switch (benchmark.previousWave, benchmark.changes) {
        case (nil, _): "The survey has one wave only: there is nothing to compare with."
        case (let wave?, nil): "\(trustName) did not answer the previous wave (\(wave))."
        case (let wave?, _?): "Your answers in the previous wave (\(wave)) and in \(benchmark.wave); difference = latest minus previous."
        }
        let (sheet, headerRow) = try beginSheet(Self.changes, title: "Changes since the previous wave", description: [description])
        let records = benchmark.changeRecords
        let table = try sheet.writeRecords(records, rows: 0..<records.count, tableName: "ChangesSincePreviousWave",
                                           headerRow: headerRow,
                                           formats: [Styles.label, Styles.wrappedText, Styles.wrappedText, Styles.ratio, Styles.text])
        for (column, width) in [34.0, 40, 40, 12, 10].enumerated() {
            try sheet.setWidth(width, columns: column...column)
        }
        try finishSheet(sheet, headerRow: table.firstRow)
    }

    func writeAbout() throws(XlsxWriteError) {
        let (sheet, firstRow) = try beginSheet(Self.about, title: "About this pack", description: [])
        try sheet.setWidth(120, columns: 0...0)
        var row = firstRow - 1
        for (heading, lines) in benchmark.about(definition: definition, sourceFile: sourceFile, toolVersion: run.toolVersion) {
            try sheet.write(heading, row: row, column: 0, format: Styles.heading)
            row += 1
            for line in lines {
                try sheet.write(line, row: row, column: 0, format: Styles.wrappedText)
                row += 1
            }
            row += 1
        }
        sheet.hideGridlines()
        try finishSheet(sheet, headerRow: nil)
    }
}

extension String {
    /// `All trusts` as `all trusts`, for the middle of a sentence.
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
