import PMOSurvey
import ReportStyle
import XlsxWriter

/// The pack's native charts and the blocks of figures they read.
enum PackCharts {
    private static let gridlines = Color(Palette.sheetGridline)
    private static let textColor = Color(Palette.sheetText)

    /// Categories top to bottom, value axis kept at the bottom.
    private static func categoryAxis(_ title: String?) -> Chart.Axis {
        Chart.Axis(title: title, reversed: true, crossesAtMaximum: true)
    }

    // MARK: Quartile bands

    /// A row per peer group: an invisible stretch up to the minimum, then the four quarters.
    /// Where a peer was not named the extremes are withheld: the stretch reaches the lower
    /// quartile and only the middle quarters are drawn.
    static func bandBlock(_ comparisons: [PeerComparison]) -> ChartBlock {
        ChartBlock(
            corner: "Peer group",
            rowLabels: comparisons.map { c in
                "\(c.group.label) (n=\(c.peerCount))" + (c.value.map { ": yours \(c.measure.style.text($0))" } ?? "")
                    + (c.band.map { ", \($0.name.lowercased())" } ?? "")
            },
            columnLabels: ["Up to minimum"] + QuartileBand.allCases.map(\.range),
            values: comparisons.map { c in
                let s = c.distribution!
                return [s.lowest ?? s.q1, s.lowest.map { s.q1 - $0 }, s.median - s.q1, s.q3 - s.median, s.highest.map { $0 - s.q3 }]
            })
    }

    static func bands(_ measure: PeerComparison.Measure, block: ChartBlock.Placed) -> Chart {
        let series = (0..<5).map { s in
            Chart.Series(name: block.name(ofSeries: s), categories: block.categories, values: block.values(ofSeries: s),
                         fill: s == 0 ? nil : Color(Palette.quarters[s - 1]),
                         border: s == 0 ? nil : Palette.border(for: Palette.quarters[s - 1]), inLegend: s > 0)
        }
        return Chart(
            kind: .stackedBar, title: "\(measure.rawValue): your quartile band among your peers",
            categoryAxis: categoryAxis(nil),
            valueAxis: Chart.Axis(title: "\(measure.rawValue) of the other trusts: minimum, quartiles, maximum",
                                  minimum: 0, gridlines: gridlines),
            series: series, legend: .bottom, gap: 50, fontName: Styles.font, textColor: textColor,
            widthPixels: 760, heightPixels: 150 + 45 * block.rowCount,
            description: ChartDescriptions.compose(
                "\(measure.rawValue): your quartile band among your peers",
                "Bar chart: for each peer group, the other trusts' values from lowest to highest, shaded by quarter",
                zip(block.block.rowLabels, block.block.values).map { label, v in
                    // The block holds the minimum (or, withheld, the lower quartile), then the width of each quarter.
                    let ends = v.indices.map { v[...$0].reduce(0) { $0 + ($1 ?? 0) } }.map(measure.style.text)
                    guard v[1] != nil, v[4] != nil else {
                        return "\(label): lower quartile \(ends[0]), median \(ends[2]), upper quartile \(ends[3]); lowest and highest withheld"
                    }
                    return "\(label): lowest \(ends[0]), lower quartile \(ends[1]), median \(ends[2]), upper quartile \(ends[3]), highest \(ends[4])"
                }))
    }

    // MARK: Ranking

    /// Up to this many trusts the chart shows every one; past it, the trust's nearest neighbours
    /// by rank (the FteRanking Table has every trust).
    static let rankingWhole = 112
    static let rankingNeighbours = 60

    static func rankingWindow(_ benchmark: TrustBenchmark) -> Range<Int> {
        benchmark.rankingWindow(wholeUpTo: rankingWhole, neighbours: rankingNeighbours)
    }

    /// One column per kind of bar (yours, your sector, other sectors), each row filled in one.
    static func rankingBlock(_ benchmark: TrustBenchmark) -> ChartBlock {
        let shown = benchmark.ranking[rankingWindow(benchmark)]
        return ChartBlock(
            corner: "Trust",
            rowLabels: shown.map { "\($0.rank). " + ($0.isOwn ? "\($0.label) (yours)" : $0.label) },
            columnLabels: ["Your trust", "Your sector, named (\(benchmark.trust.sector.rawValue))", "Other trusts"],
            values: shown.map { t in
                let column = t.isOwn ? 0 : t.sector == benchmark.trust.sector ? 1 : 2
                return (0..<3).map { $0 == column ? t.centralFTE : 0 }
            })
    }

    static func ranking(_ benchmark: TrustBenchmark, block: ChartBlock.Placed) -> Chart {
        let fills = [Palette.ownTrust, Palette.sectorPeers, Palette.otherSectors]
        let series = fills.indices.map { s in
            Chart.Series(name: block.name(ofSeries: s), categories: block.categories, values: block.values(ofSeries: s),
                         fill: Color(fills[s]), border: s == 0 ? textColor : Palette.border(for: fills[s]),
                         dataLabels: s == 0 ? Chart.DataLabels(numberFormat: NumberStyle.amount.excelLabelFormat, position: .insideBase,
                                                               fontColor: textColor, bold: true) : nil)
        }
        let window = rankingWindow(benchmark), count = benchmark.ranking.count
        let title = window.count == count ? "Central PMO FTE of every trust, largest first"
            : "Central PMO FTE: ranks \(benchmark.rankSpan(window)) of \(count.grouped) trusts, "
                + (benchmark.ranking[window].contains(where: \.isOwn) ? "yours among them" : "the largest")
                + " (the FteRanking table has every trust)"
        return Chart(
            kind: .stackedBar, title: title,
            categoryAxis: categoryAxis(nil),
            valueAxis: Chart.Axis(title: "Central PMO FTE", minimum: 0, gridlines: gridlines),
            series: series, legend: .top, gap: 30, fontName: Styles.font, textColor: textColor,
            widthPixels: 640, heightPixels: 120 + 14 * block.rowCount, description: rankingDescription(benchmark))
    }

