import PMOSurvey
import XlsxWriter

/// Where the figures came from and what the words mean: the source file and its fingerprint,
/// how its records were used, when and by what the workbook was made, and the definitions.
extension WorkbookBuilder {
    func writeAbout() throws(XlsxWriteError) {
        let survey = analysis.survey
        let definition = analysis.definition
        let (sheet, start) = try beginSheet(SheetLayout.about, title: "About this workbook",
                                            description: [definition.title + ": " + definition.subtitle])
        var row = start
        let writer = KeyValueWriter(sheet: sheet)

        row = try writer.heading("Source", row: row)
        for (i, source) in survey.sources.enumerated() {
            let suffix = survey.sources.count > 1 ? " \(i + 1)" : ""
            row = try writer.text("File" + suffix, source.fileName, row: row)
            row = try writer.text("SHA-256", source.sha256, row: row)
            row = try writer.number("Size (bytes)", Double(source.byteCount), format: Styles.count, row: row)
            row = try writer.text("Encoding", source.encoding.rawValue, row: row)
            if let mapping = source.mapping {
                row = try writer.text("Mapping", "\(mapping.fileName) (\(mapping.tool) export)", row: row)
                row = try writer.text("Mapping SHA-256", mapping.sha256, row: row)
            }
        }
        if let register = survey.trustDirectory.register {
            row = try writer.text("ODS register", "\(register.fileName): NHS Digital's list of NHS trusts, \(register.trustCount.grouped) trusts"
                + (register.date.map { ", latest change \($0)" } ?? "")
                + ". Contains public sector information licensed under the Open Government Licence v3.0 "
                + "(Contains NHS Digital data, Organisation Data Service).", row: row)
            row = try writer.text("ODS register SHA-256", register.sha256, row: row)
        }
        if let list = survey.trustDirectory.trustList {
            row = try writer.text("Trust list", "\(list.fileName): the network's codes, aliases and names shown, \(list.trustCount.grouped) trusts", row: row)
            row = try writer.text("Trust list SHA-256", list.sha256, row: row)
        }
        row = try writer.number("Records read", Double(survey.counts.rows), format: Styles.count, row: row)
        row = try writer.number("Used in the figures", Double(survey.counts.valid), format: Styles.count, row: row)
        row = try writer.number("Rejected", Double(survey.counts.rejected), format: Styles.count, row: row)
        row = try writer.number("Superseded by a later answer", Double(survey.counts.superseded), format: Styles.count, row: row)
        row = try writer.text("Survey waves", survey.waves.count > Survey.wavesListed
            ? survey.waveSpan + "; the ModelByWave sheet has every wave with its trusts."
            : survey.waves.map { "\($0.displayLabel.singleLine) (n=\($0.responseCount))" }.joined(separator: ", "), row: row)
        if layout.responseSheets.count > 1 {
            row = try writer.text("Responses sheets",
                                  "The responses exceed Excel's \(Limits.rows.grouped) rows per sheet, so they continue on "
                                  + layout.responseSheets.dropFirst().joined(separator: ", ")
                                  + " (Tables " + layout.responseSheets.indices.dropFirst().map(SheetLayout.responsesTableName).joined(separator: ", ") + ").",
                                  row: row)
        }

        row = try writer.heading("This workbook", row: row + 1)
        row = try writer.number("Generated (UTC)",
                                Styles.serial(daysSinceEpoch: run.generatedDate.daysSinceEpoch, secondsOfDay: run.generatedDate.secondsOfDay),
                                format: Styles.dateTime, row: row)
        row = try writer.text("Tool", "pmo-report \(run.toolVersion)", row: row)
        row = try writer.text("Classification", definition.classification, row: row)
        row = try writer.text("Produced by", "\(definition.author), \(definition.organisation)", row: row)
        row = try writer.text("Trust names", definition.internalUse
            ? "Internal use: every trust is named, including those that did not consent. Do not share."
            : "A trust is named only where it agreed to share; the others have no record in this workbook and are "
                + "counted only where disclosure control allows.", row: row)
        row = try writer.text("Disclosure control", analysis.disclosure?.method
            ?? "Not applied: internal use only, not disclosure-controlled, do not share.", row: row)
        row = try writer.text("Trust identity", "Answers are one trust's when their ODS codes are the same, or a name typed matches "
            + "(ignoring case, punctuation and endings such as NHS Trust) an alias in the trust list or a name in the ODS register; "
            + "never by similarity alone. A trust is shown under the trust list's name, else the register's.", row: row)

        row = try writer.heading("Definitions", row: row + 1)
        for (band, meaning) in definition.bounds.trustSizeDefinitions {
            row = try writer.text("Trust size: \(band.rawValue)", meaning, row: row)
        }
        for (band, meaning) in definition.bounds.pmoSizeDefinitions {
            row = try writer.text("PMO size: \(band.rawValue)", meaning, row: row)
        }
        row = try writer.text("Share", "count / base, where the base is the group's valid responses that answered the "
            + "question (for project types, services and reporting line, only trusts with a project function). "
            + "Kept unrounded; shown to one decimal place.", row: row)
        row = try writer.text("95% confidence interval", "Wilson score interval with z = \(Wilson.z): ci_low to ci_high. "
            + "It stays within 0% to 100% and behaves well for small groups and shares near 0% or 100%.", row: row)
        row = try writer.text("Quartiles", "Inclusive linear interpolation, as Excel's QUARTILE.INC and numpy's default; "
            + "q1 is the lower quartile, q3 the upper, the median the middle value.", row: row)
        row = try writer.text("FTE", "Full-time equivalents of the central PMO, for central and hybrid models with a figure. "
            + "FTE per 1,000 staff = central PMO FTE / staff headcount × 1,000.", row: row)
        row = try writer.text("Latest wave", "With several waves, every breakdown but Model by wave describes the latest "
            + "(waves ordered by their earliest submission date, then label).", row: row)
        row = try writer.text("Significance tests", "Whether groups differ: Pearson's chi-square test without continuity "
            + "correction; where an expected count is below 5, its p-value over the tables with the same margins: exact "
            + "for two columns or two rows, else from up to \(IndependenceTest.simulatedTables.grouped) random tables "
            + "(fixed seed, so runs agree). Pairs of groups with "
            + "\(Significance.smallestPairBase) or more answers: two-proportion z test, Fisher's exact test where a count is "
            + "below \(Significance.smallestPairCell), Holm-adjusted per category. Moves between waves: Bowker's test. "
            + "Significant at 5%: a difference this large would arise by chance less than one time in twenty if the groups "
            + "did not differ; it says nothing of its size or cause.", row: row)
        _ = row

        try sheet.setWidth(30, columns: 0...0)
        try sheet.setWidth(Double(KeyValueWriter.valueLineLength), columns: 1...1)
        sheet.hideGridlines()
        try finishSheet(sheet, headerRow: nil)
    }
}

