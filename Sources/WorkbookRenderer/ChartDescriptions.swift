import PMOSurvey
import ReportStyle

/// Alternative text of the workbook's charts, written from the figures they plot: what kind of
/// chart, what it shows, and its numbers, so that a screen reader user gets the chart too.
enum ChartDescriptions {
    /// `Title. Kind. Rows.`
    static func compose(_ title: String, _ kind: String, _ figures: [String]) -> String {
        ([title, kind] + figures).map { $0.hasSuffix(".") ? $0 : $0 + "." }.joined(separator: " ")
    }

    /// `Project type` as `project type` in running text, but `PMO model` as it is.
    private static func inSentence(_ kind: String) -> String {
        kind.dropFirst().first?.isUppercase == true ? kind : kind.lowercased()
    }

    static func stacked(_ table: ShareTable, block: ChartBlock) -> String {
        compose(table.title, "Percent-stacked bar chart of \(inSentence(table.categoryKind)) as a share of "
                    + "\(table.baseDescription), one bar per \(table.groupKind.rawValue.lowercased())",
                block.rows { NumberText.percent($0) })
    }

    static func clustered(_ table: ShareTable, block: ChartBlock) -> String {
        compose(table.title, "Clustered bar chart: the share of \(table.baseDescription) choosing each "
                    + "\(inSentence(table.categoryKind)), one bar per \(table.groupKind.rawValue.lowercased()); trusts could choose several",
                block.rows { NumberText.percent($0) })
    }

    static func quartileRange(_ table: FTETable) -> String {
        compose(table.title, "Bar chart of central PMO FTE: for each \(table.groupKind.rawValue.lowercased()), a bar from the lower "
                    + "to the upper quartile, its shade changing at the median",
                table.groups.map { g in
                    guard let median = g.median, let q1 = g.q1, let q3 = g.q3 else {
                        return "\(g.labelWithBase): \(Withheld.label)"
                    }
                    return "\(g.labelWithBase): median \(NumberText.decimal(median, places: 1)), lower quartile \(NumberText.decimal(q1, places: 1)), "
                        + "upper quartile \(NumberText.decimal(q3, places: 1))"
                })
    }
}

extension ChartBlock {
    /// Every row with each column's value: `Acute (n=84): Central 28.6%, Hybrid 47.6%`; a withheld
    /// figure is said to be withheld.
    func rows(_ format: (Double) -> String) -> [String] {
        zip(rowLabels, values).map { label, row in
            "\(label): " + zip(columnLabels, row).map { "\($0) \($1.map(format) ?? "withheld")" }.joined(separator: ", ")
        }
    }
}
