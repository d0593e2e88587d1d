import PDFCanvas
import PMOSurvey
import ReportStyle

/// Turns the analysis tables into charts and tables of figures, numbering them as they go.
struct Figures {
    private(set) var figureCount = 0
    private(set) var tableCount = 0

    /// The name a category goes by in charts and tables: `Hybrid` for the model `hybrid`.
    static func label(_ category: String) -> String {
        PMOModel(rawValue: category)?.label ?? category
    }

    mutating func figure(_ title: String, subtitle: String?, _ kind: PDFChart.Kind, note: String?) -> Block {
        figureCount += 1
        return .figure(PDFChart(title: "Figure \(figureCount): \(title)", subtitle: subtitle, kind: kind, note: note))
    }

    /// 100% stacked bars, one per group (of `groups` when given), `All trusts` set apart.
    mutating func stacked(_ table: ShareTable, title: String? = nil, groups: [ShareTable.Group]? = nil,
                          scope: String = "") -> Block {
        let categories = zip(table.categories, Hatching.styles(for: table.categories)).map {
            ChartCategory(label: Self.label($0), colour: $1.colour, hatch: $1.hatch)
        }
        // A 100% bar with a segment withheld would stretch the others: such a group gets no bar.
        let shown = (groups ?? table.groups).filter { !$0.hasWithheld }
        let rows = shown.map { group in
            let shares = group.figures.map { $0! }
            return StackedShares.Row(label: "\(Survey.shortened(group.label)) (n=\(group.base.grouped))",
                                     shares: shares.map(\.value), isTotal: group.label == Groups.allTrusts,
                                     counts: shares.map(\.count), base: group.base)
        }
        let left = (groups ?? table.groups).filter(\.hasWithheld).map { Survey.shortened($0.label) }
        return figure(title ?? table.title, subtitle: "\(table.categoryKind) as a share of \(table.baseDescription)",
                      .stackedShares(StackedShares(categories: categories, rows: rows)),
                      note: scope + "Percentages too small to label are left out of the bars; Table \(tableCount + 1) has every figure."
                        + (left.isEmpty ? "" : " No bar for \(Reading.list(left)): some of its figures are \(Withheld.toProtect)."))
    }

    /// A line per category across every group (wave). Past `mostPoints` groups, consecutive
    /// groups are pooled into one point (counts over bases), and the subtitle says how many.
    mutating func lines(_ table: ShareTable, title: String, mostPoints: Int = 240, note: String) -> Block {
        let groups = table.groups, size = max(1, (groups.count + mostPoints - 1) / max(1, mostPoints))
        let buckets = stride(from: 0, to: groups.count, by: size).map { groups[$0..<min($0 + size, groups.count)] }
        let colours = Hatching.styles(for: table.categories).map(\.colour)
        let series = table.categories.indices.map { c in
            Lines.Series(category: ChartCategory(label: Self.label(table.categories[c]), colour: colours[c]),
                         values: buckets.map { bucket in
                             // A pooled point over a withheld count would give it back: a gap instead.
                             let counts = bucket.map { $0.share(c)?.count }
                             guard !counts.contains(where: { $0 == nil }) else { return .nan }
                             return Double(counts.reduce(0) { $0 + $1! }) / Double(max(1, bucket.map(\.base).reduce(0, +)))
                         })
        }
        let pooled = size > 1 ? "; each point pools \(size) consecutive waves" : ""
        return figure(title, subtitle: "\(table.categoryKind) as a share of \(table.baseDescription)\(pooled)",
                      .lines(Lines(series: series, pointLabels: buckets.map { Survey.shortened($0.first!.label) })),
                      note: note + (table.hasWithheld ? " A gap in a line: the figure is \(Withheld.toProtect)." : ""))
    }

    /// One group's shares of every category, largest first, with their 95% intervals.
    mutating func intervals(_ table: ShareTable, group: ShareTable.Group, colour: Colour = Colour(Palette.nhsBlue)) -> Block {
        // Withheld shares are left out; the order of the others would bound them, so then the
        // contract's order.
        let published = zip(table.categories, group.figures).compactMap { c, s in s.map { (c, $0) } }
        let rows = (group.hasWithheld ? published : published.sorted { $0.1.value > $1.1.value })
            .map { category, share in
                Intervals.Row(label: Self.label(category), value: share.value, low: share.interval.low,
                              high: share.interval.high)
            }
        let choice = table.multipleChoice ? " Trusts could choose several, so shares add to more than 100%." : ""
        return figure("\(table.categoryKind): \(group.label.lowercased()) (n=\(group.base))",
                      subtitle: "Share of \(table.baseDescription), with 95% confidence interval",
                      .intervals(Intervals(rows: rows, colour: colour)),
                      note: "Base: \(group.base) \(table.baseDescription).\(choice)"
                        + (group.hasWithheld ? " Some shares are \(Withheld.toProtect)." : ""))
    }

