import PDFCanvas
import PMOSurvey
import ReportStyle

/// The body of the board report, section by section, built from the analysis alone: the figures
/// come from the breakdown tables, never from listing responses, so a survey of a million rows
/// makes a report of the same length.
struct ReportContent {
    let analysis: Analysis
    let naming: TrustNaming
    private(set) var sections: [ReportSection] = []
    var figures = Figures()

    init(analysis: Analysis) {
        self.analysis = analysis
        naming = analysis.sharedNaming
        sections.append(executiveSummary())
        for table in [analysis.modelBySector, analysis.modelBySize, analysis.pmoSizeBySector] {
            sections.append(singleChoice(table))
        }
        for table in analysis.fteTables { sections.append(staffing(table)) }
        for table in [analysis.projectTypesBySector, analysis.servicesBySector] {
            sections.append(multipleChoice(table))
        }
        sections.append(reportingLine(analysis.reportingLine))
        if let byWave = analysis.modelByWave { sections.append(trend(byWave)) }
        sections.append(method())
        sections.append(dataQuality())
        sections.append(participants())
    }

    var latestWave: String { Survey.shortened(analysis.survey.latestWave.displayLabel) }
    var tests: Significance { analysis.significance }

    private mutating func executiveSummary() -> ReportSection {
        var blocks: [Block] = []
        let model = analysis.modelBySector
        var keyFigures = [KeyFigure(value: analysis.latest.count.grouped,
                                    caption: "trusts took part in the \(latestWave) survey")]
        if let all = model.allTrusts, !all.hasWithheld,
           let top = zip(model.categories, all.figures.map { $0! }).max(by: { $0.1.count < $1.1.count }),
           let pmoModel = PMOModel(rawValue: top.0) {
            keyFigures.append(KeyFigure(value: NumberText.percent(top.1.value),
                                        caption: "\(Reading.verbPhrase(pmoModel)), the most common arrangement"))
        }
        if let fte = analysis.fteBySector.groups.first(where: { $0.label == Groups.allTrusts }), let median = fte.median {
            keyFigures.append(KeyFigure(value: NumberStyle.amount.text(median) + " FTE",
                                        caption: "median size of a central PMO (n=\(fte.n))"))
        }
        blocks.append(.keyFigures(keyFigures))

        var headlines: [RichText] = []
        if let headline = Reading.headline(model) { headlines.append(headline) }
        if let all = model.allTrusts, !all.hasWithheld {
            let others = zip(model.categories, all.figures.map { $0! }).sorted { $0.1.count > $1.1.count }.dropFirst()
                .map { "\(Reading.category($0.0)) \(NumberText.percent($0.1.value)) (\($0.1.count.grouped))" }
            if !others.isEmpty { headlines.append(RichText("The other arrangements: " + Reading.list(others) + ".")) }
        }
        if let test = Reading.tableTest(model, tests: tests) { headlines.append(RichText(test)) }
        if let fte = Reading.fte(analysis.fteBySector).first { headlines.append(fte) }
        if let projects = Reading.shares(analysis.projectTypesBySector, tests: tests).first { headlines.append(projects) }
        if let byWave = analysis.modelByWave, let change = Reading.trend(byWave, tests: tests).first { headlines.append(change) }
        blocks.append(.subheading("Headlines"))
        blocks.append(.bullets(headlines))
        blocks.append(figures.stacked(model, title: "How trusts organise project delivery, by sector"))
        // The overall mix is in the headlines; these say only how groups differ, with their caveats.
        for (heading, table) in [("What differs by sector", model), ("What differs by trust size", analysis.modelBySize)] {
            let differences = Reading.shares(table, tests: tests).dropFirst()
            guard !differences.isEmpty else { continue }
            blocks.append(.subheading(heading))
            blocks += differences.map { .paragraph($0, Typography.body) }
        }
        return ReportSection(title: "Executive summary", destination: "summary", blocks: blocks)
    }

    private mutating func singleChoice(_ table: ShareTable) -> ReportSection {
        guard !table.groups.isEmpty else { return unanswered(table.title, table.name) }
        return breakdown(table.title, table.name, reading: Reading.shares(table, tests: tests),
                         exhibits: [figures.stacked(table), figures.table(table)])
    }

