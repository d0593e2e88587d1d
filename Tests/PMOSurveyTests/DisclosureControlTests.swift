import Foundation
import Testing
@testable import PMOSurvey

/// Disclosure control (`disclosure-control.md`) on surveys written by hand: each rule, the attacks
/// of issue 20 that it stops, secondary suppression and its exact audit, and row order.
@Suite struct DisclosureControlTests {
    /// One response: `named` says whether the trust consented.
    struct Trust {
        var code: String
        var sector = "Acute"
        var headcount = 4000
        var model = "central"
        var fte: Double? = 5
        var types = "IT"
        var services = "Training"
        var reportsTo = "Finance"
        var named = false

        var row: String {
            "\(code),2015-12,2015-12-01,\(code),Trust \(code),\(sector),\(headcount),\(model),\(fte.map { String($0) } ?? ""),"
                + "\(types),\(services),\(reportsTo),\(named ? "yes" : "no")"
        }
    }

    static func survey(_ trusts: [Trust], reversed: Bool = false) throws -> Survey {
        let rows = trusts.map(\.row)
        return try Fixtures.read(Fixtures.header + (reversed ? rows.reversed() : rows).joined(separator: "\n") + "\n")
    }

    static func protected(_ trusts: [Trust], reversed: Bool = false) throws -> Analysis {
        try Analysis(survey: survey(trusts, reversed: reversed)).protected()
    }

    /// `count` trusts of a sector, ODS-like codes `Rprefix01`, `Rprefix02`, ...
    static func trusts(_ count: Int, _ prefix: String, sector: String = "Acute", _ shape: (Int, inout Trust) -> Void = { _, _ in }) -> [Trust] {
        (1...count).map { i in
            var t = Trust(code: "R\(prefix)" + (i < 10 ? "0" : "") + "\(i)", sector: sector, headcount: 3000 + 97 * i)
            shape(i, &t)
            return t
        }
    }

    /// A background of trusts that makes All trusts' figures safe, so that a test sees its own rule.
    static let background = trusts(40, "A") { i, t in
        t.model = ["central", "hybrid", "devolved", "none"][i % 4]
        t.fte = t.model == "central" || t.model == "hybrid" ? Double(i % 9 + 1) : nil
        t.types = ["IT", "IT;Quality", "Quality;Transformation", "Financial;IT"][i % 4]
        t.services = ["Training", "Training;Assurance", "Business cases", "Assurance"][i % 4]
        t.reportsTo = ["Finance", "Strategy", "Chief Executive", "Operations"][i % 4]
        if t.model == "none" { t.types = ""; t.services = ""; t.reportsTo = "" }
    }

    static func group(_ table: ShareTable, _ label: String) throws -> ShareTable.Group {
        try #require(table.groups.first { $0.label == label })
    }

    static func column(_ table: ShareTable, _ category: String) -> Int { table.categories.firstIndex(of: category)! }

    // MARK: - Rules

    @Test func thresholdsOfTheContract() {
        let rules = DisclosureRules.standard
        #expect(!rules.withholdsCount(unnamed: 0, inCategory: 0, yesNo: true))
        #expect(rules.withholdsCount(unnamed: 1, inCategory: 0, yesNo: false))
        #expect(rules.withholdsCount(unnamed: 2, inCategory: 0, yesNo: false))
        #expect(!rules.withholdsCount(unnamed: 3, inCategory: 1, yesNo: false))
        #expect(rules.withholdsCount(unnamed: 3, inCategory: 2, yesNo: false))
        #expect(rules.withholdsCount(unnamed: 16, inCategory: 15, yesNo: false))
        #expect(!rules.withholdsCount(unnamed: 16, inCategory: 14, yesNo: false))
        #expect(rules.withholdsCount(unnamed: 16, inCategory: 1, yesNo: true))
        #expect(rules.withholdsCount(unnamed: 16, inCategory: 0, yesNo: true))
        #expect(!rules.withholdsCount(unnamed: 16, inCategory: 2, yesNo: true))
        #expect(rules.withholdsStatistic(unnamed: 7) && !rules.withholdsStatistic(unnamed: 8) && !rules.withholdsStatistic(unnamed: 0))
        // p% rule: the rest (after the two largest) must reach 10% of the largest.
        #expect(rules.withholdsMean(unnamedValues: [100, 1, 1, 1, 1, 1, 1, 1]))
        #expect(!rules.withholdsMean(unnamedValues: [10, 5, 1, 1, 1, 1, 1, 1]))
        #expect(rules.withholdsMean(unnamedValues: [1, 1, 1, 1, 1, 1, 1]))
    }

