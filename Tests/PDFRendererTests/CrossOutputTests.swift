import Foundation
import PDFCanvas
@testable import PDFRenderer
import PMOSurvey
import ReportStyle
import TestSupport
import Testing
import WorkbookRenderer
import ZIPFoundation

/// The PDF and the workbook read side by side: each category has the same colour in both, and
/// each figure shown in both has the same text. The workbook is read back from its XML parts,
/// the PDF's text with poppler and its colours from the chart model it draws.
@Suite struct CrossOutputTests {
    /// One wave of 14 trusts with every PMO size band. Ashdown has 2.25 central FTE: a half
    /// that `%.1f` rounded to even (`2.2`) while the key figure rounded away (`2.3`).
    static let analysis = analysis(everyTrustNamed: false)

    /// `everyTrustNamed`: disclosure control then withholds nothing, so every figure can be compared.
    static func analysis(everyTrustNamed: Bool) -> Analysis {
        let plan: [(String, Sector, Int, PMOModel, Double?)] = [
            ("Ashdown", .acute, 4_000, .central, 2.25), ("Bramley", .acute, 5_000, .central, 6),
            ("Coldharbour", .acute, 7_000, .hybrid, 8), ("Denmead", .acute, 9_000, .hybrid, 20),
            ("Eastwick", .acute, 3_500, .central, nil), ("Fairlight", .acute, 2_500, .devolved, nil),
            ("Greatham", .acute, 2_000, .none, nil), ("Hartfield", .mentalHealth, 2_000, .central, 3.5),
            ("Iford", .mentalHealth, 3_100, .hybrid, 12), ("Jevington", .mentalHealth, 2_200, .devolved, nil),
            ("Kingston", .community, 1_500, .central, 4.75), ("Litlington", .community, 2_600, .hybrid, 16),
            ("Milton", .community, 2_800, .central, 2.5), ("Newick", .ambulance, 4_000, .hybrid, 7),
        ]
        let responses = plan.enumerated().map { i, trust in
            Response(line: i + 2, responseID: "R\(i)", submitted: SurveyDate(year: 2015, month: 3, day: 1 + i),
                     trustCode: "RX\(100 + i)", trustName: "\(trust.0) NHS Trust", sector: trust.1, staffHeadcount: trust.2,
                     model: trust.3, centralFTE: trust.4,
                     projectTypes: trust.3 == .none ? Selection() : Selection([.transformation] + (i % 2 == 0 ? [.it] : [])),
                     services: trust.3 == .none ? Selection() : Selection([.portfolioReporting]),
                     reportsTo: trust.3 == .none ? nil : .finance, shareConsent: everyTrustNamed || i % 3 == 0)
        }
        return Analysis(survey: Survey(source: Fixtures.source, responses: responses))
    }

    /// Ashdown's pack where every trust is named.
    static var ashdown: TrustBenchmark {
        let benchmarks = Benchmarks(analysis: analysis(everyTrustNamed: true))
        return benchmarks.benchmark(for: benchmarks.trusts.first { $0.trustName == "Ashdown NHS Trust" }!)
    }

    // MARK: Colours

    @Test func everyCategoryHasOneColourInBoth() throws {
        let workbook = try WrittenWorkbook(writing: { try WorkbookReport(analysis: Self.analysis, run: Fixtures.run).write(to: $0) })
        let content = ReportContent(analysis: Self.analysis)
        for table in [Self.analysis.modelBySector, Self.analysis.modelBySize, Self.analysis.pmoSizeBySector] {
            let pdf = try #require(Self.stackedCategories(in: content.sections.flatMap(\.blocks), title: table.title))
            let sheet = try #require(workbook.seriesColours(ofChartTitled: table.title))
            #expect(pdf.count == table.categories.count && sheet.count == table.categories.count)
            for (c, category) in table.categories.enumerated() {
                #expect(pdf[c].colour.rgb == sheet[c].fill, "\(table.title): \(category)")
                #expect(pdf[c].colour.rgb == Palette.category(category, at: c), "\(table.title): \(category)")
                // Paler than 3:1: outlined in both, by the same rule.
                #expect(pdf[c].colour.outline?.rgb == (sheet[c].outline == .white ? nil : sheet[c].outline), "\(category)")
            }
        }
    }

