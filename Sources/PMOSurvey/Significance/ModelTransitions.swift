/// How the same trusts' PMO models moved between the two latest waves: a from x to table over the
/// trusts with a valid answer in both, the input of Bowker's test and of the trend section.
public struct ModelTransitions: Sendable {
    public let fromWave: String
    public let toWave: String
    /// `counts[from][to]`, indexed in `PMOModel.allCases` order.
    public let counts: [[Int]]

    public static let models = PMOModel.allCases

    /// nil when the survey has fewer than two waves.
    public init?(survey: Survey) {
        let waves = survey.waves
        guard waves.count >= 2 else { return nil }
        let from = waves[waves.count - 2], to = waves[waves.count - 1]
        fromWave = from.displayLabel
        toWave = to.displayLabel
        // By trust number, not trust key: a million hashed strings cost more than the test.
        let none = -1
        var earlier = [Int](repeating: none, count: survey.trustKeys.count)
        // Fields read in place: copying each response out of the array costs more than the count.
        let models = Self.models, responses = survey.responses
        var later: [(trust: Int, model: Int)] = []
        for i in responses.indices {
            let wave = responses[i].wave
            if wave == from.label {
                earlier[responses[i].trustNumber] = models.firstIndex(of: responses[i].model)!
            } else if wave == to.label {
                later.append((responses[i].trustNumber, models.firstIndex(of: responses[i].model)!))
            }
        }
        var counts = [[Int]](repeating: [Int](repeating: 0, count: models.count), count: models.count)
        for (trust, model) in later where earlier[trust] != none { counts[earlier[trust]][model] += 1 }
        self.counts = counts
    }

    /// Trusts with an answer in both waves.
    public var trusts: Int { counts.joined().reduce(0, +) }

    /// Trusts that moved from one model to the other.
    public func moved(from: PMOModel, to: PMOModel) -> Int {
        counts[Self.models.firstIndex(of: from)!][Self.models.firstIndex(of: to)!]
    }

    /// Trusts that kept their model.
    public var stayed: Int { counts.indices.reduce(0) { $0 + counts[$1][$1] } }

    /// Bowker's test of symmetry on the table; nil when fewer than two models occur.
    public var symmetry: SymmetryTest? { SymmetryTest(counts) }
}
