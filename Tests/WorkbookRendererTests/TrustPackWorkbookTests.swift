import Foundation
import PMOSurvey
import Testing
import TestSupport
import WorkbookRenderer

/// The pack of Alderbury (`Tests/Fixtures/benchmark-pack.csv`), read back with openpyxl and unzip.
@Suite struct TrustPackWorkbookTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/benchmark-pack.csv").path
    static let hidden = ["Cedarbrook", "Dunmore", "Elmstead", "Fernhill", "Gorsebank", "Hazelmere", "Ivydale",
                         "RC903", "RD904", "RE905", "RF906", "RG907", "RH908", "RI909", "secret remark"]

    /// `named`: the fixture with every trust's consent yes, where disclosure control withholds nothing.
    static func write(code: String, named: Bool = false) throws -> String {
        var path = fixture
        if named {
            path = ScratchFolder.make("workbook") + "/named.csv"
            try String(contentsOfFile: fixture, encoding: .utf8).replacingOccurrences(of: ",no,", with: ",yes,")
                .write(toFile: path, atomically: true, encoding: .utf8)
        }
        let survey = try SurveyReader(bounds: .standard, currentYear: 2026).read(path: path)
        let analysis = Analysis(survey: survey)
        let benchmarks = Benchmarks(analysis: analysis)
        let output = ScratchFolder.make("workbook") + "/\(code).xlsx"
        try TrustPackWorkbook(benchmark: benchmarks.benchmark(for: benchmarks.trusts.first { $0.trustCode == code }!),
                              analysis: analysis, run: SurveyFixture.run).write(to: output)
        return output
    }

    @Test func handWorkedFiguresReadBack() throws {
        let book = try ReadWorkbook.read(Self.write(code: "RA901", named: true))
        #expect(Set(["Position", "FteRanking", "YourAnswers", "ModelMix", "ProjectTypeCoverage", "ServiceCoverage",
                     "ChangesSincePreviousWave"]).isSubset(of: Set(book.tables.map(\.name))))
        let rows = book.rows(of: "Position")
        let all = try #require(rows.first { $0["measure"]?.value == "Central PMO FTE" && $0["peer_group"]?.value == "All trusts" })
        #expect(Double(all["lower_quartile"]!.value) == 3.25 && Double(all["median"]!.value) == 4.5)
        #expect(Double(all["upper_quartile"]!.value) == 7.25 && all["quartile_band"]?.value == "Median to upper quartile")
        #expect(abs(Double(all["percentile_rank"]!.value)! - 400.0 / 6) < 1e-9)
        #expect(Double(all["minimum"]!.value) == 2 && Double(all["maximum"]!.value) == 10)
        let central = try #require(book.rows(of: "ModelMix").first { $0["model"]?.value == "Central" })
        #expect(Double(central["sector_share"]!.value) == 0.4 && central["sector_base"]?.value == "5")
        #expect(book.charts.count >= 4)
    }

    @Test func unnamedPeersWithholdExtremesAndSmallStatistics() throws {
        // Five of Alderbury's six peers with an FTE are unnamed: fewer than 8, so every statistic
        // is [c]; the ranking shows their codes and FTE only.
        let book = try ReadWorkbook.read(Self.write(code: "RA901"))
        let all = try #require(book.rows(of: "Position").first { $0["measure"]?.value == "Central PMO FTE" && $0["peer_group"]?.value == "All trusts" })
        for column in ["minimum", "lower_quartile", "median", "upper_quartile", "maximum", "quartile_band", "percentile_rank"] {
            #expect(all[column]?.value == "[c]", "\(column)")
        }
        let coded = book.rows(of: "FteRanking").filter { $0["trust"]?.value.hasPrefix("Peer ") == true }
        #expect(coded.count == 5)
        #expect(coded.allSatisfy { $0["sector"] == nil && $0["fte_per_1000_staff"] == nil && $0["central_pmo_fte"] != nil })
    }

    @Test func noNonConsentingTrustInAnyPart() throws {
        let path = try Self.write(code: "RA901")
        let folder = ScratchFolder.make("workbook")
        try Program("/usr/bin/unzip", ["-q", path, "-d", folder]).runChecked()
        let parts = FileManager.default.enumerator(atPath: folder)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".xml") || $0.hasSuffix(".rels") }
        #expect(parts.count > 10)
        var text = ""
        for part in parts { text += try String(contentsOfFile: folder + "/" + part, encoding: .utf8) }
        for word in Self.hidden { #expect(!text.contains(word), "\(word) appears in the pack") }
        #expect(text.contains("Alderbury") && text.contains("Birchfield"))
    }
}