    /// The fixed drift: PMO size bands were NHS Blue, yellow, pink in the PDF (by position) and a
    /// blue ramp in the workbook.
    @Test func pmoSizeBandsAreTheWorkbooksBlueRampInBoth() throws {
        let workbook = try WrittenWorkbook(writing: { try WorkbookReport(analysis: Self.analysis, run: Fixtures.run).write(to: $0) })
        let table = Self.analysis.pmoSizeBySector
        let ramp = [RGB(0x41B6E6), RGB(0x005EB8), RGB(0x003087), RGB(0xAEB7BD), RGB(0x425563)]
        #expect(table.categories == PMOSize.allCases.map(\.rawValue))
        let pdf = try #require(Self.stackedCategories(in: ReportContent(analysis: Self.analysis).sections.flatMap(\.blocks),
                                                      title: table.title))
        #expect(pdf.map(\.colour.rgb) == ramp)
        let sheet = try #require(workbook.seriesColours(ofChartTitled: table.title))
        #expect(sheet.map(\.fill) == ramp)
    }

    @Test func packColoursAgree() throws {
        let benchmark = Self.ashdown
        let workbook = try WrittenWorkbook(writing: {
            try TrustPackWorkbook(benchmark: benchmark, analysis: Self.analysis, run: Fixtures.run).write(to: $0)
        })
        let pack = PackContent(benchmark: benchmark, definition: Self.analysis.definition, sourceFile: "survey.csv",
                               toolVersion: "9.9.9")
        let blocks = pack.sections.flatMap(\.blocks)
        let mix = try #require(Self.stackedCategories(in: blocks, title: "Your PMO model against your peers' mix"))
        let sheetMix = try #require(workbook.seriesColours(ofChartTitled: "PMO model: yours and your peers'"))
        #expect(sheetMix.map(\.fill) == mix.map(\.colour.rgb))
        let ranked = try #require(blocks.lazy.compactMap { block -> RankedBars? in
            if case .figure(let chart) = block, case .rankedBars(let bars) = chart.kind { return bars }
            return nil
        }.first)
        let ranking = try #require(workbook.seriesColours(ofChartTitled: "Central PMO FTE of every trust, largest first"))
        #expect(ranking.map(\.fill) == ranked.key.map(\.colour.rgb))
        #expect(ranked.key.map(\.colour.rgb) == [Palette.ownTrust, Palette.sectorPeers, Palette.otherSectors])
    }

    // MARK: Figures

    /// The fixed drift: 2.25 FTE is `2.3` in the key figure and in the sentence under it, in the
    /// pack's PDF and in its workbook.
    @Test func aHalfRoundsTheSameInTheKeyFigureAndTheSentence() throws {
        let benchmark = Self.ashdown
        let all = benchmark.fte[0]
        #expect(all.value == 2.25)
        let sentence = benchmark.sentence(for: all)
        #expect(sentence.hasPrefix("2.3: "), "\(sentence)")
        let folder = URL(fileURLWithPath: ScratchFolder.make("cross-output"))
        let path = folder.appendingPathComponent("ashdown.pdf").path
        try TrustPackPDF(benchmark: benchmark, analysis: Self.analysis, run: Fixtures.run).write(to: path)
        let pdf = try PDFTools.text(path)
        let keyFigure = pdf.contains("2.3 FTE")
        #expect(keyFigure)
        let workbook = try WrittenWorkbook(writing: {
            try TrustPackWorkbook(benchmark: benchmark, analysis: Self.analysis, run: Fixtures.run).write(to: $0)
        })
        for c in benchmark.fte + benchmark.ftePer1000Staff {
            let sentence = benchmark.sentence(for: c)
            let inPDF = pdf.contains("\(c.measure.rawValue), \(c.group.label): \(sentence).")
            let inWorkbook = c.measure != .centralFTE || workbook.text.contains(sentence)
            #expect(inPDF && inWorkbook, "\(sentence)")
        }
        let mix = try #require(benchmark.modelMix.first?.share(of: benchmark.trust.model))
        let same = "\(NumberText.percent(mix.value)) of \(benchmark.modelMix[0].group.peersDescription)"
        let sameInBoth = pdf.contains(same) && workbook.text.contains(same)
        #expect(sameInBoth, "\(same)")
    }

    /// The board report's headline figures: the median FTE and its quartiles, and each model's
    /// interval, as the PDF's headlines and the workbook's Summary and FTE sheet print them.
    @Test func headlineFiguresReadTheSame() throws {
        let workbook = try WrittenWorkbook(writing: { try WorkbookReport(analysis: Self.analysis, run: Fixtures.run).write(to: $0) })
        let path = URL(fileURLWithPath: ScratchFolder.make("cross-output")).appendingPathComponent("report.pdf").path
        try PDFReport(analysis: Self.analysis, run: Fixtures.run).write(to: path)
        let pdf = try PDFTools.text(path)
        let fte = try #require(Self.analysis.fteBySector.groups.first { $0.label == Groups.allTrusts })
        let (median, q1, q3) = (NumberStyle.amount.text(fte.median!), NumberStyle.amount.text(fte.q1!), NumberStyle.amount.text(fte.q3!))
        let sheets = workbook.text
        // The key figures print side by side, their captions under them.
        let keyFigure = pdf.contains("\(median) FTE trusts took part") || pdf.contains("\(median) FTE median size")
        let quartiles = pdf.contains("the median central PMO has \(median) FTE; the middle half have between \(q1) and \(q3) FTE")
        #expect(keyFigure && quartiles, "PDF: median \(median), quartiles \(q1) to \(q3)")
        #expect(sheets.contains("interquartile range \(q1) to \(q3);") && sheets.contains("All trusts (n=\(fte.n)), median \(median)"))
        // The headline's most common model, with its interval.
        let model = Self.analysis.modelBySector
        let all = try #require(model.allTrusts)
        let top = try #require(all.figures.map { $0! }.max { $0.count < $1.count })
        let ci = "95% CI \(NumberText.interval(top.interval.low, top.interval.high))"
        let inPDF = pdf.contains("\(top.count) (\(NumberText.percent(top.value)), \(ci))")
        #expect(inPDF && sheets.contains("\(top.count) of \(top.base) trusts; \(ci)"), "\(ci)")
    }

    static func stackedCategories(in blocks: [Block], title: String) -> [ChartCategory]? {
        blocks.lazy.compactMap { block -> [ChartCategory]? in
            guard case .figure(let chart) = block, chart.title.hasSuffix(title),
                  case .stackedShares(let shares) = chart.kind else { return nil }
            return shares.categories
        }.first
    }
}