    private mutating func staffing(_ table: FTETable) -> ReportSection {
        guard !table.groups.isEmpty else { return unanswered(table.title, table.name) }
        return breakdown(table.title, table.name, reading: Reading.fte(table),
                         exhibits: [figures.distribution(table), figures.table(table)])
    }

    /// Project types and services: the overall shares with their intervals, then a panel per sector.
    private mutating func multipleChoice(_ table: ShareTable) -> ReportSection {
        guard !table.groups.isEmpty else { return unanswered(table.title, table.name) }
        let overall = table.allTrusts.map { [figures.intervals(table, group: $0)] } ?? []
        return breakdown(table.title, table.name, reading: Reading.shares(table, tests: tests),
                         exhibits: overall + [figures.table(table), figures.smallMultiples(table)])
    }

    /// Six reporting lines are too many to stack legibly: the overall shares, then the table by sector.
    private mutating func reportingLine(_ table: ShareTable) -> ReportSection {
        guard !table.groups.isEmpty else { return unanswered(table.title, table.name) }
        let overall = table.allTrusts.map { [figures.intervals(table, group: $0)] } ?? []
        return breakdown(table.title, table.name, reading: Reading.shares(table, tests: tests), exhibits: overall + [figures.table(table)])
    }

    /// A breakdown no trust of the latest wave could be counted in: said in words, not as an
    /// empty chart and table.
    private func unanswered(_ title: String, _ table: TableName) -> ReportSection {
        let scope = analysis.survey.waves.count > 1 ? " of the \(latestWave) wave" : ""
        return ReportSection(title: title, destination: table.rawValue, blocks: [
            .prose("No trust\(scope) gave the answers this breakdown counts, so it has no figures. "
                   + "The \(table) table of the workbook and JSON export is empty for the same reason.", Typography.lead),
        ])
    }

    /// At most this many waves are charted and tabled; the workbook and JSON have every wave.
    static let trendWaves = 12

    /// The mix wave by wave: every wave when there are few, else the latest `trendWaves`, and the
    /// titles say which.
    private mutating func trend(_ table: ShareTable) -> ReportSection {
        let shown = Array(table.groups.suffix(Self.trendWaves))
        guard shown.count < table.groups.count else {
            return breakdown("Trend across survey waves", table.name, reading: Reading.trend(table, tests: tests),
                             exhibits: [figures.stacked(table), figures.table(table)]
                                + (tests.transitions.map { [figures.table($0)] } ?? []))
        }
        let title = "PMO model in the latest \(shown.count) of \(table.groups.count.grouped) survey waves"
        let scope = "The latest \(shown.count) waves of \(analysis.survey.waveSpan); the \(table.name) table of the "
            + "workbook and JSON export has every wave. "
        return breakdown("Trend across survey waves", table.name, reading: Reading.trend(table, tests: tests),
                         exhibits: [figures.lines(table, title: "PMO model across all \(table.groups.count.grouped) survey waves",
                                                  note: "Figure \(figures.figureCount + 2) and Table \(figures.tableCount + 1) "
                                                    + "show the latest \(shown.count) waves with every figure."),
                                    figures.stacked(table, title: title, groups: shown, scope: scope),
                                    figures.table(table, groups: shown, title: title, scope: scope)]
                            + (tests.transitions.map { [figures.table($0)] } ?? []))
    }

    /// A breakdown section: its first reading as a lead paragraph, the chart and table, then the
    /// rest of the reading.
    private func breakdown(_ title: String, _ table: TableName, reading: [RichText], exhibits: [Block]) -> ReportSection {
        var blocks: [Block] = [.paragraph(reading.first ?? "", Typography.lead)] + exhibits
        if reading.count > 1 {
            blocks.append(.subheading("Reading the figures"))
            blocks += reading.dropFirst().map { .paragraph($0, Typography.body) }
        }
        return ReportSection(title: title, destination: table.rawValue, blocks: blocks)
    }
}
