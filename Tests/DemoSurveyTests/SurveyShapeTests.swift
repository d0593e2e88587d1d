import DemoSurvey
import PMOSurvey
import Testing

/// Surveys of extreme shape have the size, names and empty answers asked for, the same every time.
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
}
