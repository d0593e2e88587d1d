import DemoSurvey
import Foundation
import Testing
@testable import PMOSurvey

/// The tests as the analysis runs them on a survey: which groups and categories go in, the
/// figures against scipy and statsmodels, the moves between waves worked by hand, and invariants.
@Suite struct SignificanceAnalysisTests {
    /// Hundreds of trusts over two waves, from the sample generator; internal use, so that every
    /// test runs over every group (what disclosure control leaves out is `DisclosureControlTests`').
    static let sample: Analysis = {
        var text = ""
        SampleSurvey(trusts: 600, waves: 2, seed: 77).write { text += $0 }
        let survey = try! SurveyReader(currentYear: 2026).read(data: Data(text.utf8), fileName: "sample.csv")
        var definition = ReportDefinition()
        definition.internalUse = true
        return Analysis(survey: survey, definition: definition)
    }()

    static var shareTables: [ShareTable] {
        let a = sample
        return [a.modelBySector, a.modelBySize, a.pmoSizeBySector, a.projectTypesBySector, a.servicesBySector, a.reportingLine]
    }

    /// The crosstab a test should see, built here from the share table: groups other than All
    /// trusts and those disclosure control left out; for an item of a multi-choice table, chosen or not.
    static func crosstab(_ table: ShareTable, item: String?, leftOut: [String] = []) -> [[Int]] {
        let groups = table.groups.filter { $0.label != Groups.allTrusts && !leftOut.contains($0.label) }
        guard let item, let c = table.categories.firstIndex(of: item) else { return groups.map { $0.shares.map(\.count) } }
        return groups.map { [$0.shares[c].count, $0.base - $0.shares[c].count] }
    }

    @Test func everyBreakdownIsTestedAndMatchesScipy() throws {
        let tests = Self.sample.significance.tests.filter { $0.breakdown != "ModelTransitions" && $0.pValue != nil }
        // One test per single-choice table, one per item of the two multi-choice tables.
        #expect(Self.sample.significance.tests.count { $0.breakdown != "ModelTransitions" } == 4 + ProjectType.ordered.count + PMOService.ordered.count)
        let tables = Dictionary(uniqueKeysWithValues: Self.shareTables.map { ($0.name.rawValue, $0) })
        let crosstabs = tests.map { Self.crosstab(tables[$0.breakdown]!, item: $0.category, leftOut: $0.groupsLeftOut) }
        let reference = try ScipyReference.evaluate(["contingency": crosstabs])["contingency"] as! [[Double]]
        for (test, want) in zip(tests, reference) {
            let label = "\(test.breakdown) \(test.category ?? "")"
            let statistic = try #require(test.statistic), pValue = try #require(test.pValue)
            #expect(SignificanceTests.close(statistic, want[0]), "\(label): X² \(statistic) against \(want[0])")
            #expect(test.degreesOfFreedom == Int(want[2]), "\(label)")
            #expect((test.test != "chi-square") == (want[3] < 5), "\(label)")
            if test.test == "chi-square" {
                #expect(SignificanceTests.close(pValue, want[1]), "\(label): p \(pValue) against \(want[1])")
            } else {
                #expect(pValue > 0 && pValue <= 1)
            }
        }
        #expect(["chi-square", "exact", "monte-carlo"].allSatisfy { method in tests.contains { $0.test == method } })
    }

