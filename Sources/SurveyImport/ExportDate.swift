/// Reads the dates survey tools write (`import-mapping.md` section 2) into the canonical ISO
/// form: ISO always; `27/05/2015` or `05/27/2015` by the mapping's order (`.` and `-` too);
/// year first with slashes (`2015/05/27`); a time with or without seconds, a 12-hour clock with
/// AM/PM, and a trailing zone (`GMT+1`, `UTC`, `+01:00`), which is dropped: the date is the one
/// written, with no time-zone conversion. Two-digit years are 20YY. Byte by byte: every row has one.
enum ExportDate {
    /// `2015-05-27 22:03:21`, `2015-05-27`, or nil when the text is no date.
    static func canonical(_ text: String, order: DateOrder) -> String? {
        var text = text
        return text.withUTF8 { bytes in
            var scanner = Scanner(bytes: bytes)
            return scanner.date(order: order)
        }
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        var atEnd: Bool { i == bytes.count }
        var next: UInt8? { i < bytes.count ? bytes[i] : nil }

        mutating func skipSpaces() {
            while let b = next, b == 0x20 { i += 1 }
        }

        /// A run of digits: its value and length.
        mutating func number() -> (value: Int, digits: Int)? {
            var value = 0, digits = 0
            while let b = next, b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9"), digits < 5 {
                value = value * 10 + Int(b - UInt8(ascii: "0"))
                digits += 1
                i += 1
            }
            return digits == 0 ? nil : (value, digits)
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard next == byte else { return false }
            i += 1
            return true
        }

        mutating func date(order: DateOrder) -> String? {
            skipSpaces()
            guard let a = number(), let separator = next, [UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: ".")].contains(separator) else { return nil }
            i += 1
            guard let b = number(), take(separator), let c = number(), b.digits <= 2 else { return nil }
            let (y, m, d): (Int, Int, Int)
            if a.digits == 4 {
                guard c.digits <= 2 else { return nil }
                (y, m, d) = (a.value, b.value, c.value)
            } else {
                guard a.digits <= 2, c.digits == 4 || c.digits == 2 else { return nil }
                let year = c.digits == 2 ? 2000 + c.value : c.value
                (y, m, d) = order == .dayFirst ? (year, b.value, a.value) : (year, a.value, b.value)
            }
            guard Self.valid(y, m, d) else { return nil }
            if atEnd { return Self.iso(y, m, d, seconds: nil) }
            guard take(UInt8(ascii: "T")) || take(0x20) else { return nil }
            skipSpaces()
            if atEnd { return Self.iso(y, m, d, seconds: nil) }
            guard let seconds = time() else { return nil }
            return Self.iso(y, m, d, seconds: seconds)
        }

        /// `2015-05-27` or `2015-05-27 22:03:21`, written in one go.
        static func iso(_ y: Int, _ m: Int, _ d: Int, seconds: Int?) -> String {
            String(unsafeUninitializedCapacity: 19) { out in
                func put(_ value: Int, _ width: Int, at offset: Int) {
                    var v = value
                    for k in stride(from: offset + width - 1, through: offset, by: -1) {
                        out[k] = UInt8(ascii: "0") + UInt8(v % 10)
                        v /= 10
                    }
                }
                put(y, 4, at: 0)
                out[4] = UInt8(ascii: "-")
                put(m, 2, at: 5)
                out[7] = UInt8(ascii: "-")
                put(d, 2, at: 8)
                guard let seconds else { return 10 }
                out[10] = 0x20
                put(seconds / 3600, 2, at: 11)
                out[13] = UInt8(ascii: ":")
                put(seconds / 60 % 60, 2, at: 14)
                out[16] = UInt8(ascii: ":")
                put(seconds % 60, 2, at: 17)
                return 19
            }
        }

        /// `10:03`, `10:03:21`, `10:03:21.5`, then optionally AM/PM, then optionally one zone word.
        mutating func time() -> Int? {
            guard let h = number(), h.digits <= 2, take(UInt8(ascii: ":")), let mi = number(), mi.digits == 2 else { return nil }
            var s = 0
            if take(UInt8(ascii: ":")) {
                guard let sec = number(), sec.digits == 2 else { return nil }
                s = sec.value
                if take(UInt8(ascii: ".")) { _ = number() }
            }
            var hour = h.value
            skipSpaces()
            if let first = next, first | 0x20 == UInt8(ascii: "a") || first | 0x20 == UInt8(ascii: "p"),
               i + 1 < bytes.count, bytes[i + 1] | 0x20 == UInt8(ascii: "m"),
               i + 2 == bytes.count || bytes[i + 2] == 0x20 {
                guard (1...12).contains(hour) else { return nil }
                hour = hour % 12 + (first | 0x20 == UInt8(ascii: "p") ? 12 : 0)
                i += 2
                skipSpaces()
            }
            // Whatever follows is a zone (`GMT+1`, `UTC`, `+01:00`, `BST`): one word.
            while let b = next, b != 0x20 {
                let isZone = (b | 0x20 >= UInt8(ascii: "a") && b | 0x20 <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
                    || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: ":")
                guard isZone else { return nil }
                i += 1
            }
            skipSpaces()
            guard atEnd, hour < 24, mi.value < 60, s < 60 else { return nil }
            return hour * 3600 + mi.value * 60 + s
        }

        static func valid(_ y: Int, _ m: Int, _ d: Int) -> Bool {
            guard (1900...9999).contains(y), (1...12).contains(m), d >= 1 else { return false }
            let days = [31, y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            return d <= days[m - 1]
        }
    }
}
