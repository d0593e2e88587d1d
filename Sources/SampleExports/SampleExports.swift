import Foundation
import PMOSurvey
import SurveyImport
import XlsxWriter

/// The sample survey as a survey tool exports it: one file per wave, holding the same responses
/// as the canonical sample of the same trusts, waves and seed (`sample-data --format`).
public struct SampleExports {
    public let survey: SampleSurvey
    public let tool: SurveyTool

    public init(survey: SampleSurvey, tool: SurveyTool) {
        self.survey = survey
        self.tool = tool
    }

    /// The file name of a wave's export, e.g. `pmo-survey-2015-12-surveymonkey.csv`.
    public func fileName(wave: String) -> String {
        "pmo-survey-\(wave)-\(tool.rawValue).\(tool == .msForms ? "xlsx" : "csv")"
    }

    /// Writes every wave's export into `folder`; returns the files written, in wave order.
    public func write(into folder: String) throws -> [String] {
        var waves: [(label: String, records: [SampleRecord])] = []
        let header = SampleSurvey.header
        survey.records { fields in
            let wave = fields[header.firstIndex(of: "wave")!]
            if waves.last?.label != wave { waves.append((wave, [])) }
            let record = SampleRecord(fields: Dictionary(uniqueKeysWithValues: zip(header, fields)), sequence: waves[waves.count - 1].records.count + 1)
            waves[waves.count - 1].records.append(record)
        }
        let layout = ToolExport.of(tool)
        return try waves.map { wave in
            let path = (folder as NSString).appendingPathComponent(fileName(wave: wave.label))
            let rows = layout.header.map { $0.map(ExportCell.text) }
                + (wave.records.first.map(layout.leading) ?? []) + wave.records.map(layout.row)
            if tool == .msForms { try Self.writeWorkbook(rows, to: path) } else { try writeCSV(rows, to: path) }
            return path
        }
    }

    /// CSV as each tool writes it: SurveyMonkey and Qualtrics with a byte-order mark and CRLF,
    /// Google's download plain UTF-8 with LF.
    private func writeCSV(_ rows: [[ExportCell]], to path: String) throws {
        let windows = tool == .surveyMonkey || tool == .qualtrics
        var text = windows ? "\u{FEFF}" : ""
        for row in rows {
            text += row.map { cell in
                let value: String = switch cell {
                case .text(let s): s
                case .number(let n): n == n.rounded() ? String(Int(n)) : String(n)
                case .date(let d): d.isoDateTime
                }
                guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
                return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }.joined(separator: ",") + (windows ? "\r\n" : "\n")
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// Microsoft Forms' "Open in Excel" workbook: one sheet, real date-time cells.
    private static func writeWorkbook(_ rows: [[ExportCell]], to path: String) throws {
        let workbook = try Workbook(path: path)
        let sheet = try workbook.addWorksheet(named: "Sheet1")
        var dateTime = CellFormat()
        dateTime.numberFormat = "m/d/yy h:mm:ss"
        for (r, row) in rows.enumerated() {
            for (c, cell) in row.enumerated() {
                switch cell {
                case .text(let s) where s.isEmpty: continue
                case .text(let s): _ = try sheet.write(s, row: r, column: c)
                case .number(let n): try sheet.write(number: n, row: r, column: c)
                case .date(let d):
                    let serial = Double(d.daysSinceEpoch + 25_569) + Double(d.secondsOfDay ?? 0) / 86_400
                    try sheet.write(number: serial, row: r, column: c, format: dateTime)
                }
            }
        }
        try workbook.close()
    }
}