    @Test func pairsAndHolmMatchStatsmodels() throws {
        let significance = Self.sample.significance
        var families: [[[Int]]] = [], found: [[Significance.PairTest]] = []
        for table in Self.shareTables {
            let comparable = table.groups.filter { $0.label != Groups.allTrusts && $0.base >= 10 }
            for category in table.categories {
                let pairs = significance.pairs(table.name.rawValue, category: category)
                #expect(pairs.count == comparable.count * (comparable.count - 1) / 2, "\(table.name) \(category)")
                guard !pairs.isEmpty else { continue }
                families.append(pairs.map { [$0.shareA!.count, $0.shareA!.base, $0.shareB!.count, $0.shareB!.base] })
                found.append(pairs)
            }
        }
        let reference = try ScipyReference.evaluate(["pairs": families])["pairs"] as! [[[Double]]]
        for (pairs, want) in zip(found, reference) {
            for (i, pair) in pairs.enumerated() {
                let label = "\(pair.breakdown) \(pair.category) \(pair.groupA)/\(pair.groupB)"
                let (a, b) = (try #require(pair.shareA), try #require(pair.shareB))
                let (p, adjusted) = (try #require(pair.pValue), try #require(pair.pAdjusted))
                #expect(SignificanceTests.close(p, want[0][i]), "\(label): p \(p) against \(want[0][i])")
                #expect(SignificanceTests.close(adjusted, want[1][i]), "\(label): Holm \(adjusted) against \(want[1][i])")
                let cells = [a.count, a.base - a.count, b.count, b.base - b.count]
                #expect(pair.method == (cells.min()! < 5 ? .fisherExact : .twoProportionZ))
            }
        }
        #expect(found.joined().contains { $0.method == .fisherExact } && found.joined().contains { $0.method == .twoProportionZ })
    }

    @Test func movesBetweenWavesWorkedByHand() throws {
        // AnalysisTests' survey: A1 none -> central, A2 central -> hybrid, M1 devolved -> central.
        let analysis = Analysis(survey: try Fixtures.read(AnalysisTests.text))
        let t = try #require(analysis.significance.transitions)
        #expect((t.fromWave, t.toWave, t.trusts, t.stayed) == ("2014", "2015", 3, 0))
        #expect(t.moved(from: .none, to: .central) == 1 && t.moved(from: .central, to: .hybrid) == 1
            && t.moved(from: .devolved, to: .central) == 1)
        // Three pairs with one move each way-less: X² = 1 + 1 + 1 = 3 on 4 x 3 / 2 = 6 df;
        // P(χ²₆ >= 3) = e^-1.5 (1 + 1.5 + 1.5²/2) = 0.808847.
        let bowker = try #require(analysis.significance.test("ModelTransitions"))
        #expect(bowker.test == "bowker" && bowker.statistic == 3 && bowker.degreesOfFreedom == 6 && bowker.n == 3)
        #expect(abs(bowker.pValue! - exp(-1.5) * 3.625) < 1e-12)
        let records = try #require(analysis.significance.transitionRecords)
        #expect(records.count == 16 && records.columns == ["from_wave", "to_wave", "from_model", "to_model", "count"])
        #expect(records.row(3 * 4 + 0) == [.text("2014"), .text("2015"), .text("none"), .text("central"), .integer(1)])
        // Groups of fewer than 10 are never paired.
        #expect(analysis.significance.pairs.isEmpty)
    }

    @Test func rowOrderDoesNotChangeAnyTest() {
        let survey = Self.sample.survey
        var random = SeededRandom(seed: 5)
        var responses = survey.responses
        for i in stride(from: responses.count - 1, to: 0, by: -1) { responses.swapAt(i, random.below(i + 1)) }
        let shuffled = Analysis(survey: Survey(source: survey.source, responses: responses), definition: Self.sample.definition).significance
        let original = Self.sample.significance
        #expect(shuffled.tests == original.tests)
        #expect(shuffled.pairs == original.pairs)
        #expect(shuffled.transitions?.counts == original.transitions?.counts)
    }

    @Test func oneTrustInOneWaveHasNothingToTest() throws {
        let analysis = Analysis(survey: try Fixtures.read(Fixtures.header + "1,,,RX1,Alpha,Acute,4000,central,3,IT,,Finance,yes\n"))
        #expect(analysis.significance.tests.isEmpty && analysis.significance.pairs.isEmpty)
        #expect(analysis.significance.transitions == nil)
        let names = analysis.recordTables.map(\.name)
        #expect(names.contains("SignificanceTests") && names.contains("PairwiseTests") && !names.contains("ModelTransitions"))
    }
}
