import Foundation
import PMOSurvey
import Testing

/// The significance sheets and letter marks, read back with openpyxl, on a survey designed so that
/// Acute and Mental Health trusts differ plainly and a small group is left out of the pairs.
@Suite struct SignificanceSheetTests {
    /// Latest wave: Acute 30 hybrid + 10 central; Mental Health 5 hybrid + 35 central; Community
    /// 6 + 6; Ambulance 2 + 2 (too few to compare). The first 20 Acute trusts also answered in
    /// 2014, all central then.
    static let analysis: Analysis = {
        var responses: [Response] = []
        func add(_ wave: String, _ code: String, _ sector: Sector, _ model: PMOModel) {
            let line = responses.count + 2
            responses.append(Response(
                line: line, responseID: "R\(line)", wave: wave,
                submitted: SurveyDate(year: wave == "2014" ? 2014 : 2015, month: 6, day: 1),
                trustCode: code, trustName: "Trust \(code)", sector: sector, staffHeadcount: 4_000, model: model,
                centralFTE: 5, projectTypes: Selection([.it]), services: Selection([.training]), reportsTo: .finance,
                shareConsent: false))
        }
        for i in 0..<20 { add("2014", "A\(i)", .acute, .central) }
        let plan: [(String, Sector, Int, Int)] = [("A", .acute, 30, 10), ("M", .mentalHealth, 5, 35),
                                                   ("C", .community, 6, 6), ("B", .ambulance, 2, 2)]
        for (prefix, sector, hybrid, central) in plan {
            for i in 0..<(hybrid + central) { add("2015", "\(prefix)\(i)", sector, i < hybrid ? .hybrid : .central) }
        }
        // Internal use: every test over every group (what disclosure control leaves out is tested elsewhere).
        var definition = ReportDefinition()
        definition.internalUse = true
        return Analysis(survey: Survey(source: SurveySource(fileName: "s.csv", byteCount: 1, sha256: "", encoding: .utf8),
                                       responses: responses), definition: definition)
    }()

    static let book: Result<ReadWorkbook, Error> = Result {
        try ReadWorkbook.read(RenderedWorkbook(analysis: analysis, name: "significance").path)
    }

    @Test func theThreeTablesHoldTheAnalysisFigures() throws {
        let book = try Self.book.get(), significance = Self.analysis.significance
        for (name, sheet, columns, count) in [
            ("SignificanceTests", "Significance tests", Significance.testColumns, significance.tests.count),
            ("PairwiseTests", "Pairwise tests", Significance.pairColumns, significance.pairs.count),
            ("ModelTransitions", "Model transitions", Significance.transitionColumns, 16),
        ] {
            let table = try #require(book.table(name))
            #expect(table.sheet == sheet && table.headers == columns)
            #expect(book.rows(of: name).count == count, "\(name) rows")
        }
        // libxlsxwriter writes 16 significant digits.
        func same(_ a: [Double], _ b: [Double]) -> Bool {
            a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-15 * max(abs($0), abs($1)) }
        }
        let p = book.column("p_value", of: "SignificanceTests").map { Double($0!.value)! }
        #expect(same(p, significance.tests.map { $0.pValue! }))
        let adjusted = book.column("p_adjusted", of: "PairwiseTests").map { Double($0!.value)! }
        #expect(same(adjusted, significance.pairs.map { $0.pAdjusted! }))
        #expect(significance.pairs.contains { $0.pAdjusted! < 1e-6 })
        // 20 Acute trusts in both waves: central in 2014, hybrid (the first 30 of 2015 are) in 2015.
        let moves = book.rows(of: "ModelTransitions").filter { $0["count"]?.value != "0" }
            .map { "\($0["from_model"]!.value)>\($0["to_model"]!.value)=\($0["count"]!.value)" }
        #expect(moves == ["central>hybrid=20"])
    }

    @Test func sharesCarryTheLettersOfGroupsTheyExceed() throws {
        let cells = try #require(try Self.book.get().cells["Model by sector"])
        let caption = try #require(cells.first { $0.value.value.hasPrefix("Significant differences between sectors") })
        let (column, row) = ReadWorkbook.parse(caption.key)
        func cell(_ r: Int, _ c: Int) -> String? { cells["\(ReadWorkbook.letters(column + c))\(row + r)"]?.value }
        // Header one row below; rows Acute (A), Mental Health (B), Community (C), Ambulance (not compared).
        #expect(cell(1, 1) == "Central" && cell(1, 3) == "Hybrid")
        #expect(cell(2, 0) == "Acute (n=40) (A)" && cell(3, 0) == "Mental Health (n=40) (B)")
        #expect(cell(4, 0) == "Community (n=12) (C)" && cell(5, 0) == "Ambulance (n=4) (not compared)")
        // Hybrid: Acute 75% against Mental Health 12.5% (B); Mental Health's central 87.5% above Acute's 25% (A).
        #expect(cell(2, 3) == "0.75" && cell(2, 4)?.contains("B") == true)
        #expect(cell(3, 2)?.contains("A") == true)
        #expect(cell(3, 4) == nil)
        #expect(cell(5, 2) == nil && cell(5, 4) == nil)
        // Every letter is a significant pair in which this group's share is the higher.
        let groups = ["Acute", "Mental Health", "Community"], categories = ["central", "hybrid", "devolved", "none"]
        for (g, group) in groups.enumerated() {
            for (c, category) in categories.enumerated() {
                for letter in (cell(2 + g, 2 + 2 * c) ?? "").split(separator: " ") {
                    let other = groups[Int(letter.unicodeScalars.first!.value) - 65]
                    let pair = try #require(Self.analysis.significance.pair("ModelBySector", category: category, group, other))
                    let (mine, theirs) = pair.groupA == group ? (pair.shareA, pair.shareB) : (pair.shareB, pair.shareA)
                    #expect(pair.pAdjusted! < 0.05 && mine!.value > theirs!.value, "\(group) \(category) \(letter)")
                }
            }
        }
        #expect(cells.values.contains { $0.value.hasPrefix("A letter beside a share: the share is significantly higher") })
    }
}