    /// A panel per group, categories in the order of the `All trusts` shares.
    mutating func smallMultiples(_ table: ShareTable) -> Block {
        // Ordered by All trusts' shares only where none is withheld: the order would bound it.
        let all = table.allTrusts.flatMap { $0.hasWithheld ? nil : $0 }
        let order = table.categories.indices.sorted {
            (all?.share($0)?.value ?? 0, -$1) > (all?.share($1)?.value ?? 0, -$0)
        }
        // A withheld share draws no bar (NaN), never a bar of zero.
        let panels = table.groups.map { group in
            SmallMultiples.Panel(title: group.labelWithBase, shares: order.map { group.share($0)?.value ?? .nan })
        }
        return figure(table.title,
                      subtitle: "Share of \(table.baseDescription) in each \(table.groupKind.rawValue.lowercased())",
                      .smallMultiples(SmallMultiples(categories: order.map { Self.label(table.categories[$0]) },
                                                     panels: panels, columns: 2, colour: Colour(Palette.nhsBlue))),
                      note: "Trusts could choose several, so a group's shares add to more than 100%."
                        + (table.hasWithheld ? " A missing bar: the share is \(Withheld.toProtect)." : ""))
    }

    mutating func distribution(_ table: FTETable) -> Block {
        let rows = table.groups.map { group in
            Distribution.Row(label: group.labelWithBase, n: group.n, values: group.values, min: group.min, q1: group.q1,
                             median: group.median, q3: group.q3, max: group.max)
        }
        return figure(table.title, subtitle: "Full-time equivalents in the central function, trusts with a central or hybrid model that gave it",
                      .distribution(Distribution(rows: rows, axisTitle: "Central PMO FTE", colour: Colour(Palette.darkBlue))),
                      note: nil)
    }

    mutating func table(_ caption: String, columns: [Table.Column], rows: [Table.Row], note: String?) -> Block {
        tableCount += 1
        return .table(Table(caption: "Table \(tableCount): \(caption)", columns: columns, rows: rows, note: note))
    }

    /// The wide form of a share table: a row per group (of `groups` when given), a column per
    /// category, every figure.
    mutating func table(_ table: ShareTable, groups: [ShareTable.Group]? = nil, title: String? = nil,
                        scope: String = "") -> Block {
        let columns = [Table.Column(title: table.groupKind.rawValue, weight: 1.5, alignment: .left),
                       Table.Column(title: "Base (n)", weight: 0.6, alignment: .right)]
            + table.categories.map { Table.Column(title: Self.label($0), weight: 1.15, alignment: .right) }
        let rows = (groups ?? table.groups).map { group in
            Table.Row(cells: [RichText(group.label), RichText(group.base.grouped)] + group.figures.map { share in
                guard let share else { return RichText(Withheld.mark) }
                return RichText("\(NumberText.percent(share.value)) (\(share.count.grouped))")
                    + RichText([.init("\n" + NumberText.intervalInPercent(share.interval.low, share.interval.high),
                                      colour: Colour(Palette.secondaryText))])
            }, isTotal: group.label == Groups.allTrusts)
        }
        return self.table(title ?? table.title, columns: columns, rows: rows,
                          note: scope + "Each cell: share of the base (count), and under it the 95% confidence interval in per cent. "
                            + "Base: \(table.baseDescription)."
                            + (table.multipleChoice ? " Trusts could choose several, so shares add to more than 100%." : "")
                            + (table.hasWithheld ? " " + Withheld.markNote : ""))
    }

    mutating func table(_ table: FTETable) -> Block {
        let titles = ["n", "Median", "Lower quartile", "Upper quartile", "Mean", "Lowest", "Highest", "Median per 1,000 staff"]
        let columns = [Table.Column(title: table.groupKind.rawValue, weight: 1.6, alignment: .left)]
            + titles.map { Table.Column(title: $0, weight: 1, alignment: .right) }
        let rows = table.groups.map { group in
            let figures = [FTEStatistic.median, .q1, .q3, .mean, .min, .max].map { s in
                group.statistic(s).map(NumberStyle.amount.text) ?? Withheld.mark
            }
            let perThousand = group.medianPer1000Staff.map(NumberStyle.ratio.text)
                ?? (group.withheld.contains(.medianPer1000Staff) ? Withheld.mark : NumberText.missing)
            return Table.Row(cells: ([group.label, group.n.grouped] + figures + [perThousand]).map { RichText($0) },
                             isTotal: group.label == Groups.allTrusts)
        }
        return self.table(table.title, columns: columns, rows: rows,
                          note: "Central PMO full-time equivalents (FTE) of trusts with a central or hybrid model that gave it. "
                            + "Quartiles by inclusive interpolation (Excel QUARTILE.INC). Per 1,000 staff: trusts that also gave their headcount."
                            + (table.hasWithheld ? " " + Withheld.markNote : ""))
    }
}