    @Test func exactEliminationFindsWhatEquationsPinDown() {
        // a + b = k, a - c = 0, c known? No: three unknowns a, b, c with a + b and b + c and a + c known: all determined.
        #expect(ExactElimination(rows: [[1, 1, 0], [0, 1, 1], [1, 0, 1]], columns: 3).determined().sorted() == [0, 1, 2])
        // A 2 x 2 rectangle of unknowns under row and column sums: none determined.
        #expect(ExactElimination(rows: [[1, 1, 0, 0], [0, 0, 1, 1], [1, 0, 1, 0], [0, 1, 0, 1]], columns: 4).determined().isEmpty)
        // One unknown alone in an equation.
        #expect(ExactElimination(rows: [[1, 1, 0], [0, 0, 1]], columns: 3).determined() == [2])
    }

    // MARK: - R1 records

    @Test func responsesHoldNamedTrustsOnly() throws {
        var trusts = Self.background
        trusts[0].named = true
        trusts[1].named = true
        let analysis = try Self.protected(trusts)
        let names = analysis.sharedResponses.rows.map { $0[4] }
        #expect(Set(names) == [.text("Trust RA01"), .text("Trust RA02")])
        // No peer code, no headcount of an unnamed trust anywhere in the table.
        #expect(!analysis.sharedResponses.rows.contains { $0.contains(.text("Peer 001")) })
        #expect(!analysis.sharedResponses.rows.contains { $0[8] == .integer(trusts[5].headcount) })
    }

    @Test func dataQualityQuotesNoAnswerInSharedOutputs() throws {
        var trusts = Self.background
        trusts[3].sector = "Hospital of Secrets"
        let survey = try Self.survey(trusts)
        let finding = try #require(survey.findings.first { $0.severity == .error })
        #expect(finding.message.contains("Hospital of Secrets"))
        let shared = Analysis(survey: survey).protected().dataQualityTable()
        #expect(!shared.rows.contains { $0.contains { "\($0)".contains("Secrets") } })
        #expect(shared.rows.contains { $0[3] == .text("error") })
        // The operator's own (internal-use) outputs keep the reason.
        var definition = ReportDefinition()
        definition.internalUse = true
        #expect(Analysis(survey: survey, definition: definition).dataQualityTable().rows.contains { $0.contains { "\($0)".contains("Secrets") } })
    }

    // MARK: - R2 counts

    @Test func allOrAllButOneOfTheUnnamedTrustsIsWithheld() throws {
        // Ambulance: 3 of 3 chose IT. Mental Health: 15 of 16 chose IT, one did not.
        let ambulance = Self.trusts(3, "M", sector: "Ambulance") { _, t in t.types = "IT" }
        let mentalHealth = Self.trusts(16, "H", sector: "Mental Health") { i, t in t.types = i == 1 ? "Quality" : "IT;Quality" }
        let analysis = try Self.protected(Self.background + ambulance + mentalHealth)
        let types = analysis.projectTypesBySector, it = Self.column(types, "IT")
        #expect(try Self.group(types, "Ambulance").share(it) == nil)
        #expect(try Self.group(types, "Mental Health").share(it) == nil)
        // Bases stay.
        #expect(try Self.group(types, "Ambulance").base == 3)
        #expect(analysis.disclosure?.leaks.isEmpty == true)
    }

    @Test func aSectorOfTwoUnnamedTrustsShowsNoCount() throws {
        let community = Self.trusts(2, "C", sector: "Community")
        let analysis = try Self.protected(Self.background + community)
        let community2 = try Self.group(analysis.modelBySector, "Community")
        #expect(community2.figures.allSatisfy { $0 == nil })
        #expect(community2.base == 2)
    }

