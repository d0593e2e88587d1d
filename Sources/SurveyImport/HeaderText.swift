extension String {
    /// The text as references and answers are compared (`import-mapping.md` section 2): trimmed,
    /// runs of white space (line breaks and no-break spaces included) as one space, curly quotes
    /// as straight ones, case ignored.
    var referenceKey: String {
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

    /// Whether the text is plain ASCII with no white space but single spaces inside and no
    /// upper case: then it is its own `referenceKey`, and the common case costs no copy.
    var isOwnReferenceKey: Bool {
        var previousSpace = true
        for byte in utf8 {
            if byte >= 0x80 || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) { return false }
            if byte < 0x20 { return false }
            if byte == 0x20 {
                if previousSpace { return false }
                previousSpace = true
            } else {
                previousSpace = false
            }
        }
        return !previousSpace || isEmpty
    }

    /// `referenceKey`, without building a new string when the text already is one.
    var answerKey: String { isOwnReferenceKey ? self : referenceKey }
}
