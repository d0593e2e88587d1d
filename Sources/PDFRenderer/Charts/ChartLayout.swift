import PDFCanvas
import PMOSurvey
import ReportStyle

extension PDFChart {
    /// Lays the chart out `width` points wide: title, subtitle, plot, note, top to bottom. Its
    /// height follows from the content (rows, wrapped labels).
    public func layout(width: Double, measure: any TextMeasuring) -> ChartLayout {
        var b = MarkBuilder(width: width, measure: measure)
        b.paragraph(title, ChartStyle.title, spaceAfter: 2)
        b.paragraph(subtitle, ChartStyle.subtitle, spaceAfter: 4)
        b.y += 6
        switch kind {
        case .stackedShares(let chart): chart.layout(&b)
        case .intervals(let chart): chart.layout(&b)
        case .smallMultiples(let chart): chart.layout(&b)
        case .distribution(let chart): chart.layout(&b)
        case .rankedBars(let chart): chart.layout(&b)
        case .quartileBands(let chart): chart.layout(&b)
        case .lines(let chart): chart.layout(&b)
        }
        b.y += 6
        b.paragraph(note, ChartStyle.note, spaceAfter: 0)
        return b.finished(alternativeText: alternativeText)
    }
}

/// A share as a bar label: whole percentages, `<1%` for a sliver that would otherwise read `0%`.
func barLabel(_ share: Double) -> String {
    share > 0 && share < 0.005 ? "<1%" : NumberStyle.roundShare.text(share)
}

extension StackedShares {
    static let barHeight = 14.0

    func layout(_ b: inout MarkBuilder) {
        swatches(categories, into: &b)
        let column = b.labelColumn(rows.map(\.label))
        let scale = LinearScale.shares(range: plotRange(column + ChartStyle.gutter, b.width - 1))
        let top = b.y, gridIndex = b.marks.count
        for row in rows {
            if row.isTotal { b.y += 6 }
            let height = b.rowHeight(row.label, bold: row.isTotal, column: column, minimum: Self.barHeight + 4)
            let mid = b.y + height / 2
            b.rowLabel(row.label, bold: row.isTotal, column: column, midY: mid)
            var start = 0.0
            for (share, category) in zip(row.shares, categories) where share > 0 {
                let x0 = scale.position(start), x1 = scale.position(start + share)
                start += share
                // A hairline of white between segments keeps neighbours apart whatever their colours.
                let bar = Rect(x: x0, y: mid - Self.barHeight / 2, width: max(0.5, x1 - x0 - 0.75),
                               height: Self.barHeight)
                b.marks.append(.rect(bar, fill: category.colour, hatch: category.hatch))
                let label = barLabel(share)
                let style = ChartStyle.value.with(colour: category.colour.labelColour)
                let size = b.size(label, style)
                // A label that does not fit its segment is left out; the table has every figure.
                if size.width + 4 <= bar.width, size.height <= Self.barHeight + 1 {
                    b.text(RichText(label), style, at: Point(x: bar.midX - size.width / 2, y: mid - size.height / 2),
                           background: category.hatch == .none ? nil : category.colour)
                }
            }
            if row.shares.allSatisfy({ $0 <= 0 }) {
                let size = b.size("no responses", ChartStyle.axis)
                b.text(RichText("no responses"), ChartStyle.axis,
                       at: Point(x: scale.range.lowerBound + 2, y: mid - size.height / 2))
            }
            b.y += height + 2
        }
        b.axis(scale, top: top - 2, bottom: b.y, gridIndex: gridIndex) { NumberStyle.roundShare.text($0) }
    }
}

extension Intervals {
    func layout(_ b: inout MarkBuilder) {
        let column = b.labelColumn(rows.map(\.label))
        let valueWidth = b.size("100.0%", ChartStyle.value).width + 2
        let scale = LinearScale.shares(range: plotRange(column + ChartStyle.gutter + 4, b.width - valueWidth - 14))
        let top = b.y, gridIndex = b.marks.count
        for row in rows {
            let height = b.rowHeight(row.label, bold: false, column: column, minimum: 16)
            let mid = b.y + height / 2
            b.rowLabel(row.label, bold: false, column: column, midY: mid)
            let low = scale.position(row.low), high = scale.position(row.high)
            b.marks.append(.line(from: Point(x: low, y: mid), to: Point(x: high, y: mid),
                                 colour: Colour(Palette.darkGrey), width: 1))
            for x in [low, high] {
                b.marks.append(.line(from: Point(x: x, y: mid - 3.5), to: Point(x: x, y: mid + 3.5),
                                     colour: Colour(Palette.darkGrey), width: 1))
            }
            b.marks.append(.dot(centre: Point(x: scale.position(row.value), y: mid), radius: 3.5,
                                fill: colour, stroke: .white))
            let text = NumberText.percent(row.value)
            let size = b.size(text, ChartStyle.value)
            b.text(RichText(text), ChartStyle.value,
                   at: Point(x: b.width - size.width, y: mid - size.height / 2))
            b.y += height
        }
        b.axis(scale, top: top, bottom: b.y + 2, gridIndex: gridIndex) { NumberStyle.roundShare.text($0) }
        b.y += 3
        b.text(RichText("Dot: share. Line: 95% confidence interval."), ChartStyle.axis,
               at: Point(x: scale.range.lowerBound, y: b.y))
        b.y += b.size("D", ChartStyle.axis).height
    }
}

