import FileSafety
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
    /// Streams: records are written as the sample makes them, so a million fit in little memory.
    public func write(into folder: String) throws -> [String] {
        let header = SampleSurvey.header
        let waveColumn = header.firstIndex(of: "wave")!
        let layout = ToolExport.of(tool)
        var files: [String] = [], sink: ExportSink?, wave = "", sequence = 0
        try survey.records { fields in
            if fields[waveColumn] != wave || sink == nil {
                try sink?.close()
                wave = fields[waveColumn]
                sequence = 0
                let path = (folder as NSString).appendingPathComponent(fileName(wave: wave))
                files.append(path)
                sink = try tool == .msForms ? ExportSink(workbook: path) : ExportSink(csv: path, windows: tool == .surveyMonkey || tool == .qualtrics)
                for row in layout.header { try sink!.write(row.map(ExportCell.text)) }
                sequence += 1
                for row in layout.leading(SampleRecord(fields: Dictionary(uniqueKeysWithValues: zip(header, fields)), sequence: sequence)) {
                    try sink!.write(row)
                }
                sequence = 0
            }
            sequence += 1
            try sink!.write(layout.row(SampleRecord(fields: Dictionary(uniqueKeysWithValues: zip(header, fields)), sequence: sequence)))
        }
        try sink?.close()
        return files
    }
}

/// One export file being written row by row: CSV as each tool writes it (SurveyMonkey and
/// Qualtrics with a byte-order mark and CRLF, Google's download plain UTF-8 with LF), or
/// Microsoft Forms' "Open in Excel" workbook with real date-time cells. Each is an `AtomicFile`:
/// it appears complete at `close()`, or not at all.
private final class ExportSink {
    private var file: AtomicFile
    private var csv = CSVWriter()
    private var workbook: Workbook?
    private var sheet: Worksheet?
    private var dateTime = CellFormat()
    private var row = 0

    init(csv path: String, windows: Bool) throws {
        file = try AtomicFile(replacing: path)
        csv = CSVWriter(lineEnding: windows ? .crlf : .lf)
        if windows { try file.write([0xEF, 0xBB, 0xBF]) }
    }

    init(workbook path: String) throws {
        file = AtomicFile(temporaryFor: path)
        let workbook = try Workbook(path: file.temporaryPath)
        self.workbook = workbook
        sheet = try workbook.addWorksheet(named: "Sheet1")
        dateTime.numberFormat = "m/d/yy h:mm:ss"
    }

    func write(_ cells: [ExportCell]) throws {
        if let sheet { return try write(cells, to: sheet) }
        csv.record(cells.map { cell in
            switch cell {
            case .text(let s): s
            case .number(let n): n == n.rounded() ? String(Int(n)) : String(n)
            case .date(let d): d.isoDateTime
            }
        })
        if csv.byteCount >= 1 << 20 { try flush() }
    }

    private func write(_ cells: [ExportCell], to sheet: Worksheet) throws {
        for (c, cell) in cells.enumerated() {
            switch cell {
            case .text(let s) where s.isEmpty: continue
            case .text(let s): _ = try sheet.write(s, row: row, column: c)
            case .number(let n): try sheet.write(number: n, row: row, column: c)
            case .date(let d):
                let serial = Double(d.daysSinceEpoch + 25_569) + Double(d.secondsOfDay ?? 0) / 86_400
                try sheet.write(number: serial, row: row, column: c, format: dateTime)
            }
        }
        row += 1
    }

    private func flush() throws {
        guard csv.byteCount > 0 else { return }
        try file.write(csv.takeBytes())
    }

    func close() throws {
        try flush()
        try workbook?.close()
        try file.commit()
    }
}
