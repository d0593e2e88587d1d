import Foundation

/// Reads the dates survey tools write (`import-mapping.md` section 2) into the canonical ISO
/// form: ISO always; `27/05/2015` or `05/27/2015` by the mapping's order (`.` and `-` too);
/// year first with slashes (`2015/05/27`); a time with or without seconds, a 12-hour clock with
/// AM/PM, and a trailing zone (`GMT+1`, `UTC`, `+01:00`), which is dropped: the date is the one
/// written, with no time-zone conversion. Two-digit years are 20YY.
enum ExportDate {
    /// `2015-05-27 22:03:21`, `2015-05-27`, or nil when the text is no date.
    static func canonical(_ text: String, order: DateOrder) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var parts = trimmed.split(separator: " ").map(String.init)
        // ISO's `2015-05-27T10:03:21`.
        if let first = parts.first, let t = first.firstIndex(of: "T"), first.prefix(4).allSatisfy(\.isNumber) {
            parts[0...0] = [String(first[..<t]), String(first[first.index(after: t)...])]
        }
        guard let datePart = parts.first, let (y, m, d) = date(datePart, order: order) else { return nil }
        guard valid(y, m, d) else { return nil }
        var result = "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
        guard parts.count > 1 else { return result }
        guard let (h, mi, s) = time(Array(parts.dropFirst())) else { return nil }
        result += " \(pad(h, 2)):\(pad(mi, 2)):\(pad(s, 2))"
        return result
    }

    private static func date(_ text: String, order: DateOrder) -> (Int, Int, Int)? {
        let pieces = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." })
        guard pieces.count == 3, pieces.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII } }),
              let a = Int(pieces[0]), let b = Int(pieces[1]), let c = Int(pieces[2]) else { return nil }
        if pieces[0].count == 4 { return (a, b, c) }
        guard pieces[2].count == 4 || pieces[2].count == 2, pieces[0].count <= 2, pieces[1].count <= 2 else { return nil }
        let year = pieces[2].count == 2 ? 2000 + c : c
        return order == .dayFirst ? (year, b, a) : (year, a, b)
    }

    /// `10:03`, `10:03:21`, `10:03:21.5`, then optionally `AM`/`PM`, then optionally a zone.
    private static func time(_ parts: [String]) -> (Int, Int, Int)? {
        let clock = parts[0].split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(clock.count), let h = Int(clock[0]), let mi = Int(clock[1]), clock[0].count <= 2, clock[1].count == 2 else { return nil }
        var s = 0
        if clock.count == 3 {
            guard let whole = Int(clock[2].prefix { $0 != "." }) else { return nil }
            s = whole
        }
        var hour = h
        var rest = parts.dropFirst()
        if let marker = rest.first?.uppercased(), marker == "AM" || marker == "PM" {
            guard (1...12).contains(h) else { return nil }
            hour = h % 12 + (marker == "PM" ? 12 : 0)
            rest = rest.dropFirst()
        }
        // Whatever follows is a zone (`GMT+1`, `UTC`, `+01:00`, `BST`): one word of no spaces.
        guard rest.count <= 1, rest.allSatisfy({ $0.allSatisfy { $0.isLetter || $0.isNumber || "+-:".contains($0) } }) else { return nil }
        guard hour < 24, mi < 60, s < 60 else { return nil }
        return (hour, mi, s)
    }

    private static func valid(_ y: Int, _ m: Int, _ d: Int) -> Bool {
        guard (1900...9999).contains(y), (1...12).contains(m), d >= 1 else { return false }
        let days = [31, y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return d <= days[m - 1]
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
