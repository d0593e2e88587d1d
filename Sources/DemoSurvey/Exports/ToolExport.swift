import Foundation
import PMOSurvey
import SurveyImport

/// One tool's export layout of the sample: its header rows and how each record becomes a row.
struct ToolExport: Sendable {
    var header: [[String]]
    var row: @Sendable (SampleRecord) -> [ExportCell]
    /// Rows before the responses (Qualtrics' preview answer).
    var leading: @Sendable (SampleRecord) -> [[ExportCell]] = { _ in [] }

    static func of(_ tool: SurveyTool) -> ToolExport {
        switch tool {
        case .msForms: msForms
        case .surveyMonkey: surveyMonkey
        case .googleForms: googleForms
        case .qualtrics: qualtrics
        case .csv: googleForms
        }
    }

    private typealias V = ExportVocabulary

    /// A question's plain answer (text, code or number).
    private static func answer(_ record: SampleRecord, _ column: SurveyColumn, numbers: Bool = true) -> ExportCell {
        let text = V.answer(record[column], column)
        let isNumber = [.staffHeadcount, .centralPMOFTE, .devolvedPMFTE, .established].contains(column)
        return numbers && isNumber ? .numeric(text) : .text(text)
    }

    /// Microsoft Forms "Open in Excel": ID, times, e-mail and name, then one column per question;
    /// multi-select options joined by `;` with a trailing `;`.
    static let msForms = ToolExport(
        header: [["ID", "Start time", "Completion time", "Email", "Name"] + V.order.map { column in
            // Forms keeps a line break typed into a question's title.
            column == .centralPMOFTE ? "How many whole time equivalent staff\nwork in the central PMO?" : V.questions[column]!
        }],
        row: { record in
            let done = record.submitted.map(ExportCell.date) ?? .text(record[.submitted])
            let started = record.submitted.map { ExportCell.date(SurveyDate(year: $0.year, month: $0.month, day: $0.day, secondsOfDay: ($0.secondsOfDay ?? 0) - 600)!) } ?? .empty
            return [.number(Double(record.sequence)), started, done, .text(record[.respondentEmail]), .text(record[.respondentName])]
                + V.order.map { column in
                    guard [.projectTypes, .pmoServices, .methodology].contains(column) else { return answer(record, column) }
                    let (options, unknown) = V.items(record[column], column)
                    let all = options + unknown
                    return .text(all.isEmpty ? "" : all.joined(separator: ";") + ";")
                }
        })

    /// SurveyMonkey: two header rows; a column per option of a multi-select question, with an
    /// `Other (please specify)` column holding the respondent's own words.
    static let surveyMonkey: ToolExport = {
        let fixed = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address", "First Name", "Last Name", "Custom Data 1"]
        var top = fixed, second = Array(repeating: "", count: fixed.count)
        for column in V.order {
            // The tool's editor turns typed apostrophes into curly ones.
            let question = V.questions[column]!.replacingOccurrences(of: "'", with: "\u{2019}")
            if [.projectTypes, .pmoServices, .methodology].contains(column) {
                let options = V.options(column).filter { $0 != "Other" } + (column == .methodology ? [] : ["Other (please specify)"])
                top += [question] + Array(repeating: "", count: options.count - 1)
                second += options
            } else {
                top.append(question)
                second.append(V.answers[column] == nil ? "Open-Ended Response" : "Response")
            }
        }
        return ToolExport(header: [top, second]) { record in
            let done = record.submitted
            var cells: [ExportCell] = [.text(String(11_400_000_000 + record.sequence * 7)), .text("268435457"),
                                       .text(done.map { SurveyDate(year: $0.year, month: $0.month, day: $0.day, secondsOfDay: ($0.secondsOfDay ?? 0) - 600)!.monthFirst12Hour } ?? ""),
                                       .text(done?.monthFirst12Hour ?? record[.submitted]),
                                       .text("10.\(record.sequence % 250).\(record.sequence / 250 % 250).\(record.sequence % 97 + 1)"),
                                       .text(record[.respondentEmail]), .text(record.names.first), .text(record.names.last), .empty]
            for column in V.order {
                guard [.projectTypes, .pmoServices, .methodology].contains(column) else {
                    cells.append(answer(record, column))
                    continue
                }
                let (options, unknown) = V.items(record[column], column)
                var chosen = options
                if column == .projectTypes, chosen.contains("Other") { chosen.removeAll { $0 == "Other" } }
                cells += V.options(column).filter { $0 != "Other" }.map { .text(chosen.contains($0) ? $0 : "") }
                if column != .methodology {
                    // The "Other" box holds the respondent's words; the canonical "Other" too.
                    let other = unknown + (column == .projectTypes && options.contains("Other") ? ["Patient flow"] : [])
                    cells.append(.text(other.joined(separator: ", ")))
                }
            }
            return cells
        }
    }()

