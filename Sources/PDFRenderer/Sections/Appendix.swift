import PDFCanvas
import PMOSurvey
import ReportStyle

extension ReportContent {
    mutating func method() -> ReportSection {
        let bounds = analysis.definition.bounds
        var blocks: [Block] = [
            .prose("Each NHS trust answers the survey once per wave. Where a trust answered more than once in a wave, "
                + "its latest submission counts and the others are set aside as superseded. Every figure describes the "
                + "latest wave, \(latestWave), except the trend across waves."
                + (analysis.survey.waves.count > 1 ? " Waves in this report: \(analysis.survey.waveSpan)." : "")),
            .subheading("Trust size"),
            .prose("Trusts are banded by their staff headcount:"),
            .bullets(bounds.trustSizeDefinitions.map { .bold($0.0.rawValue + ": ") + RichText($0.1) }),
            .subheading("Central PMO size"),
            .prose("Trusts with a central or hybrid model are banded by the full-time equivalents (FTE) of their central function:"),
            .bullets(bounds.pmoSizeDefinitions.map { .bold($0.0.rawValue + ": ") + RichText($0.1) }),
            .subheading("Shares and confidence intervals"),
            .prose("A share is the number of trusts in a category divided by the base: the trusts in the group that "
                + "answered the question. For project types, services and reporting line the base is trusts with some "
                + "project function. Where a trust could choose several answers, shares add to more than 100%. Shares "
                + "are shown to one decimal place and are not weighted."),
            .prose("The 95% confidence interval of a share is the Wilson score interval (z = 1.959964). It stays "
                + "between 0% and 100% and behaves well for small groups and for shares near 0% or 100%. Groups with "
                + "fewer than \(Reading.smallBase) answers are shown but left out of the comparisons in the text."),
        ]
        blocks += testsMethod()
        blocks += [
            .subheading("Medians and quartiles"),
            .prose("Central PMO FTE is summarised for trusts with a central or hybrid model that gave it. Medians and "
                + "quartiles use inclusive linear interpolation, as Excel's QUARTILE.INC and numpy's default. FTE per "
                + "1,000 staff divides central PMO FTE by staff headcount, for trusts that gave both."),
            .subheading("Naming trusts"),
            .paragraph(analysis.definition.internalUse
                ? "This is an internal-use edition: it names every trust, including those that did not agree to be named, "
                    + "and withholds no figure. It is not disclosure-controlled: do not share it."
                : "A trust is named only where it agreed to share its answers with other trusts. Its free-text answers "
                    + "are shown nowhere in this report, and no respondent's personal details appear in any output."),
        ]
        if let disclosure = analysis.disclosure {
            blocks += [.subheading("Disclosure control"), .prose(disclosure.method)]
        }
        blocks.append(.paragraph(RichText("The figures behind every chart, with counts and intervals, are in the tables of this report and, in long form, in the accompanying workbook and JSON export."), Typography.small))
        return ReportSection(title: "Appendix A: Method", destination: "method", blocks: blocks)
    }

