import PMOSurvey
import Testing

/// Surveys of extreme shape, and the bounded phrases and windows outputs take from them.
@Suite struct SurveyShapeTests {
    @Test func shapesHaveTheirSize() {
        let waves = SurveyShape(trusts: 3, waves: 1_200).survey()
        #expect(waves.responses.count == 3_600 && waves.waves.count == 1_200)
        #expect(waves.waves.first?.label == "W00000" && waves.latestWave.label == "W01199")
        let empty = SurveyShape(trusts: 5, emptyAnswers: true, seed: 9).survey()
        #expect(empty.responses.allSatisfy { $0.trustCode == nil && $0.centralFTE == nil && $0.projectTypes.isEmpty && !$0.shareConsent })
        let long = SurveyShape(trusts: 2, nameLength: 200).survey()
        #expect(long.responses.allSatisfy { $0.trustName.count == 200 })
        #expect(SurveyShape(trusts: 50, seed: 4).survey().responses == SurveyShape(trusts: 50, seed: 4).survey().responses)
    }

    @Test func wavesAreListedUpToFourThenNamedByTheirRange() {
        #expect(SurveyShape(trusts: 1).survey().waveSpan == "Survey")
        #expect(SurveyShape(trusts: 1, waves: 2).survey().waveSpan == "W00000 and W00001")
        #expect(SurveyShape(trusts: 1, waves: 4).survey().waveSpan == "W00000, W00001, W00002 and W00003")
        #expect(SurveyShape(trusts: 1, waves: 4_082).survey().waveSpan == "4,082 waves, W00000 to W04081")
        #expect(Survey.shortened(String(repeating: "x", count: 500)) == String(repeating: "x", count: 39) + "…")
        #expect(Survey.shortened("2015\nspring") == "2015 spring")
    }

    @Test func theRankingWindowHoldsTheTrustAndStaysInside() {
        let analysis = Analysis(survey: SurveyShape(trusts: 400, seed: 3).survey())
        let benchmarks = Benchmarks(analysis: analysis)
        for trust in benchmarks.trusts {
            let benchmark = benchmarks.benchmark(for: trust)
            let window = benchmark.rankingWindow(wholeUpTo: 112, neighbours: 60)
            #expect(window.count == min(60, benchmark.ranking.count))
            #expect(window.lowerBound >= 0 && window.upperBound <= benchmark.ranking.count)
            if let own = benchmark.ranking.firstIndex(where: \.isOwn) {
                #expect(window.contains(own))
            } else {
                #expect(window.lowerBound == 0, "without an FTE of its own, the largest are shown")
            }
            #expect(benchmark.rankingWindow(wholeUpTo: 1_000, neighbours: 60) == 0..<benchmark.ranking.count)
            #expect(benchmark.rankSpan(window) == "\(benchmark.ranking[window.first!].rank) to \(benchmark.ranking[window.last!].rank)")
        }
    }
}
