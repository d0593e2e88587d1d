/// Excel's A1 notation: what a workbook's formulas and ranges are written in, and what a person
/// looks for in a spreadsheet's header.
public enum CellReference {
    /// `A1` for (0, 0), `AB12` for (11, 27).
    public static func a1(row: Int, column: Int) -> String {
        columnLetters(column) + String(row + 1)
    }

    /// `A` for column 0, `Z` for 25, `AA` for 26: base 26 without a zero.
    public static func columnLetters(_ column: Int) -> String {
        var n = column + 1, letters = ""
        while n > 0 {
            let digit = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + digit))) + letters
            n = (n - 1) / 26
        }
        return letters
    }
}