    mutating func dataQuality() -> ReportSection {
        let survey = analysis.survey
        let counts = survey.counts
        let warnings = survey.findings.count { $0.severity == .warning }
        var blocks: [Block] = []
        if survey.sources.count == 1, survey.source.mapping == nil {
            blocks.append(.paragraph(RichText("The survey file ") + .bold(survey.source.fileName)
                + RichText(" (\(survey.source.byteCount.grouped) bytes, read as \(survey.source.encoding.rawValue)) held "
                    + "\(counts.rows.grouped) records. A rejected record reaches no figure.")))
        } else {
            blocks.append(.paragraph(RichText("The survey was read from \(survey.sources.count == 1 ? "one file" : "\(survey.sources.count) files"), "
                + "together holding \(counts.rows.grouped) records; a survey tool's export was read through the mapping named beside it. "
                + "A rejected record reaches no figure.")))
            blocks.append(figures.table("Input files",
                                        columns: [.init(title: "File and mapping", weight: 3, alignment: .left),
                                                  .init(title: "SHA-256", weight: 4, alignment: .left)],
                                        rows: survey.sources.flatMap { source in
                                            [Table.Row(cells: [RichText(source.fileName), RichText(source.sha256)])]
                                                + (source.mapping.map { m in [Table.Row(cells: [RichText("  mapping \(m.fileName) (\(m.tool))"), RichText(m.sha256)])] } ?? [])
                                        },
                                        note: nil))
        }
        let directory = survey.trustDirectory
        if directory.register != nil || directory.trustList != nil {
            var rows: [Table.Row] = []
            if let r = directory.register {
                rows.append(Table.Row(cells: [RichText("ODS register \(r.fileName) (\(r.trustCount.grouped) trusts"
                    + (r.date.map { ", latest change \($0)" } ?? "") + ")"), RichText(r.sha256)]))
            }
            if let l = directory.trustList {
                rows.append(Table.Row(cells: [RichText("Trust list \(l.fileName) (\(l.trustCount.grouped) trusts)"), RichText(l.sha256)]))
            }
            blocks.append(.paragraph(RichText("Answers are counted as one trust's when their ODS codes are the same, or when a name "
                + "typed matches an alias of the network's trust list or a name in NHS Digital's ODS register, ignoring case, "
                + "punctuation and endings such as \u{201C}NHS Trust\u{201D}; never by similarity alone."
                + (directory.register != nil ? " The register contains public sector information licensed under the Open "
                    + "Government Licence v3.0 (Contains NHS Digital data, Organisation Data Service)." : ""))))
            blocks.append(figures.table("Trust identity",
                                        columns: [.init(title: "File", weight: 3, alignment: .left),
                                                  .init(title: "SHA-256", weight: 4, alignment: .left)],
                                        rows: rows, note: nil))
        }
        let numbers = [("Records read", counts.rows), ("Used in the figures", counts.valid),
                       ("Rejected", counts.rejected), ("Superseded by a later answer from the same trust", counts.superseded),
                       ("Kept with a warning", warnings)]
        blocks.append(figures.table("How the survey records were used",
                                    columns: [.init(title: "Records", weight: 3, alignment: .left),
                                              .init(title: "Number", weight: 1, alignment: .right)],
                                    rows: numbers.map { Table.Row(cells: [RichText($0.0), RichText($0.1.grouped)]) },
                                    note: nil))
        let rejections = survey.rejectionsByColumn
        if !rejections.isEmpty {
            blocks.append(figures.table("Records rejected, by the column at fault",
                                        columns: [.init(title: "Column", weight: 3, alignment: .left),
                                                  .init(title: "Records rejected", weight: 1, alignment: .right)],
                                        rows: rejections.map { Table.Row(cells: [RichText($0.column), RichText($0.count.grouped)]) },
                                        note: "A record is counted once, under its first error."))
        }
        // A daily survey has thousands of waves: the latest are listed, the workbook has them all.
        let listed = survey.waves.suffix(Self.wavesListed)
        let waveRows = listed.map { wave in
            Table.Row(cells: [RichText(wave.displayLabel), RichText(wave.earliestSubmitted?.longText ?? NumberText.missing),
                              RichText(wave.responseCount.grouped)])
        }
        let windowed = listed.count < survey.waves.count
        let caption = windowed ? "The latest \(listed.count) of \(survey.waves.count.grouped) survey waves" : "Survey waves"
        blocks.append(figures.table(caption,
                                    columns: [.init(title: "Wave", weight: 2, alignment: .left),
                                              .init(title: "First submission", weight: 2, alignment: .left),
                                              .init(title: "Trusts", weight: 1, alignment: .right)],
                                    rows: waveRows,
                                    note: windowed ? "Waves: \(survey.waveSpan). The ModelByWave table of the workbook and "
                                        + "JSON export has every wave with its trusts." : nil))
        blocks.append(.prose("Each finding, with its line number and what to correct, is listed in the DataQuality table of the workbook.",
                                 Typography.small))
        return ReportSection(title: "Appendix B: Data quality", destination: "data-quality", blocks: blocks)
    }

    /// The most survey waves Appendix B lists (about a page).
    static let wavesListed = 40

    /// Consenting trusts by name (every trust in an internal-use edition), the others only counted.
    /// The longest list of named trusts the report prints (about ten pages).
    static let mostTrustsListed = 500

    mutating func participants() -> ReportSection {
        let survey = analysis.survey
        let current = survey.currentAnswers.map { survey.responses[$0] }
        var named = current.filter(naming.isNamed)
        let unnamed = current.count - named.count
        // A national survey can name hundreds of thousands of trusts: past a few pages the list
        // belongs in the workbook, not in a board paper.
        let listed = named.count <= Self.mostTrustsListed
        if listed {
            named = named.map { (key: (naming.name($0).lowercased(), $0.trustKey), response: $0) }
                .sorted { $0.key < $1.key }.map(\.response)
        }
        var blocks: [Block] = [
            .paragraph(RichText("\(current.count.grouped) trusts took part in at least one wave. ")
                + RichText(analysis.definition.internalUse
                    ? "This internal-use edition names them all"
                    : listed ? "These \(named.count.grouped) agreed to be named" : "\(named.count.grouped) agreed to be named")
                + RichText(listed ? ":" : "; the Responses sheet of the workbook lists them.")),
        ]
        if listed, !named.isEmpty {
            blocks.append(figures.table("Participating trusts",
                                        columns: [.init(title: "Trust", weight: 5, alignment: .left),
                                                  .init(title: "ODS code", weight: 1.2, alignment: .left),
                                                  .init(title: "Sector", weight: 1.8, alignment: .left)],
                                        rows: named.map { r in
                                            Table.Row(cells: [RichText(naming.name(r)), RichText(naming.code(r) ?? ""),
                                                              RichText(r.sector.rawValue)])
                                        },
                                        note: nil))
        }
        if unnamed > 0 {
            blocks.append(.prose(unnamed == 1 ? "1 other trust took part and is not named."
                                     : "\(unnamed.grouped) other trusts took part and are not named."))
        }
        return ReportSection(title: "Appendix C: Participating trusts", destination: "participants", blocks: blocks)
    }
}
