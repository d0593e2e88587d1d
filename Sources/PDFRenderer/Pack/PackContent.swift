import PDFCanvas
import PMOSurvey
import ReportStyle

/// The body of a trust's pack, section by section, from its benchmark alone.
struct PackContent {
    let benchmark: TrustBenchmark
    let definition: ReportDefinition
    let sourceFile: String
    let toolVersion: String
    private(set) var sections: [ReportSection] = []
    private var figures = Figures()

    init(benchmark: TrustBenchmark, definition: ReportDefinition, sourceFile: String, toolVersion: String) {
        self.benchmark = benchmark
        self.definition = definition
        self.sourceFile = sourceFile
        self.toolVersion = toolVersion
        sections = [glance(), staffing(), ranking(), modelAndServices(), changes(), answers(), about()]
    }

    private var trust: Response { benchmark.trust }

    private mutating func glance() -> ReportSection {
        let all = benchmark.fte[0], sector = benchmark.fte[1]
        let keyFigures = [
            KeyFigure(value: all.value.map { NumberStyle.amount.text($0) + " FTE" } ?? NumberText.missing,
                      caption: "your central PMO (\(trust.model.label.lowercased()) model)"),
            KeyFigure(value: sector.band?.name ?? (sector.isWithheld ? "Withheld" : NumberText.missing),
                      caption: "your band among \(sector.group.peersDescription) (n=\(sector.peerCount))"),
            KeyFigure(value: all.percentileRank.map { NumberText.decimal($0, places: 0) } ?? NumberText.missing,
                      caption: "your percentile rank among all other trusts (n=\(all.peerCount))"),
        ]
        var bullets = benchmark.comparisons.map { c in
            RichText.bold("\(c.measure.rawValue), \(c.group.label): ") + RichText(benchmark.sentence(for: c) + ".")
        }
        if let mix = benchmark.modelMix.first {
            bullets.append(RichText.bold("PMO model: ") + RichText(
                mix.share(of: trust.model).map {
                    "yours is \(trust.model.label.lowercased()); \(NumberText.percent($0.value)) of \(mix.group.peersDescription) "
                        + "(\($0.count) of \(mix.base)) have the same model."
                } ?? "yours is \(trust.model.label.lowercased()); how many of \(mix.group.peersDescription) share it is withheld, "
                    + "\(Withheld.reason)."))
        }
        return ReportSection(title: "At a glance", destination: "glance", blocks: [
            .prose("Where \(trust.trustName) stands among the \(benchmark.trustCount.grouped) trusts of the "
                   + "\(benchmark.wave) survey. Peers are always the other trusts: your own answer is never part of "
                   + "the figures you are compared with.", Typography.lead),
            .keyFigures(keyFigures),
            .subheading("Your position"),
            .bullets(bullets),
            positionTable(),
        ])
    }

    private mutating func positionTable() -> Block {
        let titles = ["Peers", "Yours", "Lowest", "Lower quartile", "Median", "Upper quartile", "Highest", "Band", "Percentile rank"]
        let columns = [Table.Column(title: "Measure and peer group", weight: 2.2, alignment: .left)]
            + titles.map { Table.Column(title: $0, weight: $0 == "Band" ? 1.5 : 0.9, alignment: $0 == "Band" ? .left : .right) }
        let rows = benchmark.comparisons.map { c in
            let style = c.measure.style
            func n(_ x: Double?) -> String { x.map(style.text) ?? NumberText.missing }
            let s = c.distribution
            // Withheld where the peers are too few, the extremes wherever a peer was not named.
            func statistic(_ x: Double?) -> String { x.map(style.text) ?? (c.isWithheld || s != nil ? Withheld.mark : NumberText.missing) }
            let band = c.band?.name ?? (c.isWithheld ? Withheld.mark : NumberText.missing)
            return Table.Row(cells: ["\(c.measure.rawValue): \(c.group.label)", c.peerCount.grouped, n(c.value),
                                     statistic(s?.lowest), statistic(s?.q1), statistic(s?.median), statistic(s?.q3),
                                     statistic(s?.highest), band,
                                     c.percentileRank.map { NumberText.decimal($0, places: 1) } ?? (c.isWithheld ? Withheld.mark : NumberText.missing)]
                .map { RichText($0) })
        }
        return figures.table("Your central PMO staffing against your peers", columns: columns, rows: rows,
                             note: "Peers: other trusts with a central or hybrid PMO that gave the figure. " + Withheld.markNote
                                + " Quartiles by inclusive interpolation (Excel QUARTILE.INC). "
                                + "Percentile rank: per cent of peers with a lower value plus half of those with the same value.")
    }

