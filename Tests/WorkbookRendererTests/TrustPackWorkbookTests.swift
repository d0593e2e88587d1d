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

    static func write(code: String) throws -> String {
        let survey = try SurveyReader(bounds: .standard, currentYear: 2026).read(path: fixture)
        let analysis = Analysis(survey: survey)
        let benchmarks = Benchmarks(analysis: analysis)
        let path = ScratchFolder.make("workbook") + "/\(code).xlsx"
        try TrustPackWorkbook(benchmark: benchmarks.benchmark(for: benchmarks.trusts.first { $0.trustCode == code }!),
                              analysis: analysis, run: SurveyFixture.run).write(to: path)
        return path
    }

    @Test func handWorkedFiguresReadBack() throws {
        let book = try ReadWorkbook.read(Self.write(code: "RA901"))
        #expect(Set(["Position", "FteRanking", "YourAnswers", "ModelMix", "ProjectTypeCoverage", "ServiceCoverage",
                     "ChangesSincePreviousWave"]).isSubset(of: Set(book.tables.map(\.name))))
        let rows = book.rows(of: "Position")
        let all = try #require(rows.first { $0["measure"]?.value == "Central PMO FTE" && $0["peer_group"]?.value == "All trusts" })
        #expect(Double(all["lower_quartile"]!.value) == 3.25 && Double(all["median"]!.value) == 4.5)
        #expect(Double(all["upper_quartile"]!.value) == 7.25 && all["quartile_band"]?.value == "Median to upper quartile")
        #expect(abs(Double(all["percentile_rank"]!.value)! - 400.0 / 6) < 1e-9)
        let medium = try #require(rows.first { $0["measure"]?.value == "Central PMO FTE" && $0["peer_group"]?.value == "Medium trusts" })
        #expect(medium["median"] == nil && medium["note"]?.value.hasPrefix("Withheld") == true)
        let central = try #require(book.rows(of: "ModelMix").first { $0["model"]?.value == "Central" })
        #expect(Double(central["sector_share"]!.value) == 0.4 && central["sector_base"]?.value == "5")
        #expect(book.charts.count >= 4)
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
