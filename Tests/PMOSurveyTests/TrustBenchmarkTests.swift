import Foundation
import Testing
@testable import PMOSurvey

/// Pack figures of `Tests/Fixtures/benchmark-pack.csv`, each worked by hand in the comments. The
/// arithmetic is checked on the same survey with every trust named (disclosure control then
/// withholds nothing); what the fixture's unnamed trusts withhold, on the fixture as it is.
@Suite struct TrustBenchmarkTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/benchmark-pack.csv").path

    static let benchmarks: Benchmarks = {
        let survey = try! SurveyReader(bounds: .standard, currentYear: 2026).read(path: fixture)
        return Benchmarks(analysis: Analysis(survey: survey))
    }()

    /// The fixture with every trust's consent yes.
    static let named: Benchmarks = {
        let text = try! String(contentsOfFile: fixture, encoding: .utf8).replacingOccurrences(of: ",no,", with: ",yes,")
        return Benchmarks(analysis: Analysis(survey: try! Fixtures.read(text)))
    }()

    static func pack(_ code: String, in benchmarks: Benchmarks = named) -> TrustBenchmark {
        benchmarks.benchmark(for: benchmarks.trusts.first { $0.trustCode == code }!)
    }

    @Test func onePackPerTrustOfTheLatestWave() {
        #expect(Self.benchmarks.trusts.count == 9)
        #expect(Set(Self.benchmarks.trusts.map(\.wave)) == ["2015-12"])
    }

    @Test func fteAgainstAllSectorAndSizePeers() throws {
        let a = Self.pack("RA901")
        #expect(a.fte.map(\.group.label) == ["All trusts", "Acute trusts", "Medium trusts"])
        // All other trusts with an FTE: 2, 3, 4, 5, 8, 10. Positions (n-1)p: 1.25, 2.5, 3.75.
        let all = a.fte[0]
        let s = try #require(all.distribution)
        #expect(all.peerCount == 6 && all.value == 6)
        #expect(s.lowest == 2 && s.highest == 10)
        #expect(abs(s.q1 - 3.25) < 1e-12)   // 3 + 0.25 x (4 - 3)
        #expect(abs(s.median - 4.5) < 1e-12) // 4 + 0.5 x (5 - 4)
        #expect(abs(s.q3 - 7.25) < 1e-12)   // 5 + 0.75 x (8 - 5)
        #expect(all.band == .upperMiddle)   // 4.5 <= 6 < 7.25
        #expect(abs(all.percentileRank! - 400.0 / 6) < 1e-9)  // 4 of 6 lower, no tie

        // Other Acute trusts: 2, 4, 8, 10 (Fernhill is devolved). Positions 0.75, 1.5, 2.25.
        let acute = a.fte[1]
        let t = try #require(acute.distribution)
        #expect(acute.peerCount == 4)
        #expect(abs(t.q1 - 3.5) < 1e-12 && abs(t.median - 6) < 1e-12 && abs(t.q3 - 8.5) < 1e-12)
        #expect(acute.band == .upperMiddle)  // equal to the median: the upper-middle quarter
        #expect(acute.percentileRank == 50)

        // Medium trusts (3,000 to 5,999 staff): only Birchfield has an FTE, and it is named.
        let medium = a.fte[2]
        #expect(medium.peerCount == 1 && !medium.isWithheld && medium.distribution?.median == 2)
    }

    @Test func ftePerThousandStaff() throws {
        // Acute others: 2/5000, 4/2000, 8/8000, 10/7000 per 1,000 = 0.4, 2, 1, 1.428571...; own 6/4000 = 1.5.
        let acute = Self.pack("RA901").ftePer1000Staff[1]
        let s = try #require(acute.distribution)
        #expect(acute.value == 1.5)
        #expect(abs(s.q1 - 0.85) < 1e-12)                       // 0.4 + 0.75 x 0.6
        #expect(abs(s.median - (1 + 0.5 * (10.0 / 7 - 1))) < 1e-12)
        #expect(abs(s.q3 - (10.0 / 7 + 0.25 * (2 - 10.0 / 7))) < 1e-12)
        #expect(acute.band == .upperMiddle)
        #expect(acute.percentileRank == 75)                      // 3 of 4 lower
    }

    @Test func quartileBandsAndPercentileRank() throws {
        let s = try #require(Summary([2, 4, 8, 10]))  // q1 3.5, median 6, q3 8.5
        #expect(QuartileBand(value: 1, among: s) == .lowest)
        #expect(QuartileBand(value: 3.5, among: s) == .lowerMiddle)
        #expect(QuartileBand(value: 8.5, among: s) == .highest)
        #expect(QuartileBand(value: 99, among: s) == .highest)
        #expect(PercentileRank.of(2, among: [1, 2, 2, 3]) == 50)   // (1 + 2/2) / 4
        #expect(PercentileRank.of(0, among: [1, 2]) == 0)
        #expect(PercentileRank.of(5, among: [1, 2]) == 100)
        #expect(PercentileRank.of(5, among: []) == nil)
    }

    @Test func modelMixOfTheOtherTrustsInTheSector() throws {
        let a = Self.pack("RA901")
        let sector = a.modelMix[0]
        // Other Acute trusts: Birchfield hybrid, Cedarbrook central, Dunmore hybrid, Elmstead central, Fernhill devolved.
        #expect(sector.group.label == "Acute trusts" && sector.base == 5)
        #expect(sector.share(of: .central)?.value == 0.4)
        #expect(sector.share(of: .hybrid)?.value == 0.4)
        #expect(sector.share(of: .devolved)?.value == 0.2)
        #expect(sector.share(of: .none)?.value == 0)
        #expect(a.modelMix[1].base == 8)
    }

    @Test func projectTypesAndServicesAgainstTheSector() throws {
        let types = Self.pack("RA901").projectTypes
        // Base: the 5 other Acute trusts, all with a project function that answered.
        #expect(types.sectorBase == 5 && !types.sectorWithheld)
        let it = try #require(types.items.first { $0.name == "IT" })
        #expect(it.isChosen && it.sector?.count == 3 && it.sector?.value == 0.6)
        let estates = try #require(types.items.first { $0.name == "Estates" })
        #expect(!estates.isChosen && estates.sector?.count == 1)
        // All others with a project function: 7 (Hazelmere has none).
        #expect(types.allBase == 7)
        #expect(Self.pack("RA901").services.items.first { $0.name == "Business cases" }?.isChosen == true)
    }

    @Test func peerFiguresOverFewUnnamedTrustsAreWithheld() {
        // Gorsebank's two other Community trusts are unnamed, and so are five of the six other
        // trusts with an FTE: fewer than 8, so no statistic; fewer than 3, so no share.
        let g = Self.pack("RG907", in: Self.benchmarks)
        let sector = g.fte[1]
        #expect(sector.group.label == "Community trusts" && sector.isWithheld && sector.distribution == nil)
        #expect(g.modelMix[0].isWithheld && g.modelMix[0].base == 2)
        #expect(g.projectTypes.sectorWithheld && g.projectTypes.items.allSatisfy { $0.sector == nil })
        #expect(g.fte[0].isWithheld && g.fte[0].distribution == nil)
    }

    @Test func rankingNamesOnlyItselfAndConsentingTrusts() {
        let a = Self.pack("RA901", in: Self.benchmarks)
        #expect(a.ranking.map(\.centralFTE) == [10, 8, 6, 5, 4, 3, 2])
        let own = a.ranking.first(where: \.isOwn)
        #expect(own?.label == "Alderbury Hospitals NHS Foundation Trust" && own?.rank == 3)
        #expect(a.ranking.contains { $0.label == "Birchfield NHS Trust" })
        let others = a.ranking.filter { !$0.isOwn && $0.label != "Birchfield NHS Trust" }
        #expect(others.allSatisfy { $0.label.hasPrefix("Peer ") })
        // A peer code shows its FTE only: its sector and FTE per 1,000 staff would single it out.
        #expect(others.allSatisfy { $0.sector == nil && $0.ftePer1000Staff == nil })
        #expect(a.ranking.first { $0.label == "Birchfield NHS Trust" }?.sector == .acute)
    }

    /// Many trusts with the same FTE, named and unnamed: every pack's ranking is ordered by FTE,
    /// largest first, then by the label the pack shows (its own trust by its name, the others as
    /// the shared outputs show them), and each trust's rank counts the larger FTEs only. The
    /// ranking is sorted once for all packs and each pack only moves its own trust, so this is
    /// what keeps that shortcut equal to sorting every pack's ranking afresh.
    @Test func tiedFTEsRankAlikeInEveryPack() throws {
        var text = "response_id,wave,submitted,trust_code,trust_name,sector,staff_headcount,pmo_model,central_pmo_fte,project_types,pmo_services,reports_to,share_consent,comments,pmo_name\n"
        let sectors = ["Acute", "Mental Health", "Community"]
        for i in 0..<30 {
            // Names out of FTE and code order, so that a pack's own name moves it among its ties.
            let name = "\(["Zeal", "Ash", "Moor", "Bay", "Kent"][i % 5])\(i) NHS Trust"
            text += "P\(i),2015-12,2016-01-05,R\(100 + i)X,\(name),\(sectors[i % 3]),\(2000 + 97 * i),central,\([2, 3, 5][i % 3] + (i % 7 == 0 ? 1 : 0)),IT,Training,Finance,\(i % 2 == 0 ? "yes" : "no"),,\n"
        }
        let benchmarks = Benchmarks(analysis: Analysis(survey: try Fixtures.read(text)))
        #expect(benchmarks.trusts.count == 30)
        var others: [Set<String>] = []
        for trust in benchmarks.trusts {
            let ranking = benchmarks.benchmark(for: trust).ranking
            try #require(ranking.count == 30)
            for (a, b) in zip(ranking, ranking.dropFirst()) {
                #expect(a.centralFTE > b.centralFTE || a.centralFTE == b.centralFTE && a.label < b.label, "\(a.label) before \(b.label)")
            }
            for entry in ranking {
                #expect(entry.rank == 1 + ranking.count { $0.centralFTE > entry.centralFTE })
            }
            let own = try #require(ranking.first { $0.isOwn })
            #expect(own.label == trust.trustName && ranking.count { $0.isOwn } == 1)
            others.append(Set(ranking.filter { !$0.isOwn }.map(\.label)))
        }
        // Every other trust shows one label in every pack: 30 labels in all, 29 in each pack.
        #expect(others.reduce(Set(), { $0.union($1) }).count == 30)
        #expect(others.allSatisfy { $0.count == 29 })
    }

    @Test func changesSinceThePreviousWave() throws {
        let a = Self.pack("RA901")
        #expect(a.previousWave == "2014-12")
        let changes = try #require(a.changes)
        let fte = try #require(changes.first { $0.question == "Central PMO FTE" })
        #expect(fte.previous == .number(4) && fte.latest == .number(6) && fte.difference == 2)
        #expect(changes.first { $0.question == "PMO model" }?.hasChanged == false)
        #expect(changes.first { $0.question == "Project types" }?.latest == .text("IT; Quality"))
        #expect(Self.pack("RB902").changes == nil)
    }
}