    private mutating func staffing() -> ReportSection {
        var blocks: [Block] = [.prose("Each bar spans your peers' values, shaded by quarter as in the Model Health System; "
                                      + "the dot is your trust. Where a peer did not agree to be named, the lowest and highest "
                                      + "values are withheld and only the middle half is drawn.", Typography.lead)]
        for (measure, comparisons) in [(PeerComparison.Measure.centralFTE, benchmark.fte),
                                       (.ftePer1000Staff, benchmark.ftePer1000Staff)] {
            let rows = comparisons.map { c in
                QuartileBands.Row(label: "\(c.group.label) (n=\(c.peerCount))",
                                  quartiles: c.distribution.map { [$0.lowest, $0.q1, $0.median, $0.q3, $0.highest] },
                                  value: c.value,
                                  comment: benchmark.note(for: c)
                                    ?? [c.band?.name, c.percentileRank.map { "percentile rank " + NumberText.decimal($0, places: 0) }]
                                        .compactMap { $0 }.joined(separator: ", "))
            }
            blocks.append(figures.figure(measure.rawValue + ": your quartile band", subtitle: "Other trusts with a central or hybrid PMO that gave the figure",
                                         .quartileBands(QuartileBands(rows: rows, axisTitle: measure.rawValue,
                                                                      places: measure == .centralFTE ? 0 : 1)),
                                         note: "Withheld: too few trusts of the group that were not named gave a figure."))
        }
        return ReportSection(title: "Central PMO staffing", destination: "staffing", blocks: blocks)
    }

    private mutating func ranking() -> ReportSection {
        guard !benchmark.rankingWithheld else {
            return ReportSection(title: "Ranking", destination: "ranking", blocks: [
                .prose("Withheld: only one or two trusts that were not named gave their central PMO FTE, so their peer codes "
                       + "would stand for them.", Typography.lead),
            ])
        }
        let sector = trust.sector
        let window = benchmark.rankingWindow(wholeUpTo: Self.rankedBarsWhole, neighbours: Self.rankedBarsShown)
        let windowed = window.count < benchmark.ranking.count
        // Other sectors' bars are hatched as well as pale, so that they are told apart without colour.
        let key = [ChartCategory(label: "Your trust", colour: Colour(Palette.ownTrust)),
                   ChartCategory(label: "Named \(sector.rawValue) trusts", colour: Colour(Palette.sectorPeers)),
                   ChartCategory(label: "Other trusts", colour: Colour(Palette.otherSectors), hatch: .diagonal)]
        let bars = benchmark.ranking[window].map { t in
            let style = t.isOwn ? key[0] : t.sector == sector ? key[1] : key[2]
            let name = t.isOwn ? "Your trust" : t.label
            return RankedBars.Bar(label: windowed ? "\(t.rank). \(name)" : name, value: t.centralFTE, colour: style.colour,
                                  isHighlighted: t.isOwn, hatch: style.hatch)
        }
        let own = benchmark.ranking.first(where: \.isOwn)
        let count = benchmark.ranking.count.grouped
        let strip = windowed
            ? RankedBars.Strip(values: benchmark.ranking.map(\.centralFTE), highlighted: own?.centralFTE, noun: "trusts")
            : nil
        let title = !windowed ? "Central PMO FTE of every trust, largest first"
            : own == nil ? "Central PMO FTE: the largest \(window.count) of \(count) trusts, and how every trust compares"
            : "Central PMO FTE: your trust among the \(window.count) nearest it in rank, of \(count) trusts"
        let ranks = windowed ? benchmark.rankSpan(window) : ""
        let subtitle = (windowed ? "Ranks \(ranks) of \(count) trusts; the strip shows every trust. " : "")
            + "Trusts with a central or hybrid PMO that gave it; others named only where they agreed"
        return ReportSection(title: "Ranking", destination: "ranking", blocks: [
            .prose(own.map { "\(trust.trustName) ranks \($0.rank.grouped) of \(count) trusts by central PMO FTE." }
                   ?? "\(trust.trustName) gave no central PMO FTE, so it is not in the ranking.", Typography.lead),
            figures.figure(title, subtitle: subtitle,
                           .rankedBars(RankedBars(bars: bars, key: key, axisTitle: "Central PMO FTE", strip: strip)),
                           note: windowed ? "Every trust's rank and FTE is in the FteRanking table of your pack's workbook." : nil),
        ])
    }

    /// Up to this many trusts, the ranking charts every one (two panels); past it, the trust's
    /// nearest neighbours by rank, under a strip of every trust.
    static let rankedBarsShown = 60
    static let rankedBarsWhole = 112

