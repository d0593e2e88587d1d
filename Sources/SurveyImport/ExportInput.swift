import Foundation
import PMOSurvey
import XlsxReader

extension SurveyInput {
    /// `path` read through `mapping`; a canonical CSV when `mapping` is nil. An .xlsx export
    /// (told by its first bytes, or by its name when it is not a ZIP at all) is read sheet by sheet.
    public static func export(path: String, mapping: Mapping?) -> SurveyInput {
        let fileName = (path as NSString).lastPathComponent
        guard let mapping else { return SurveyInput(path: path) }
        let layout = mapping.layout(fileName: fileName)
        guard isWorkbook(path) else { return SurveyInput(path: path, layout: layout) }
        let sheet = mapping.sheet
        let rows: SurveyInput.Rows = { path, emit in
            do {
                let workbook = try XlsxWorkbook(path: path)
                try workbook.rows(sheet: sheet, emit)
            } catch let error as XlsxReadError {
                throw SurveyFileError.unreadableWorkbook(file: fileName, reason: error.description)
            }
        }
        // Findings name the sheet read, the first one's name too when the mapping names none.
        let sheetName = sheet ?? (try? XlsxWorkbook(path: path))?.sheetNames.first
        return SurveyInput(path: path, layout: layout, rows: rows, place: "\(fileName), \(sheetName.map { "sheet \($0)" } ?? "first sheet")")
    }

    /// Whether `path` is to be read as a workbook: a ZIP or OLE file, or named `.xlsx`.
    static func isWorkbook(_ path: String) -> Bool {
        if path.lowercased().hasSuffix(".xlsx") || path.lowercased().hasSuffix(".xlsm") { return true }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = Array((try? handle.read(upToCount: 4)) ?? Data())
        return head == [0x50, 0x4B, 0x03, 0x04] || head == [0xD0, 0xCF, 0x11, 0xE0]
    }
}
