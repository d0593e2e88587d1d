/// A calendar date, with an optional time of day, as a respondent submitted it.
///
/// Kept as plain numbers rather than `Foundation.Date` so that reading never depends on the
/// machine's time zone or locale.
public struct SurveyDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    // Month, day and time are stored small: every response holds a date, and at a million
    // responses the 24 bytes saved count against the workbook's memory peak.
    private let storedMonth: UInt8
    private let storedDay: UInt8
    /// -1 when there is no time.
    private let storedSeconds: Int32

    public var month: Int { Int(storedMonth) }
    public var day: Int { Int(storedDay) }
    /// Seconds since midnight, when the export gave a time.
    public var secondsOfDay: Int? { storedSeconds < 0 ? nil : Int(storedSeconds) }

    public init?(year: Int, month: Int, day: Int, secondsOfDay: Int? = nil) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...SurveyDate.daysIn(month: month, year: year)).contains(day),
              (0..<86_400).contains(secondsOfDay ?? 0) else { return nil }
        self.year = year
        storedMonth = UInt8(month)
        storedDay = UInt8(day)
        storedSeconds = Int32(secondsOfDay ?? -1)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for date arithmetic and spreadsheet serials.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// ISO 8601: `2015-05-27`, or `2015-05-27T10:30:00` with a time.
    public var description: String {
        var s = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        if let t = secondsOfDay { s += "T\(pad(t / 3600, 2)):\(pad(t / 60 % 60, 2)):\(pad(t % 60, 2))" }
        return s
    }

    /// `27 May 2015`, for people.
    public var longText: String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                      "September", "October", "November", "December"]
        return "\(day) \(months[month - 1]) \(year)"
    }

    public static func < (a: SurveyDate, b: SurveyDate) -> Bool {
        (a.year, a.month, a.day, a.secondsOfDay ?? -1) < (b.year, b.month, b.day, b.secondsOfDay ?? -1)
    }

    /// The UTC calendar date of a Unix time, e.g. `SOURCE_DATE_EPOCH`.
    public init(unixTime: Int) {
        let days = unixTime >= 0 ? unixTime / 86_400 : (unixTime - 86_399) / 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        storedMonth = UInt8(m)
        storedDay = UInt8(d)
        storedSeconds = Int32(unixTime - days * 86_400)
    }
}

private func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
