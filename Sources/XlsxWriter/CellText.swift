/// Text made safe for a cell: characters XML 1.0 forbids removed (libxlsxwriter writes them
/// through and the file will not open) and cut to Excel's 32,767 UTF-16 units (libxlsxwriter
/// would otherwise skip the cell with an error).
public struct CellText: Hashable, Sendable {
    /// The text as it will be stored.
    public let value: String
    /// The length of the text before it was cut, in UTF-16 units; nil when it fitted.
    public let truncatedFrom: Int?
    /// Whether forbidden characters were removed.
    public let removedControlCharacters: Bool

    public init(_ text: String, limit: Int = Limits.cellTextLength) {
        // Fast path for the common case, checked on bytes: no C0 control but tab and line breaks,
        // no 0xEF lead byte (U+FFFE and U+FFFF start with it), and short enough in UTF-8 to be
        // short enough in UTF-16.
        if text.utf8.count <= limit,
           !text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0xEF }) {
            value = text
            truncatedFrom = nil
            removedControlCharacters = false
            return
        }
        var scalars = String.UnicodeScalarView()
        var removed = false
        for scalar in text.unicodeScalars {
            if CellText.isAllowedInXML(scalar) { scalars.append(scalar) } else { removed = true }
        }
        let clean = removed ? String(scalars) : text
        removedControlCharacters = removed
        let length = clean.utf16.count
        if length <= limit {
            value = clean
            truncatedFrom = nil
        } else {
            value = CellText.prefix(of: clean, utf16Units: limit)
            truncatedFrom = length
        }
    }

    /// XML 1.0 `Char`: tab, line feed, carriage return, U+0020 to U+D7FF, U+E000 to U+FFFD and
    /// beyond U+FFFF. Swift strings never hold lone surrogates, so the rest are C0 controls,
    /// U+FFFE and U+FFFF.
    static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// The longest prefix of whole characters (so no emoji or accent is split) within `limit`.
    private static func prefix(of text: String, utf16Units limit: Int) -> String {
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let width = text[index].utf16.count
            guard used + width <= limit else { break }
            used += width
            end = text.index(after: index)
        }
        return String(text[..<end])
    }
}

extension String {
    /// For labels that must stay on one line (chart categories, sheet and header text): XML-safe,
    /// with line breaks and tabs turned into spaces.
    public var singleLine: String {
        let safe = CellText(self, limit: Int.max).value
        guard safe.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\t" }) else { return safe }
        return String(String.UnicodeScalarView(safe.unicodeScalars.map {
            $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0
        }))
    }
}