    /// Google Forms, downloaded from the form: a timestamp, the e-mail address, then the questions
    /// verbatim (one with the trailing space its author typed); options joined by `, `.
    static let googleForms = ToolExport(
        header: [["Timestamp", "Email Address"] + V.order.map { $0 == .sector ? V.questions[$0]! + " " : V.questions[$0]! }],
        row: { record in
            [.text(record.submitted?.googleDownload ?? record[.submitted]), .text(record[.respondentEmail])]
                + V.order.map { column in
                    if [.projectTypes, .pmoServices, .methodology].contains(column) {
                        let (options, unknown) = V.items(record[column], column)
                        return .text((options + unknown).joined(separator: ", "))
                    }
                    // Short-answer questions get what people type: now and then a unit.
                    if [.centralPMOFTE, .devolvedPMFTE].contains(column), !record[column].isEmpty, record.sequence % 5 == 0 {
                        return .text(record[column] + " WTE")
                    }
                    return answer(record, column, numbers: false)
                }
        })

    /// Qualtrics: three header rows (short names, question texts, import IDs); project types and
    /// methods a column per option (`Q11_1`...), services one cell joined by `,`; a preview
    /// answer first, which the mapping leaves out with `exclude_when`.
    static let qualtrics: ToolExport = {
        let fixed = [("StartDate", "Start Date", "startDate"), ("EndDate", "End Date", "endDate"), ("Status", "Response Type", "status"),
                     ("IPAddress", "IP Address", "ipAddress"), ("Progress", "Progress", "progress"),
                     ("Duration (in seconds)", "Duration (in seconds)", "duration"), ("Finished", "Finished", "finished"),
                     ("RecordedDate", "Recorded Date", "recordedDate"), ("ResponseId", "Response ID", "_recordId"),
                     ("RecipientLastName", "Recipient Last Name", "recipientLastName"),
                     ("RecipientFirstName", "Recipient First Name", "recipientFirstName"),
                     ("RecipientEmail", "Recipient Email", "recipientEmail"), ("UserLanguage", "User Language", "userLanguage")]
        var names = fixed.map(\.0), texts = fixed.map(\.1), ids = fixed.map { "{\"ImportId\":\"\($0.2)\"}" }
        for (n, column) in V.order.enumerated() {
            let question = V.questions[column]!.replacingOccurrences(of: "'", with: "\u{2019}")
            if column == .projectTypes || column == .methodology {
                for (i, option) in V.options(column).enumerated() {
                    names.append("Q\(n + 1)_\(i + 1)")
                    texts.append("\(question) - \(option)")
                    ids.append("{\"ImportId\":\"QID\(n + 1)_\(i + 1)\"}")
                }
            } else {
                names.append("Q\(n + 1)")
                texts.append(V.answers[column] == nil ? question : question + " - Selected Choice")
                ids.append("{\"ImportId\":\"QID\(n + 1)\"}")
            }
        }
        @Sendable func cells(_ record: SampleRecord, status: String) -> [ExportCell] {
            let done = record.submitted
            let id = "R_" + String(String(record.sequence * 2_654_435_761 % 0xFFFF_FFFF_FFFF, radix: 36).uppercased().reversed())
            var cells: [ExportCell] = [.text(done.map { SurveyDate(year: $0.year, month: $0.month, day: $0.day, secondsOfDay: ($0.secondsOfDay ?? 0) - 600)!.isoDateTime } ?? ""),
                                       .text(done?.isoDateTime ?? record[.submitted]), .text(status),
                                       .text(status == "IP Address" ? "10.1.\(record.sequence % 250).\(record.sequence % 97 + 1)" : ""),
                                       .text("100"), .text("\(300 + record.sequence % 900)"), .text("True"),
                                       .text(done?.isoDateTime ?? record[.submitted]), .text(status == "IP Address" ? id : "R_PREVIEW\(record.sequence)"),
                                       .text(record.names.last), .text(record.names.first), .text(record[.respondentEmail]), .text("EN-GB")]
            for column in V.order {
                if column == .projectTypes || column == .methodology {
                    let (options, _) = V.items(record[column], column)
                    cells += V.options(column).map { .text(options.contains($0) ? $0 : "") }
                } else if column == .pmoServices {
                    let (options, unknown) = V.items(record[column], column)
                    cells.append(.text((options + unknown).joined(separator: ",")))
                } else {
                    cells.append(answer(record, column, numbers: false))
                }
            }
            return cells
        }
        return ToolExport(header: [names, texts, ids], row: { cells($0, status: "IP Address") },
                          leading: { first in [cells(first, status: "Survey Preview")] })
    }()
}
