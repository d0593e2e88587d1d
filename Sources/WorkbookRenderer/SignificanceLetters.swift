import PMOSurvey
import ReportStyle
import XlsxWriter

/// The letter marks of a breakdown's crosstab, as SPSS Custom Tables print them: each group has a
/// letter, and a share carries the letters of the groups whose share of the same category is
/// significantly lower (Holm-adjusted pairwise test at 5%).
struct SignificanceLetters {
    /// Groups other than All trusts, with their letters.
    let groups: [(group: ShareTable.Group, letter: String)]
    /// `marks[group][category]`: the letters of the groups this share is significantly above.
    let marks: [[String]]

    init(_ table: ShareTable, tests: Significance) {
        let groups = table.groups.filter { $0.label != Groups.allTrusts }
        self.groups = groups.enumerated().map { ($1, Self.letter($0)) }
        marks = groups.map { group in
            table.categories.map { category in
                tests.pairs(table.name.rawValue, category: category).compactMap { pair -> String? in
                    guard let adjusted = pair.pAdjusted, adjusted < Significance.level, let difference = pair.difference else { return nil }
                    let other: String, higher: Bool
                    if pair.groupA == group.label {
                        (other, higher) = (pair.groupB, difference > 0)
                    } else if pair.groupB == group.label {
                        (other, higher) = (pair.groupA, difference < 0)
                    } else {
                        return nil
                    }
                    guard higher, let index = groups.firstIndex(where: { $0.label == other }) else { return nil }
                    return Self.letter(index)
                }.sorted().joined(separator: " ")
            }
        }
    }

    /// A, B, …, Z, then AA, AB: more groups than letters never occur, but must not crash.
    static func letter(_ index: Int) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return index < 26 ? String(alphabet[index]) : letter(index / 26 - 1) + String(alphabet[index % 26])
    }
}

extension WorkbookBuilder {
    /// Rows a native chart of the breakdown sheets covers (400 px at Excel's default 20 px a row).
    static let chartRows = 21

    /// Writes the crosstab of shares with letter marks at `row`, `column`: a row per group
    /// (`Acute (A)`), and per category the share and, beside it, the letters.
    func writeLetters(_ table: ShareTable, row top: Int, column: Int, on sheet: Worksheet) throws(XlsxWriteError) {
        let letters = SignificanceLetters(table, tests: analysis.significance)
        guard letters.groups.count >= 2 else { return }
        try sheet.write("Significant differences between \(table.groupKind.rawValue.lowercased())s (from Tables \(table.name) and PairwiseTests)",
                        row: top, column: column, format: Styles.note)
        let header = top + 1
        try sheet.write(table.groupKind.rawValue.singleLine, row: header, column: column, format: Styles.blockHeader)
        for (c, category) in table.categories.enumerated() {
            try sheet.write((PMOModel(rawValue: category)?.label ?? category).singleLine, row: header,
                            column: column + 1 + 2 * c, format: Styles.blockNumberHeader)
            try sheet.write("", row: header, column: column + 2 + 2 * c, format: Styles.blockHeader)
        }
        for (r, (group, letter)) in letters.groups.enumerated() {
            let row = header + 1 + r
            let compared = group.base >= Significance.smallestPairBase
            try sheet.write("\(group.labelWithBase.singleLine) (\(compared ? letter : "not compared"))",
                            row: row, column: column, format: Styles.text)
            for (c, share) in group.figures.enumerated() {
                if let share {
                    try sheet.write(number: share.value, row: row, column: column + 1 + 2 * c, format: Styles.share)
                } else {
                    try sheet.write(Withheld.mark, row: row, column: column + 1 + 2 * c, format: Styles.withheld)
                }
                try sheet.write(letters.marks[r][c], row: row, column: column + 2 + 2 * c, format: Styles.label)
            }
        }
        let note = header + letters.groups.count + 1
        try sheet.write("A letter beside a share: the share is significantly higher (5% level) than that of the group with "
                        + "this letter, by a two-proportion z test or Fisher's exact test, Holm-adjusted over the pairs of the "
                        + "category.", row: note, column: column, format: Styles.note)
        try sheet.write("Groups with fewer than \(Significance.smallestPairBase) answers are not compared. No letter: no "
                        + "significant difference found, which does not show that the shares are the same.",
                        row: note + 1, column: column, format: Styles.note)
    }
}