    // MARK: Model mix

    static func mixBlock(_ benchmark: TrustBenchmark) -> ChartBlock {
        let own: [Double?] = PMOModel.allCases.map { $0 == benchmark.trust.model ? 1.0 : 0 }
        let rows = benchmark.modelMix.map { mix in
            // A 100% bar with a segment withheld would stretch the others: no bar then.
            ("\(mix.group.label), others (n=\(mix.base))" + (mix.shares.contains { $0 == nil } ? ": withheld" : ""),
             mix.shares.contains { $0 == nil } ? mix.shares.map { _ in nil } : mix.shares.map { $0?.value })
        }
        return ChartBlock(corner: "Trusts", rowLabels: ["Your trust"] + rows.map(\.0),
                          columnLabels: PMOModel.allCases.map(\.label), values: [own] + rows.map(\.1))
    }

    static func mix(block: ChartBlock.Placed) -> Chart {
        let series = PMOModel.allCases.indices.map { c in
            let fill = Palette.model(PMOModel.allCases[c])
            return Chart.Series(
                name: block.name(ofSeries: c), categories: block.categories, values: block.values(ofSeries: c),
                fill: Color(fill), border: Palette.border(for: fill),
                dataLabels: Chart.DataLabels(numberFormat: NumberStyle.roundShare.excelLabelFormat, position: .centre, fontColor: Palette.labelColor(on: fill)))
        }
        return Chart(
            kind: .percentStackedBar, title: "PMO model: yours and your peers'", categoryAxis: categoryAxis(nil),
            valueAxis: Chart.Axis(title: "Share of trusts", numberFormat: NumberStyle.roundShare.excelFormat, majorUnit: 0.25, gridlines: gridlines),
            series: series, legend: .top, gap: 50, fontName: Styles.font, textColor: textColor, heightPixels: 280,
            description: ChartDescriptions.compose("PMO model: yours and your peers'",
                                                   "Percent-stacked bar chart of PMO model, your trust and the other trusts",
                                                   block.block.rows { NumberText.percent($0) }))
    }

    // MARK: Coverage

    /// Items as rows, a column for the sector and one for all trusts (a withheld one left out);
    /// nil when both are withheld.
    static func coverageBlock(_ coverage: PeerCoverage) -> ChartBlock? {
        var columns: [(String, [Double?])] = []
        if !coverage.sectorWithheld {
            columns.append(("\(coverage.sectorGroup.label), others (n=\(coverage.sectorBase))",
                            coverage.items.map { $0.sector?.value }))
        }
        if !coverage.allWithheld {
            columns.append(("All trusts, others (n=\(coverage.allBase))", coverage.items.map { $0.allTrusts?.value }))
        }
        guard !columns.isEmpty else { return nil }
        return ChartBlock(corner: coverage.question,
                          rowLabels: coverage.items.map { $0.isChosen ? "\($0.name) (yours)" : $0.name },
                          columnLabels: columns.map(\.0),
                          values: coverage.items.indices.map { i in columns.map { $0.1[i] } })
    }

    static func coverage(_ coverage: PeerCoverage, block: ChartBlock.Placed) -> Chart {
        let fills = coverage.sectorWithheld ? [Palette.allPeers] : [Palette.sectorPeers, Palette.allPeers]
        let series = fills.indices.map { s in
            Chart.Series(name: block.name(ofSeries: s), categories: block.categories, values: block.values(ofSeries: s),
                         fill: Color(fills[s]))
        }
        return Chart(
            kind: .bar, title: "\(coverage.question == "Service" ? "Services" : "Project types"): share of peers covering each ((yours) = you do)",
            categoryAxis: categoryAxis(nil),
            valueAxis: Chart.Axis(title: "Share of trusts that answered", numberFormat: NumberStyle.roundShare.excelFormat, minimum: 0, maximum: 1,
                                  majorUnit: 0.25, gridlines: gridlines),
            series: series, legend: .bottom, gap: 60, fontName: Styles.font, textColor: textColor,
            widthPixels: 560, heightPixels: 120 + 20 * coverage.items.count * series.count,
            description: ChartDescriptions.compose(
                "\(coverage.question == "Service" ? "Services" : "Project types"): share of peers covering each",
                "Clustered bar chart; (yours) marks the items your trust chose", block.block.rows { NumberText.percent($0) }))
    }

    private static func rankingDescription(_ benchmark: TrustBenchmark) -> String {
        let ranking = benchmark.ranking
        guard let first = ranking.first, let last = ranking.last else {
            return "Central PMO FTE of every trust: no trust gave a figure."
        }
        var figures = ["\(ranking.count) trusts, from \(NumberText.decimal(first.centralFTE, places: 1)) (\(first.label)) to "
                       + "\(NumberText.decimal(last.centralFTE, places: 1)) (\(last.label))"]
        if let own = ranking.firstIndex(where: \.isOwn) {
            figures.append("Your trust is number \(own + 1) of \(ranking.count), at \(NumberText.decimal(ranking[own].centralFTE, places: 1))")
        }
        return ChartDescriptions.compose("Central PMO FTE of every trust, largest first",
                                         "Bar chart, one bar per trust; your trust, your sector and other sectors in separate colours",
                                         figures)
    }
}
