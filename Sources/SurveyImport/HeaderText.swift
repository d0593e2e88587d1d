extension String {
    /// The text as references and answers are compared (`import-mapping.md` section 2): trimmed,
    /// runs of white space (line breaks and no-break spaces included) as one space, curly quotes
    /// as straight ones, case ignored. Runs for answers of every row: ASCII is folded byte by byte.
    var referenceKey: String {
        utf8.allSatisfy { $0 < 0x80 } ? Self.asciiReferenceKey(utf8) : unicodeReferenceKey
    }

    private static func asciiReferenceKey(_ bytes: String.UTF8View) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { out in
            var n = 0, pendingSpace = false
            for b in bytes {
                if b == 0x20 || (0x09...0x0D).contains(b) {
                    pendingSpace = n > 0
                    continue
                }
                if pendingSpace {
                    out[n] = 0x20
                    n += 1
                    pendingSpace = false
                }
                out[n] = b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b
                n += 1
            }
            return n
        }
    }

    private var unicodeReferenceKey: String {
        var out = String.UnicodeScalarView(), pendingSpace = false
        for scalar in unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            switch scalar {
            case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{2032}": out.append("'")
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{2033}": out.append("\"")
            default: out.append(scalar)
            }
        }
        return String(out).lowercased()
    }
}