/// Rows of label and value, as on the About and Summary sheets.
struct KeyValueWriter {
    let sheet: Worksheet

    func heading(_ text: String, row: Int) throws(XlsxWriteError) -> Int {
        try sheet.write(text, row: row, column: 0, format: Styles.heading)
        try sheet.writeBlank(row: row, column: 1, format: Styles.heading)
        return row + 1
    }

    /// Characters of the value column's text per line, for row heights.
    static let valueLineLength = 110

    func text(_ label: String, _ value: String, row: Int) throws(XlsxWriteError) -> Int {
        try sheet.write(label, row: row, column: 0, format: Styles.label)
        try sheet.write(value, row: row, column: 1, format: Styles.wrappedText)
        // libxlsxwriter does not size rows to wrapped text, so give long values their lines.
        let lines = (value.count + Self.valueLineLength - 1) / Self.valueLineLength
        if lines > 1 { try sheet.setHeight(13 * Double(lines), row: row) }
        return row + 1
    }

    func number(_ label: String, _ value: Double, format: CellFormat, row: Int) throws(XlsxWriteError) -> Int {
        try sheet.write(label, row: row, column: 0, format: Styles.label)
        var leftAligned = format
        leftAligned.alignment = .left
        try sheet.write(number: value, row: row, column: 1, format: leftAligned)
        return row + 1
    }
}