    @Test func namedTrustsAreNotProtected() throws {
        // Every trust named: u = 0 everywhere, nothing withheld.
        let trusts = (Self.background + Self.trusts(2, "C", sector: "Community")).map { t -> Trust in
            var t = t
            t.named = true
            return t
        }
        let analysis = try Self.protected(trusts)
        #expect(analysis.disclosure?.withheld == 0)
        #expect(!analysis.modelBySector.hasWithheld && !analysis.fteBySector.hasWithheld)
    }

    // MARK: - R3 FTE

    @Test func fourFTEValuesCannotBeRecovered() throws {
        // Issue 20: Ambulance n = 4 with 1.8, 2.5, 7.4, 18.3 gave every value back.
        let values = [1.8, 2.5, 7.4, 18.3]
        let ambulance = Self.trusts(4, "M", sector: "Ambulance") { i, t in t.fte = values[i - 1] }
        let analysis = try Self.protected(Self.background + ambulance)
        let group = try #require(analysis.fteBySector.groups.first { $0.label == "Ambulance" })
        #expect(group.n == 4)
        for statistic in FTEStatistic.allCases { #expect(group.statistic(statistic) == nil) }
        #expect(group.values.isEmpty)
        // The records carry none of the four values.
        let record = try #require(analysis.fteBySector.records.rows.first { $0[0] == .text("Ambulance") })
        #expect(!record.contains { if case .number = $0 { true } else { false } })
    }

    @Test func extremesAreNeverPublishedAndSmallGroupsKeepOnlyN() throws {
        let acute = Self.trusts(12, "Q") { i, t in t.fte = Double(i) }
        let analysis = try Self.protected(Self.background + acute)
        let all = try #require(analysis.fteBySector.groups.last)
        #expect(all.min == nil && all.max == nil)
        #expect(all.median != nil && all.q1 != nil && all.mean != nil)
    }

    @Test func aDominantValueWithholdsTheMean() throws {
        let ambulance = Self.trusts(9, "M", sector: "Ambulance") { i, t in t.fte = i == 1 ? 400 : 1 }
        let analysis = try Self.protected(Self.background + ambulance)
        let group = try #require(analysis.fteBySector.groups.first { $0.label == "Ambulance" })
        #expect(group.mean == nil)
        #expect(group.median == 1)
    }

    // MARK: - R4 secondary suppression and the audit

    @Test func aWithheldCountIsNeverTheOnlyOneOfItsRow() throws {
        let specialist = Self.trusts(6, "S", sector: "Specialist") { i, t in t.model = i <= 5 ? "hybrid" : "central" }
        let analysis = try Self.protected(Self.background + specialist)
        let row = try Self.group(analysis.modelBySector, "Specialist")
        #expect(row.withheld.count(where: { $0 }) >= 2)
        #expect(analysis.disclosure?.leaks == [])
    }

    @Test func theAuditCatchesWhatSecondarySuppressionPrevents() throws {
        // Without R4 the withheld Specialist hybrid count comes back through its row, and through
        // All trusts less the other sectors.
        let specialist = Self.trusts(6, "S", sector: "Specialist") { i, t in t.model = i <= 5 ? "hybrid" : "central" }
        let survey = try Self.survey(Self.background + specialist)
        let unprotected = Analysis(survey: survey).protected(secondarySuppression: false)
        let leaks = try #require(unprotected.disclosure?.leaks)
        #expect(leaks.contains { $0.description.contains("ModelBySector Specialist hybrid") })
        let protected = Analysis(survey: survey).protected()
        #expect(protected.disclosure?.leaks == [])
        #expect((protected.disclosure?.secondary ?? 0) > 0)
    }

    @Test func aWithheldCountCannotComeBackThroughThePMOSizeTable() throws {
        // Devolved + none of a sector is the PMO size table's "No central PMO".
        let community = Self.trusts(5, "C", sector: "Community") { i, t in
            t.model = i <= 4 ? "devolved" : "central"
            if t.model == "devolved" { t.fte = nil }
        }
        let survey = try Self.survey(Self.background + community)
        let without = Analysis(survey: survey).protected(secondarySuppression: false)
        #expect(!(without.disclosure?.leaks.isEmpty ?? true))
        let analysis = Analysis(survey: survey).protected()
        #expect(analysis.disclosure?.leaks == [])
        let models = try Self.group(analysis.modelBySector, "Community")
        let sizes = try Self.group(analysis.pmoSizeBySector, "Community")
        let devolved = Self.column(analysis.modelBySector, "devolved")
        let noCentral = Self.column(analysis.pmoSizeBySector, PMOSize.noCentralPMO.rawValue)
        #expect(models.share(devolved) == nil)
        #expect(sizes.share(noCentral) == nil)
    }

    @Test func theWithheldSetDoesNotDependOnRowOrder() throws {
        let trusts = Self.background + Self.trusts(5, "C", sector: "Community") { i, t in t.model = i <= 4 ? "hybrid" : "none" }
            + Self.trusts(4, "M", sector: "Ambulance") { i, t in t.fte = Double(i) * 1.5 }
        let a = try Self.protected(trusts), b = try Self.protected(trusts, reversed: true)
        for (x, y) in zip(a.shareTables, b.shareTables) {
            #expect(x.groups.map(\.withheld) == y.groups.map(\.withheld), "\(x.name)")
        }
        #expect(a.fteBySector.groups.map(\.withheld) == b.fteBySector.groups.map(\.withheld))
        #expect(a.disclosure?.withheld == b.disclosure?.withheld)
    }

    // MARK: - R5 tests

    @Test func testsLeaveOutGroupsWithWithheldFigures() throws {
        let ambulance = Self.trusts(3, "M", sector: "Ambulance") { _, t in t.model = "hybrid" }
        let spread: (Int, inout Trust) -> Void = { i, t in t.model = ["central", "hybrid", "devolved"][i % 3] }
        let analysis = try Self.protected(Self.background + Self.trusts(30, "H", sector: "Mental Health", spread)
                                          + Self.trusts(35, "C", sector: "Community", spread) + ambulance)
        // Ambulance's row is withheld, and with it (so that All trusts gives nothing back) the
        // smallest other sector's: the test compares the two that are left.
        let test = try #require(analysis.significance.test("ModelBySector"))
        #expect(test.groupsLeftOut == ["Mental Health", "Ambulance"])
        #expect(test.groups == 2 && test.n == 75 && test.pValue != nil)
        for pair in analysis.significance.pairs where pair.groupA == "Ambulance" || pair.groupB == "Ambulance" {
            #expect(pair.pValue == nil && pair.shareA == nil)
        }
    }

    // MARK: - Packs

    @Test func packsShowAnUnnamedPeerByCodeAndFTEOnly() throws {
        let analysis = Analysis(survey: try Self.survey(Self.background))
        let benchmarks = Benchmarks(analysis: analysis)
        let pack = benchmarks.benchmark(for: benchmarks.trusts[0])
        #expect(!pack.ranking.isEmpty)
        for peer in pack.ranking where !peer.isOwn {
            // FTE / FTE per 1,000 staff would give the headcount back.
            #expect(peer.label.hasPrefix("Peer "))
            #expect(peer.sector == nil && peer.ftePer1000Staff == nil)
        }
        for c in pack.comparisons {
            #expect(c.distribution?.lowest == nil && c.distribution?.highest == nil)
        }
    }

    @Test func aPackWithholdsStatisticsOverFewUnnamedPeers() throws {
        // Issue 20: "3 peers: lowest 1.8, median 2.5, highest 18.3".
        let ambulance = Self.trusts(4, "M", sector: "Ambulance") { i, t in t.fte = [1.8, 2.5, 18.3, 7.4][i - 1] }
        let benchmarks = Benchmarks(analysis: Analysis(survey: try Self.survey(Self.background + ambulance)))
        let own = try #require(benchmarks.trusts.first { $0.trustCode == "RM01" })
        let pack = benchmarks.benchmark(for: own)
        let sector = try #require(pack.fte.first { $0.group == PeerGroup(.sector(.ambulance)) })
        #expect(sector.peerCount == 3)
        #expect(sector.isWithheld && sector.distribution == nil && sector.band == nil && sector.percentileRank == nil)
    }
}
