import PMOSurvey
import XlsxWriter

/// The parts every sheet shares: a title, a description, the internal-use warning when the
/// workbook names every trust, and the same print setup.
extension WorkbookBuilder {
    /// Adds a sheet with its title block; returns it and the first free row below the block.
    func beginSheet(_ name: String, title: String, description: [String]) throws(XlsxWriteError) -> (Worksheet, Int) {
        try workbook.addTitledSheet(name, title: title, description: description,
                                    warning: analysis.definition.internalUse ? ReportDefinition.internalUseWarning : nil)
    }

    /// Landscape, one page wide, the header row repeated, the classification (and any
    /// internal-use warning) at the top of each page, the sheet name and page numbers at the foot.
    func finishSheet(_ sheet: Worksheet, headerRow: Int?) throws(XlsxWriteError) {
        let definition = analysis.definition
        var header = PageText(left: [.boldText(definition.classification)], right: [.text(definition.title)])
        if definition.internalUse { header.centre = [.boldText(ReportDefinition.internalUseWarning)] }
        let footer = PageText(left: [.sheetName], right: [.text("Page "), .pageNumber, .text(" of "), .pageCount])
        try sheet.setPageSetup(PageSetup(repeatedRows: headerRow.map { $0...$0 }, header: header, footer: footer))
    }
}

/// What had to change for values to fit a cell, reported back on the Data quality sheet.
struct CellAdjustments {
    private(set) var findings: [Finding] = []
    private(set) var controlCharacterCells = 0

    /// Notes a cut or cleaned value of `column` in a response.
    mutating func record(_ stored: CellText, column: String, responseID: String?, line: Int?, sheet: String, cell: String) {
        if stored.removedControlCharacters { controlCharacterCells += 1 }
        guard let original = stored.truncatedFrom else { return }
        findings.append(Finding(
            line: line, responseID: responseID, column: column, severity: .warning,
            message: "\(column) has \(original.grouped) characters; the workbook keeps the first "
                + "\(stored.value.utf16.count.grouped) (Excel's limit per cell is \(Limits.cellTextLength.grouped)) "
                + "in \(sheet)!\(cell). The JSON export keeps the full text."))
    }

    /// The findings, with one summary line for removed control characters.
    var allFindings: [Finding] {
        guard controlCharacterCells > 0 else { return findings }
        return findings + [Finding(
            line: nil, responseID: nil, column: nil, severity: .info,
            message: "\(controlCharacterCells.grouped) text value(s) held control characters that Excel cannot "
                + "store; the workbook leaves them out. The JSON export keeps them.")]
    }
}

extension Workbook {
    /// Adds a sheet headed by a title, description lines and an optional warning, the way every
    /// sheet of the report and of the packs begins; returns it and the first free row below.
    func addTitledSheet(_ name: String, title: String, description: [String], warning: String?)
        throws(XlsxWriteError) -> (Worksheet, Int) {
        let sheet = try addWorksheet(named: name)
        try sheet.write(title, row: 0, column: 0, format: Styles.title)
        try sheet.setHeight(24, row: 0)
        var row = 1
        for line in description {
            try sheet.write(line, row: row, column: 0, format: Styles.subtitle)
            row += 1
        }
        if let warning {
            try sheet.write(warning, row: row, column: 0, format: Styles.warning)
            row += 1
        }
        return (sheet, row + 1)
    }
}
