/// RFC 4180 rows, as the packs index writes them and as a spreadsheet saves a contacts file:
/// quoted fields may hold commas, quotes and line breaks; CRLF or LF line ends; a BOM is ignored.
struct CSVRows {
    /// Each row with the line it starts on (1-based), blank lines left out.
    let rows: [(line: Int, fields: [String])]

    init(_ text: String) {
        var rows: [(Int, [String])] = []
        var fields: [String] = [], field = "", quoted = false, afterQuote = false
        var line = 1, rowLine = 1
        func endRow() {
            fields.append(field)
            if fields != [""] { rows.append((rowLine, fields)) }
            fields = []
            field = ""
        }
        var characters = Substring(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text).makeIterator()
        while let c = characters.next() {
            if quoted {
                if c == "\"" { quoted = false; afterQuote = true } else { field.append(c) }
                if c == "\n" || c == "\r\n" { line += 1 }
                continue
            }
            switch c {
            case "\"":
                if afterQuote { field.append("\"") }
                quoted = true
            case ",":
                fields.append(field)
                field = ""
            case "\n", "\r\n", "\r":
                endRow()
                line += 1
                rowLine = line
            default:
                field.append(c)
            }
            afterQuote = false
        }
        if !field.isEmpty || !fields.isEmpty { endRow() }
        self.rows = rows
    }
}
