import DemoSurvey
import PMOSurvey
import Testing

/// The bounded phrases and windows outputs take from surveys of extreme shape.
@Suite struct ExtremeShapeSurveyTests {
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
