import Foundation
import Testing
@testable import PMOSurvey

/// Where "latest" must mean wave order and submission time, never a row's place in the file
/// (contract sections 3, 5 and 6). Each survey is read as written and with its rows reversed.
@Suite struct CurrentAnswerTests {
    /// RA1 said yes in 2014-12 and no in 2015-05 under a new name; RA2 took part in 2014-12 only;
    /// RA3 answered 2015-05 twice. Waves are ordered by their earliest submission.
    static let rows = [
        "a,2015-05,2015-06-01,RA1,Newbridge NHS Trust,Acute,4000,hybrid,6,IT,Training,Finance,no",
        "b,2014-12,2015-01-10,RA1,Oldfield NHS Trust,Acute,4000,central,5,IT,Training,Finance,yes",
        "c,2014-12,2015-01-12,RA2,Westly NHS Trust,Community,2000,central,3,IT,Training,Finance,yes",
        "d,2015-05,2015-06-20,RA3,Eastham NHS Trust,Community,2500,none,,,,,no",
        "e,2015-05,2015-06-02,RA3,Eastham NHS Trust,Community,2500,devolved,,,,,yes",
        "f,2014-12,2015-01-11,RA3,Eastham NHS Trust,Community,2500,central,4,IT,Training,Finance,yes",
    ]

    static func surveys() throws -> [Survey] {
        try [rows, rows.reversed()].map { try Fixtures.read(Fixtures.header + $0.joined(separator: "\n") + "\n") }
    }

    static func response(_ survey: Survey, _ id: String) -> Response { survey.responses.first { $0.responseID == id }! }

    @Test func consentAndNameComeFromTheLatestWaveTakenPartIn() throws {
        for survey in try Self.surveys() {
            #expect(survey.waves.map(\.label) == ["2014-12", "2015-05"])
            let naming = TrustNaming(survey: survey, secret: "s", audience: .shared)
            // RA1 withdrew consent in 2015-05: named in no wave, whichever row comes last.
            #expect(!naming.isNamed(Self.response(survey, "b")))
            #expect(naming.name(Self.response(survey, "b")).hasPrefix("Peer "))
            // RA2's latest wave is 2014-12, where it consented.
            #expect(naming.name(Self.response(survey, "c")) == "Westly NHS Trust")
            // RA3's answer that counts in 2015-05 is the later submission, d, which says no.
            #expect(!naming.isNamed(Self.response(survey, "f")))

            // An internal-use output shows every answer under the trust's current name.
            let everyone = naming.with(audience: .internalUse)
            #expect(everyone.name(Self.response(survey, "b")) == "Newbridge NHS Trust")
            #expect(everyone.shown(Self.response(survey, "b")).name == "Newbridge NHS Trust")
            #expect(survey.currentAnswer(of: Self.response(survey, "b")).responseID == "a")
            #expect(survey.currentAnswer(of: Self.response(survey, "f")).responseID == "d")
        }
    }

    @Test func supersessionByDateNotLine() throws {
        for survey in try Self.surveys() {
            #expect(survey.responses.contains { $0.responseID == "d" })
            #expect(!survey.responses.contains { $0.responseID == "e" })
            #expect(survey.findings.filter { $0.severity == .superseded }.map(\.responseID) == ["e"])
        }
    }

    @Test func eachWaveKeepsItsOwnAnswers() throws {
        for survey in try Self.surveys() {
            // Texts stored once across waves are only shared where they are equal.
            #expect(Self.response(survey, "b").trustName == "Oldfield NHS Trust")
            #expect(Self.response(survey, "a").trustName == "Newbridge NHS Trust")
            let analysis = Analysis(survey: survey)
            let byWave = try #require(analysis.modelByWave)
            #expect(byWave.groups.map(\.label) == ["2014-12", "2015-05"])
            #expect(byWave.groups.map(\.base) == [3, 2])
            #expect(analysis.latest.map { survey.responses[$0].responseID }.sorted() == ["a", "d"])
        }
    }

    @Test func packChangesAreAgainstThePreviousWave() throws {
        for survey in try Self.surveys() {
            let benchmarks = Benchmarks(analysis: Analysis(survey: survey))
            #expect(benchmarks.trusts.map(\.responseID) == ["d", "a"])
            let pack = benchmarks.benchmark(for: benchmarks.trusts.first { $0.trustCode == "RA1" }!)
            #expect(pack.previousWave == "2014-12")
            let model = try #require(pack.changes?.first { $0.question == "PMO model" })
            #expect(model.previous == .text(PMOModel.central.label) && model.latest == .text(PMOModel.hybrid.label))
        }
    }

    @Test func wavesInFileOrderOfTheirFirstRowDoNotDecide() throws {
        // One wave per row, in an order unrelated to their dates: ordered by date all the same.
        let lines = (0..<40).map { i in
            let wave = (i * 17) % 40
            return "r\(i),W\(String(format: "%02d", wave)),2015-\(String(format: "%02d", 1 + wave / 4))-\(String(format: "%02d", 1 + wave % 4)),RA1,Trust,Acute,4000,central,\(wave),IT,Training,Finance,\(wave == 39 ? "yes" : "no")"
        }
        let survey = try Fixtures.read(Fixtures.header + lines.joined(separator: "\n") + "\n")
        #expect(survey.waves.map(\.label) == (0..<40).map { "W" + String(format: "%02d", $0) })
        #expect(survey.currentAnswer(of: survey.responses[0]).wave == "W39")
        #expect(TrustNaming(survey: survey, secret: "s", audience: .shared).isNamed(survey.responses[0]))
        let byWave = survey.responsesByWave
        #expect(byWave.count == 40 && byWave.allSatisfy { $0.count == 1 })
        #expect(byWave.map { survey.responses[$0[0]].wave } == survey.waves.map(\.label))
    }
}