    private mutating func modelAndServices() -> ReportSection {
        let categories = PMOModel.allCases.map { ChartCategory(label: $0.label, colour: Colour(Palette.model($0)), hatch: Hatching.model($0)) }
        let rows = [StackedShares.Row(label: "Your trust", shares: PMOModel.allCases.map { $0 == trust.model ? 1 : 0 }, isTotal: true)]
            // A 100% bar with a segment withheld would stretch the others: no bar then.
            + benchmark.modelMix.filter { !$0.shares.contains { $0 == nil } }.map { mix in
                StackedShares.Row(label: "\(mix.group.label), others (n=\(mix.base))", shares: mix.shares.map { $0!.value },
                                  counts: mix.shares.map { $0!.count }, base: mix.base)
            }
        let withheld = benchmark.modelMix.filter { $0.shares.contains { $0 == nil } }.map {
            "\($0.group.label): \(Withheld.toProtect) (\($0.base) other trusts)."
        }
        var blocks: [Block] = [
            figures.figure("Your PMO model against your peers' mix", subtitle: "Share of the other trusts with each model",
                           .stackedShares(StackedShares(categories: categories, rows: rows)),
                           note: withheld.isEmpty ? nil : withheld.joined(separator: " ")),
        ]
        for coverage in [benchmark.projectTypes, benchmark.services] { blocks.append(coverageTable(coverage)) }
        return ReportSection(title: "Model, projects and services", destination: "model", blocks: blocks)
    }

    private mutating func coverageTable(_ coverage: PeerCoverage) -> Block {
        func cell(_ share: Share?) -> RichText {
            share.map { RichText("\(NumberText.percent($0.value)) (\($0.count) of \($0.base))") } ?? RichText(Withheld.mark)
        }
        let columns = [Table.Column(title: coverage.question, weight: 1.6, alignment: .left),
                       Table.Column(title: "Your trust", weight: 0.8, alignment: .left),
                       Table.Column(title: coverage.sectorGroup.label + ", others", weight: 1.3, alignment: .right),
                       Table.Column(title: "All trusts, others", weight: 1.3, alignment: .right)]
        let rows = coverage.items.map { item in
            Table.Row(cells: [RichText(item.name), item.isChosen ? .bold("Yes") : RichText("No"), cell(item.sector), cell(item.allTrusts)])
        }
        let plural = coverage.question == "Service" ? "Services" : "Project types"
        return figures.table("\(plural): yours and the share of your peers covering each", columns: columns, rows: rows,
                             note: "Share of the other trusts with a project function that answered the question; trusts could "
                                + "choose several. " + Withheld.markNote
                                + (coverage.answered ? "" : " You did not choose any item."))
    }

    private mutating func changes() -> ReportSection {
        let title = "Changes since the previous wave"
        guard let previous = benchmark.previousWave, let changes = benchmark.changes else {
            let why = benchmark.previousWave.map { "\(trust.trustName) did not answer the previous wave (\($0))." }
                ?? "The survey has one wave only: there is nothing to compare with."
            return ReportSection(title: title, destination: "changes", blocks: [.prose(why, Typography.lead)])
        }
        let columns = [Table.Column(title: "Question", weight: 1.6, alignment: .left),
                       Table.Column(title: previous, weight: 1.8, alignment: .left),
                       Table.Column(title: benchmark.wave, weight: 1.8, alignment: .left),
                       Table.Column(title: "Change", weight: 0.8, alignment: .right)]
        let rows = changes.map { c in
            Table.Row(cells: [RichText(c.question), RichText(c.previous.packText), RichText(c.latest.packText),
                              c.difference.map { RichText(($0 > 0 ? "+" : "") + NumberText.decimal($0, places: 2)) }
                                ?? (c.hasChanged ? .bold("changed") : RichText("same"))],
                      isTotal: false)
        }
        let changed = changes.filter(\.hasChanged).map { $0.question.lowercased() }
        return ReportSection(title: title, destination: "changes", blocks: [
            .prose(changed.isEmpty ? "Your answers are the same as in \(previous)."
                   : "Since \(previous) your answers changed on: \(changed.joined(separator: ", ")).", Typography.lead),
            figures.table("Your answers in \(previous) and \(benchmark.wave)", columns: columns, rows: rows, note: nil),
        ])
    }

    private mutating func answers() -> ReportSection {
        let columns = [Table.Column(title: "Question", weight: 1.4, alignment: .left),
                       Table.Column(title: "Your answer", weight: 3, alignment: .left)]
        let rows = benchmark.answers.map { Table.Row(cells: [RichText($0.question), RichText($0.answer.packText)]) }
        return ReportSection(title: "Your answers", destination: "answers", blocks: [
            figures.table("What \(trust.trustName) told the \(benchmark.wave) survey", columns: columns, rows: rows,
                          note: "Personal details of the respondent are never kept."),
        ])
    }

    private func about() -> ReportSection {
        var blocks: [Block] = []
        for (heading, lines) in benchmark.about(definition: definition, sourceFile: sourceFile, toolVersion: toolVersion) {
            blocks.append(.subheading(heading))
            blocks += lines.map { .prose($0) }
        }
        return ReportSection(title: "About this pack", destination: "about", blocks: blocks)
    }
}

extension FieldValue {
    /// The value as the pack prints it.
    var packText: String {
        switch self {
        case .text(let s): s
        case .integer(let n): n.grouped
        case .number(let x): x == x.rounded() ? NumberText.decimal(x, places: 1) : NumberText.decimal(x, places: 2)
        case .date(let d): d.longText
        case .boolean(let b): b ? "Yes" : "No"
        case .empty: NumberText.missing
        case .withheld: Withheld.mark
        }
    }
}