extension SmallMultiples {
    func layout(_ b: inout MarkBuilder) {
        let gap = 18.0
        let panelWidth = (b.width - gap * Double(columns - 1)) / Double(columns)
        let widest = categories.map { b.size($0, ChartStyle.label).width }.max() ?? 0
        let column = min(widest.rounded(.up) + 1, panelWidth * 0.45)
        let valueWidth = b.size("100%", ChartStyle.value).width + 4
        var index = 0
        while index < panels.count {
            let row = panels[index..<min(index + columns, panels.count)]
            let top = b.y
            var bottom = top
            for (slot, panel) in row.enumerated() {
                let left = Double(slot) * (panelWidth + gap)
                let scale = LinearScale.shares(
                    range: plotRange(left + column + ChartStyle.gutter, left + panelWidth - valueWidth))
                let title = b.text(RichText(panel.title), ChartStyle.totalLabel, at: Point(x: left, y: top),
                                   wrap: panelWidth)
                var y = title.maxY + 4
                b.marks.append(.line(from: Point(x: scale.range.lowerBound, y: y),
                                     to: Point(x: scale.range.lowerBound, y: y + Double(categories.count) * 12),
                                     colour: ChartStyle.axisLine, width: 0.5))
                for (category, share) in zip(categories, panel.shares) {
                    let height = b.rowHeight(category, bold: false, column: column, minimum: 12)
                    let mid = y + height / 2
                    b.rowLabel(category, bold: false, column: column, midY: mid, x: left)
                    let end = scale.position(share)
                    if share > 0 {
                        b.marks.append(.rect(Rect(x: scale.range.lowerBound, y: mid - 4,
                                                  width: max(0.5, end - scale.range.lowerBound), height: 8),
                                             fill: colour))
                    }
                    let text = barLabel(share)
                    let size = b.size(text, ChartStyle.value)
                    b.text(RichText(text), ChartStyle.value, at: Point(x: end + 3, y: mid - size.height / 2))
                    y += height
                }
                bottom = max(bottom, y)
            }
            b.y = bottom + 12
            index += columns
        }
        b.y -= 12
    }
}

extension Distribution {
    func layout(_ b: inout MarkBuilder) {
        let column = b.labelColumn(rows.map(\.label))
        let maximum = rows.compactMap { $0.max ?? $0.q3 }.max() ?? 0
        let medianWidth = b.size("median 8,888.8", ChartStyle.value).width
        let scale = LinearScale.nice(maximum: maximum,
                                     range: plotRange(column + ChartStyle.gutter + 4, b.width - medianWidth - 12))
        let top = b.y, gridIndex = b.marks.count
        for row in rows {
            let height = b.rowHeight(row.label, bold: false, column: column, minimum: 22)
            let mid = b.y + height / 2
            b.rowLabel(row.label, bold: false, column: column, midY: mid)
            let summary: String
            if row.n == 0 {
                summary = "no values"
            } else if let median = row.median {
                box(row, scale: scale, mid: mid, into: &b)
                summary = "median " + NumberStyle.amount.text(median)
            } else {
                summary = "withheld"
            }
            let size = b.size(summary, ChartStyle.value)
            b.text(RichText(summary), ChartStyle.value, at: Point(x: b.width - size.width, y: mid - size.height / 2))
            b.y += height
        }
        let whole = scale.ticks.allSatisfy { $0 == $0.rounded() }
        b.axis(scale, top: top, bottom: b.y + 2, gridIndex: gridIndex) {
            NumberText.decimal($0, places: whole ? 0 : 1)
        }
        b.y += 2
        b.text(axisTitle, ChartStyle.axis, centredOn: (scale.range.lowerBound + scale.range.upperBound) / 2, top: b.y)
        b.y += b.size(axisTitle, ChartStyle.axis).height + 3
        let legend = "Box: middle half of trusts (lower to upper quartile). Thick line: median."
            + (rows.contains { $0.min != nil && $0.n > 1 } ? " Whiskers: lowest to highest." : "")
            + (rows.contains { !$0.values.isEmpty && $0.values.count < pointsBelow } ? " Dots: each trust where a group has fewer than \(pointsBelow)." : "")
            + (rows.contains { $0.n > 0 && ($0.min == nil || $0.median == nil) }
                ? " Lowest and highest values, and statistics over too few trusts that were not named, are withheld and not drawn." : "")
        b.paragraph(legend, ChartStyle.axis, spaceAfter: 0)
    }

    private func box(_ row: Row, scale: LinearScale, mid: Double, into b: inout MarkBuilder) {
        let few = row.values.count < pointsBelow
        if row.n > 1, let rowQ1 = row.q1, let rowQ3 = row.q3 {
            if let rowMin = row.min, let rowMax = row.max {
                let low = scale.position(rowMin), high = scale.position(rowMax)
                b.marks.append(.line(from: Point(x: low, y: mid), to: Point(x: high, y: mid), colour: Colour(Palette.darkGrey), width: 0.75))
                for x in [low, high] {
                    b.marks.append(.line(from: Point(x: x, y: mid - 4), to: Point(x: x, y: mid + 4),
                                         colour: Colour(Palette.darkGrey), width: 0.75))
                }
            }
            let q1 = scale.position(rowQ1), q3 = scale.position(rowQ3)
            b.marks.append(.rect(Rect(x: q1, y: mid - 6, width: max(0.5, q3 - q1), height: 12), fill: Colour(Palette.paleBlue)))
        }
        guard let rowMedian = row.median else { return }
        let median = scale.position(rowMedian)
        b.marks.append(.line(from: Point(x: median, y: mid - 7), to: Point(x: median, y: mid + 7), colour: colour, width: 2.5))
        if few || row.values.count == 1 {
            for value in row.values {
                b.marks.append(.dot(centre: Point(x: scale.position(value), y: mid), radius: 2.2,
                                    fill: .white, stroke: Colour(Palette.text)))
            }
        }
    }
}
