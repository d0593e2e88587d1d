#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// UTC timestamps formatted by hand: no locale, time zone or HOME is consulted, so a run under
/// cron's bare environment names its folders and log lines exactly as one run by hand.
public struct UTCTime: Sendable, Hashable, Comparable {
    /// Seconds since 1970-01-01 UTC.
    public var seconds: Int

    public init(seconds: Int) { self.seconds = seconds }

    /// The system clock, whatever `SOURCE_DATE_EPOCH` says: runs happen at a real time even when
    /// their outputs are made reproducible.
    public static var now: UTCTime { UTCTime(seconds: time(nil)) }

    /// `2026-11-27T03:00:01Z`, for logs, manifests and lock files.
    public var iso8601: String {
        let t = fields
        return "\(pad(t.year, 4))-\(pad(t.month, 2))-\(pad(t.day, 2))T\(pad(t.hour, 2)):\(pad(t.minute, 2)):\(pad(t.second, 2))Z"
    }

    /// `20261127T030001Z`, for folder names: sorts as it reads, and needs no character a file
    /// system or a shell dislikes.
    public var compact: String {
        let t = fields
        return "\(pad(t.year, 4))\(pad(t.month, 2))\(pad(t.day, 2))T\(pad(t.hour, 2))\(pad(t.minute, 2))\(pad(t.second, 2))Z"
    }

    /// Reads `compact` back; nil for anything else.
    public init?(compact text: String) {
        let digits = Array(text.utf8)
        guard digits.count == 16, digits[8] == UInt8(ascii: "T"), digits[15] == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int32? {
            var value: Int32 = 0
            for d in digits[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(d) else { return nil }
                value = value * 10 + Int32(d - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
              let hour = number(9..<11), let minute = number(11..<13), let second = number(13..<15),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var t = tm()
        t.tm_year = year - 1900
        t.tm_mon = month - 1
        t.tm_mday = day
        t.tm_hour = hour
        t.tm_min = minute
        t.tm_sec = second
        self.seconds = timegm(&t)
    }

    public static func < (a: UTCTime, b: UTCTime) -> Bool { a.seconds < b.seconds }

    private var fields: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        var clock = time_t(seconds)
        var t = tm()
        gmtime_r(&clock, &t)
        return (Int(t.tm_year) + 1900, Int(t.tm_mon) + 1, Int(t.tm_mday), Int(t.tm_hour), Int(t.tm_min), Int(t.tm_sec))
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
