/// Parsers for the typed cells of contract section 2. Each returns nil for a value outside its type;
/// the caller words the finding.
enum ValueParsing {
    /// `2015-05-27` (ISO, optionally followed by a time) or `27/05/2015` (UK, day first; one-digit
    /// day and month allowed, optionally followed by a time). Month-first US dates are not accepted:
    /// `5/27/2015` is an error rather than a silent guess.
    static func date(_ text: String) -> SurveyDate? {
        var text = text
        // On the string's own bytes: a copy into an array for every row cost an allocation each.
        return text.withUTF8 { date($0[...]) }
    }

    private static func date(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> SurveyDate? {
        if bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
           let y = digits(bytes[0..<4]), let m = digits(bytes[5..<7]), let d = digits(bytes[8..<10]) {
            return withTime(bytes[10...], year: y, month: m, day: d) { $0 == UInt8(ascii: "T") || $0 == UInt8(ascii: " ") }
        }
        let parts = bytes.split(separator: UInt8(ascii: "/"), maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
              let d = digits(parts[0]), let m = digits(parts[1]) else { return nil }
        let yearAndTime = parts[2]
        guard yearAndTime.count >= 4, let y = digits(yearAndTime.prefix(4)) else { return nil }
        return withTime(yearAndTime.dropFirst(4), year: y, month: m, day: d) { $0 == UInt8(ascii: " ") }
    }

    /// An optional `HH:MM[:SS]` after the date, then optionally a time zone or fraction, which are ignored:
    /// the time only breaks ties between a trust's answers within a day.
    private static func withTime(_ rest: Slice<UnsafeBufferPointer<UInt8>>, year: Int, month: Int, day: Int,
                                 separator isSeparator: (UInt8) -> Bool) -> SurveyDate? {
        guard let separator = rest.first else { return SurveyDate(year: year, month: month, day: day) }
        guard isSeparator(separator) else { return nil }
        let time = UnsafeBufferPointer(rebasing: rest.dropFirst())
        guard time.count >= 5, time[2] == UInt8(ascii: ":"), let h = digits(time[0..<2]), let mi = digits(time[3..<5]),
              h < 24, mi < 60 else { return nil }
        var seconds = 0
        if time.count >= 8, time[5] == UInt8(ascii: ":") {
            guard let s = digits(time[6..<8]), s < 60 else { return nil }
            seconds = s
        }
        return SurveyDate(year: year, month: month, day: day, secondsOfDay: h * 3600 + mi * 60 + seconds)
    }

    private static func digits(_ bytes: some Collection<UInt8>) -> Int? {
        guard !bytes.isEmpty else { return nil }
        var value = 0
        for b in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) else { return nil }
            value = value * 10 + Int(b - UInt8(ascii: "0"))
        }
        return value
    }

    /// Byte tests rather than `Character` properties: these run for every cell of a million rows.
    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    /// Bounds no trust comes near (the largest NHS trusts employ about 20,000 staff), so that a
    /// typing slip or a hostile value is rejected with its line rather than overflowing a mean.
    static let maxFTE = 10_000.0
    static let maxHeadcount = 2_000_000

    /// A non-negative decimal with a point. A comma is refused, never guessed: `1,5` may mean 1.5
    /// or 15, and `1,500` may mean 1.5 or 1500.
    static func fte(_ text: String) -> Double? {
        guard text.utf8.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: ".") }), text.first != ".",
              let value = Double(text), value.isFinite, value >= 0 else { return nil }
        return value
    }

    /// A whole number > 0; thousands separators in their proper places (`4,500`) are accepted
    /// because Excel writes them for a formatted cell.
    static func headcount(_ text: String) -> Int? {
        var plain = text
        if text.utf8.contains(UInt8(ascii: ",")) {
            let groups = text.split(separator: ",", omittingEmptySubsequences: false)
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            plain = groups.joined()
        }
        guard plain.utf8.allSatisfy(isDigit), let value = Int(plain), value > 0 else { return nil }
        return value
    }

    static func year(_ text: String, currentYear: Int) -> Int? {
        guard text.utf8.count == 4, text.utf8.allSatisfy(isDigit), let y = Int(text), (1948...currentYear).contains(y) else { return nil }
        return y
    }

    /// ODS codes: 3 to 5 letters or digits, stored upper case.
    static func trustCode(_ text: String) -> String? {
        guard (3...5).contains(text.utf8.count),
              text.utf8.allSatisfy({ isDigit($0) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0 & 0xDF) }) else { return nil }
        return text.uppercased()
    }

    /// Splits a `;`-separated answer; returns the recognised items and the unrecognised ones as written.
    ///
    /// Works on the bytes: it runs for three questions of every row, and per-item `String`s,
    /// arrays and Unicode case folding made it a fifth of all reading time.
    static func list<Item: ListAnswer>(_ text: String, as: Item.Type) -> (Selection<Item>, unknown: [String]) {
        var selection = Selection<Item>(), unknown: [String] = []
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: ";") { end += 1 }
                var first = start, last = end
                while first < last, bytes[first] == 0x20 || bytes[first] == 0x09 { first += 1 }
                while last > first, bytes[last - 1] == 0x20 || bytes[last - 1] == 0x09 { last -= 1 }
                start = end + 1
                guard first < last else { continue }
                let item = UnsafeBufferPointer(rebasing: bytes[first..<last])
                if let position = Item.matchPosition(item) {
                    selection.insert(at: position)
                } else {
                    // Not plain ASCII, or not an item: the Unicode-aware path decides.
                    let written = String(decoding: item, as: UTF8.self).trimmingSurveySpace()
                    if let known = Item(item: written) { selection.insert(known) } else if !written.isEmpty { unknown.append(written) }
                }
            }
        }
        return (selection, unknown)
    }
}
