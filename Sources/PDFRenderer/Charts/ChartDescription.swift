import PMOSurvey
import ReportStyle

/// Alternative text for charts, written from the chart's own figures: what kind of chart it is,
/// what it shows, and its key numbers, in the order a reader would want them (the overall
/// figure first). It stands in for the whole figure, title included, for readers who cannot see it.
extension PDFChart {
    public var alternativeText: String {
        let summary: [String]
        switch kind {
        case .stackedShares(let chart): summary = chart.description
        case .intervals(let chart): summary = chart.description
        case .smallMultiples(let chart): summary = chart.description
        case .distribution(let chart): summary = chart.description
        case .rankedBars(let chart): summary = chart.description
        case .quartileBands(let chart): summary = chart.description
        case .lines(let chart): summary = chart.description
        }
        return ([title, subtitle].compactMap { $0 } + summary).map(Self.sentence).joined(separator: " ")
    }

    /// Ends `text` with a full stop unless it already ends a sentence.
    static func sentence(_ text: String) -> String {
        guard let last = text.last, !".!?".contains(last) else { return text }
        return text + "."
    }
}

extension StackedShares {
    var description: [String] {
        // The total first: it is the headline.
        let ordered = rows.filter(\.isTotal) + rows.filter { !$0.isTotal }
        return ["Stacked bar chart, a bar per row dividing 100% between " + Reading.list(categories.map(\.label))]
            + ordered.map(describe)
    }

    private func describe(_ row: Row) -> String {
        let order = row.shares.indices.filter { row.shares[$0] > 0 }.sorted { row.shares[$0] > row.shares[$1] }
        guard let first = order.first else { return "\(row.label): no responses" }
        if order.count == 1 { return "\(row.label): all \(categories[first].label)" }
        func count(_ i: Int) -> String { row.counts.map { " (\($0[i].grouped))" } ?? "" }
        let top = order.filter { row.shares[$0] == row.shares[first] }
        var base = ""
        if let counts = row.counts, let n = row.base {
            base = " (\(counts[first].grouped) of \(n.grouped)\(top.count > 1 ? " each" : ""))"
        }
        let lead = top.count > 1
            ? "\(Reading.list(top.map { categories[$0].label })) are the most common, at \(NumberText.percent(row.shares[first])) each\(base)"
            : "\(categories[first].label) is the most common at \(NumberText.percent(row.shares[first]))\(base)"
        let rest = order.dropFirst(top.count).map { "\(categories[$0].label) \(NumberText.percent(row.shares[$0]))\(count($0))" }
        return "\(row.label): " + lead + (rest.isEmpty ? "" : ", then " + Reading.list(rest))
    }
}

extension Lines {
    /// Each line's first and last share and its range: the table after the chart has the latest points.
    var description: [String] {
        guard let first = pointLabels.first, let last = pointLabels.last else { return ["Line chart with no points"] }
        return ["Line chart of shares over \(pointLabels.count.grouped) points, \(first) to \(last), a line per "
                + Reading.list(series.map(\.category.label))]
            + series.map { line in
                let values = line.values.filter(\.isFinite)
                return "\(line.category.label): \(NumberText.percent(values.first ?? 0)) at \(first), "
                    + "\(NumberText.percent(values.last ?? 0)) at \(last), between \(NumberText.percent(values.min() ?? 0)) "
                    + "and \(NumberText.percent(values.max() ?? 0))"
            }
    }
}

extension Intervals {
    var description: [String] {
        ["Dot chart of shares, largest first, each with its 95% confidence interval",
         rows.map { "\($0.label) \(NumberText.percent($0.value)) (95% CI \(NumberText.interval($0.low, $0.high)))" }
            .joined(separator: "; ")]
    }
}

extension SmallMultiples {
    /// Every panel's three largest shares and its smallest: the table beside the chart has all.
    var description: [String] {
        ["Bar charts, one panel per group, a bar per category"] + panels.map { panel in
            let order = panel.shares.indices.sorted { panel.shares[$0] > panel.shares[$1] }
            let top = order.prefix(3).map { "\(categories[$0]) \(NumberText.percent(panel.shares[$0]))" }
            let lowest = order.count > 3 ? order.last.map { "; lowest \(categories[$0]) \(NumberText.percent(panel.shares[$0]))" } ?? "" : ""
            return "\(panel.title): highest \(Reading.list(top))\(lowest)"
        }
    }
}

extension Distribution {
    var description: [String] {
        ["Box plot of \(Reading.sentenceCase(axisTitle)) by group"] + rows.map { row in
            guard row.n > 0 else { return "\(row.label): no values" }
            guard let median = row.median, let q1 = row.q1, let q3 = row.q3 else {
                return "\(row.label): \(Withheld.toProtect)"
            }
            return "\(row.label): median \(NumberStyle.amount.text(median)), middle half \(NumberStyle.amount.text(q1)) to "
                + "\(NumberStyle.amount.text(q3)), "
                + (row.min.flatMap { lo in row.max.map { "range \(NumberStyle.amount.text(lo)) to \(NumberStyle.amount.text($0))" } }
                    ?? "lowest and highest withheld")
        }
    }
}

extension RankedBars {
    var description: [String] {
        guard let first = bars.first, let last = bars.last else { return ["Bar chart with no bars"] }
        var out = ["Bar chart of \(Reading.sentenceCase(axisTitle)), one bar per trust, largest first",
                   "\(bars.count.grouped) trusts, from \(NumberStyle.amount.text(first.value)) (\(first.label)) to "
                    + "\(NumberStyle.amount.text(last.value)) (\(last.label))"]
        if let own = bars.firstIndex(where: \.isHighlighted) {
            out.append("\(bars[own].label) is number \(own + 1) of \(bars.count.grouped), at \(NumberStyle.amount.text(bars[own].value))")
        }
        return out
    }
}

extension QuartileBands {
    var description: [String] {
        ["Quartile bands of \(Reading.sentenceCase(axisTitle)): for each peer group, the spread of the other trusts' "
            + "values by quarter, and your trust's value"] + rows.map { row in
            // One place more than the axis, as the position table gives them.
            func n(_ x: Double) -> String { NumberText.decimal(x, places: places + 1) }
            var parts = [row.value.map { "your trust \(n($0))" } ?? "no value for your trust"]
            if let q = row.quartiles, let q1 = q[1], let median = q[2], let q3 = q[3] {
                let range = q[0].flatMap { lo in q[4].map { "peers from \(n(lo)) to \(n($0)), " } } ?? "lowest and highest withheld, "
                parts.append(range + "lower quartile \(n(q1)), median \(n(median)), upper quartile \(n(q3))")
            }
            if !row.comment.isEmpty { parts.append(row.comment) }
            return "\(row.label): " + parts.joined(separator: "; ")
        }
    }
}