/// A written workbook's XML parts: the text of its strings, charts and drawings, and the fill
/// and outline `a:srgbClr` of each chart series.
private struct WrittenWorkbook {
    let parts: [String: String]

    init(writing write: (String) throws -> Void) throws {
        let path = URL(fileURLWithPath: ScratchFolder.make("cross-output")).appendingPathComponent("book.xlsx").path
        try write(path)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive where entry.path.hasSuffix(".xml") {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = String(decoding: data, as: UTF8.self)
        }
        self.parts = parts
    }

    /// Every string the workbook shows, XML escapes undone.
    var text: String {
        parts.filter { $0.key.hasPrefix("xl/") }.values.joined(separator: "\n")
            .replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The fill and outline of each series with a fill, in order, of the chart with this title.
    func seriesColours(ofChartTitled title: String) -> [(fill: RGB, outline: RGB?)]? {
        guard let chart = parts.first(where: { $0.key.hasPrefix("xl/charts/chart") && $0.value.contains(">\(Self.escaped(title))<") })?.value
        else { return nil }
        return chart.components(separatedBy: "<c:ser>").dropFirst().compactMap { series in
            let shape = series.components(separatedBy: "<c:spPr>").dropFirst().first?.components(separatedBy: "</c:spPr>").first ?? ""
            let fill = shape.components(separatedBy: "<a:ln").first.flatMap(Self.colour)
            let line = shape.components(separatedBy: "<a:ln").dropFirst().first.flatMap(Self.colour)
            return fill.map { ($0, line) }
        }
    }

    private static func colour(in xml: String) -> RGB? {
        guard let range = xml.range(of: "<a:srgbClr val=\"") else { return nil }
        return UInt32(xml[range.upperBound...].prefix(6), radix: 16).map(RGB.init)
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }
}
