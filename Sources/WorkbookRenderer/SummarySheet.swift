import PMOSurvey
import ReportStyle
import XlsxWriter

/// The first sheet: what the survey is, the headline figures of the latest wave, how the file's
/// records were used, and a contents list linking to every other sheet.
extension WorkbookBuilder {
    func writeSummary() throws(XlsxWriteError) {
        let survey = analysis.survey
        let definition = analysis.definition
        var waves = "Source file\(survey.sources.count > 1 ? "s" : ""): \(survey.sourceNames). "
        if survey.waves.count > 1 {
            waves += "Survey waves: " + survey.waveSpan
                + ". Figures describe the latest wave, \(Survey.shortened(survey.latestWave.displayLabel)), unless a sheet says otherwise."
        } else {
            waves += "One survey wave" + (survey.latestWave.label.isEmpty ? "." : ", \(survey.latestWave.label.singleLine).")
        }
        let (sheet, start) = try beginSheet(SheetLayout.summary, title: definition.title, description: [
            definition.subtitle, waves, "Classification: \(definition.classification).",
        ])
        let writer = SummaryRows(sheet: sheet)
        var row = try writer.heading("Headline figures", row: start)

        let latest = analysis.latest
        row = try writer.figure("Trusts in the figures", count: latest.count,
                                note: "valid responses" + (survey.waves.count > 1 ? " of the latest wave" : ""), row: row)
        if let all = analysis.modelBySector.allTrusts {
            // Central plus hybrid adds two of the row's figures: shown only where both are.
            let models = analysis.modelBySector.categories
            let parts = [PMOModel.central, .hybrid].compactMap { models.firstIndex(of: $0.rawValue).flatMap(all.share) }
            if parts.count == 2 {
                let withPMO = Share(count: parts[0].count + parts[1].count, base: all.base)
                row = try writer.figure("With a central PMO (central or hybrid)", share: withPMO, row: row)
            }
            for (category, share) in zip(models, all.figures) {
                let phrase = PMOModel(rawValue: category)?.phrase ?? category
                row = try writer.figure("Model: " + phrase, share: share, row: row, indent: 1)
            }
        }
        if let fte = analysis.fteBySector.groups.first(where: { $0.label == Groups.allTrusts }),
           let median = fte.median, let q1 = fte.q1, let q3 = fte.q3 {
            row = try writer.figure("Median central PMO size (FTE)", fte: median,
                                    note: "interquartile range \(NumberText.decimal(q1, places: 1)) to \(NumberText.decimal(q3, places: 1)); \(fte.n) trusts with a figure",
                                    row: row)
            if let perThousand = fte.medianPer1000Staff {
                row = try writer.figure("Median central PMO FTE per 1,000 staff", fte: perThousand,
                                        note: "trusts that gave both FTE and headcount", row: row)
            }
        }

        row = try writer.heading("Records in the file", row: row + 1)
        row = try writer.figure("Read", count: survey.counts.rows, note: "records in \(survey.sourceNames)", row: row)
        row = try writer.figure("Used in the figures", count: survey.counts.valid, note: "valid and current", row: row)
        row = try writer.figure("Rejected", count: survey.counts.rejected, note: "see Data quality", row: row)
        row = try writer.figure("Superseded", count: survey.counts.superseded,
                                note: "replaced by a later answer from the same trust in the same wave", row: row)

        row = try writer.heading("Contents", row: row + 1)
        for entry in layout.contents {
            try sheet.writeLink(toSheet: entry.sheet, text: entry.sheet, row: row, column: 0, format: Styles.link)
            try sheet.write(entry.description, row: row, column: 1, format: Styles.text)
            row += 1
        }

        try sheet.setWidth(44, columns: 0...0)
        try sheet.setWidth(14, columns: 1...1)
        try sheet.setWidth(70, columns: 2...2)
        sheet.hideGridlines()
        try finishSheet(sheet, headerRow: nil)
    }
}

/// Rows of the Summary: a label, a figure formatted as what it is, and a note.
private struct SummaryRows {
    let sheet: Worksheet

    func heading(_ text: String, row: Int) throws(XlsxWriteError) -> Int {
        for column in 0...2 {
            try sheet.write(column == 0 ? text : "", row: row, column: column, format: Styles.heading)
        }
        return row + 1
    }

    func figure(_ label: String, count: Int, note: String, row: Int) throws(XlsxWriteError) -> Int {
        try sheet.write(number: Double(count), row: row, column: 1, format: Styles.headlineCount)
        return try finish(label, note: note, row: row, indent: 0)
    }

    func figure(_ label: String, share: Share?, row: Int, indent: Int = 0) throws(XlsxWriteError) -> Int {
        guard let share else {
            try sheet.write(Withheld.mark, row: row, column: 1, format: Styles.withheld)
            return try finish(label, note: Withheld.markNote, row: row, indent: indent)
        }
        let ci = share.interval
        try sheet.write(number: share.value, row: row, column: 1, format: Styles.headlineShare)
        return try finish(label, note: "\(share.count) of \(share.base) trusts; 95% CI \(NumberText.percent(ci.low)) to \(NumberText.percent(ci.high))",
                          row: row, indent: indent)
    }

    func figure(_ label: String, fte: Double, note: String, row: Int) throws(XlsxWriteError) -> Int {
        try sheet.write(number: fte, row: row, column: 1, format: Styles.headlineFTE)
        return try finish(label, note: note, row: row, indent: 0)
    }

    private func finish(_ label: String, note: String, row: Int, indent: Int) throws(XlsxWriteError) -> Int {
        var format = Styles.label
        format.indent = indent
        format.bold = indent == 0
        try sheet.write(label, row: row, column: 0, format: format)
        try sheet.write(note, row: row, column: 2, format: Styles.note)
        return row + 1
    }
}
