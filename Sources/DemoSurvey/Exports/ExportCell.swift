import PMOSurvey

/// One cell of a sample export: text, a number, or a date and time (a real date cell in .xlsx).
enum ExportCell: Sendable {
    case text(String)
    case number(Double)
    case date(SurveyDate)

    static let empty = ExportCell.text("")

    /// A number cell where the text is a plain number, as a tool stores a number answer.
    static func numeric(_ text: String) -> ExportCell {
        guard !text.isEmpty, text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }), let value = Double(text) else { return .text(text) }
        return .number(value)
    }
}

/// One canonical record of the sample, by column.
struct SampleRecord: Sendable {
    let fields: [String: String]
    /// Its place among the wave's records, from 1: tools number responses and time them by it.
    let sequence: Int

    subscript(column: SurveyColumn) -> String { fields[column.rawValue] ?? "" }
    subscript(name: String) -> String { fields[name] ?? "" }

    /// The day it was submitted, when the sample wrote a real date; a time of day is made up
    /// from the sequence, as tools record one.
    var submitted: SurveyDate? {
        let text = self[.submitted]
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" }).compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        let (y, m, d) = text.contains("-") ? (parts[0], parts[1], parts[2]) : (parts[2], parts[1], parts[0])
        return SurveyDate(year: y, month: m, day: d, secondsOfDay: 9 * 3600 + (sequence * 1237) % (8 * 3600))
    }

    /// The respondent's first and last name (personal data every tool exports).
    var names: (first: String, last: String) {
        let name = self[.respondentName]
        guard let space = name.firstIndex(of: " ") else { return (name, "") }
        return (String(name[..<space]), String(name[name.index(after: space)...]))
    }
}

extension SurveyDate {
    /// `27`, `05`: two digits.
    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    var isoDateTime: String {
        let s = secondsOfDay ?? 0
        return "\(year)-\(Self.two(month))-\(Self.two(day)) \(Self.two(s / 3600)):\(Self.two(s / 60 % 60)):\(Self.two(s % 60))"
    }

    /// `05/27/2015 10:03:21 AM`: SurveyMonkey's month-first 12-hour clock.
    var monthFirst12Hour: String {
        let s = secondsOfDay ?? 0, h = s / 3600
        return "\(Self.two(month))/\(Self.two(day))/\(year) \(Self.two(h % 12 == 0 ? 12 : h % 12)):\(Self.two(s / 60 % 60)):\(Self.two(s % 60)) \(h < 12 ? "AM" : "PM")"
    }

    /// `2015/05/27 10:03:21 AM GMT`: Google Forms' "Download responses".
    var googleDownload: String {
        let s = secondsOfDay ?? 0, h = s / 3600
        return "\(year)/\(Self.two(month))/\(Self.two(day)) \(h % 12 == 0 ? 12 : h % 12):\(Self.two(s / 60 % 60)):\(Self.two(s % 60)) \(h < 12 ? "AM" : "PM") GMT"
    }
}
