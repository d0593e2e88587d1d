/// How the same trusts' PMO models moved between the two latest waves: a from x to table over the
/// trusts with a valid answer in both, the input of Bowker's test and of the trend section.
public struct ModelTransitions: Sendable {
    public let fromWave: String
    public let toWave: String
    /// `counts[from][to]`, indexed in `PMOModel.allCases` order, withheld or not: outputs read
    /// them through `count(from:to:)`.
    let counts: [[Int]]
    /// The same for trusts that were not named, and the total of those (`v` and `u`).
    let unnamedCounts: [[Int]]
    let unnamedTrusts: Int
    /// Whether each trust of the earlier wave answered the later one too, and the other way round:
    /// then a row (column) of the table adds up to that wave's count of a model, a relation
    /// disclosure control must follow.
    let everyEarlierTrustAnswered: Bool
    let everyLaterTrustAnsweredBefore: Bool
    /// `withheld[from][to]`: what this output withholds.
    public internal(set) var withheld: [[Bool]]

    public static let models = PMOModel.allCases

    /// nil when the survey has fewer than two waves. `named` says, by trust number, which trusts
    /// shared outputs may name.
    public init?(survey: Survey, named: [Bool]) {
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
        var earlierTrusts = 0
        for i in responses.indices {
            let wave = responses[i].wave
            if wave == from.label {
                earlier[responses[i].trustNumber] = models.firstIndex(of: responses[i].model)!
                earlierTrusts += 1
            } else if wave == to.label {
                later.append((responses[i].trustNumber, models.firstIndex(of: responses[i].model)!))
            }
        }
        var counts = [[Int]](repeating: [Int](repeating: 0, count: models.count), count: models.count)
        var unnamed = counts, unnamedTrusts = 0
        for (trust, model) in later where earlier[trust] != none {
            counts[earlier[trust]][model] += 1
            if !named[trust] {
                unnamed[earlier[trust]][model] += 1
                unnamedTrusts += 1
            }
        }
        self.counts = counts
        unnamedCounts = unnamed
        self.unnamedTrusts = unnamedTrusts
        let both = counts.joined().reduce(0, +)
        everyEarlierTrustAnswered = both == earlierTrusts
        everyLaterTrustAnsweredBefore = both == later.count
        withheld = counts.map { $0.map { _ in false } }
    }

    /// Trusts with an answer in both waves: always published.
    public var trusts: Int { counts.joined().reduce(0, +) }

    /// Trusts that moved from one model to the other; nil where withheld.
    public func moved(from: PMOModel, to: PMOModel) -> Int? {
        count(from: Self.models.firstIndex(of: from)!, to: Self.models.firstIndex(of: to)!)
    }

    /// The count of a cell by model positions; nil where withheld.
    public func count(from: Int, to: Int) -> Int? { withheld[from][to] ? nil : counts[from][to] }

    /// Trusts that kept their model; nil when a count it adds is withheld.
    public var stayed: Int? {
        counts.indices.allSatisfy { !withheld[$0][$0] } ? counts.indices.reduce(0) { $0 + counts[$1][$1] } : nil
    }

    /// Whether any cell is withheld.
    public var hasWithheld: Bool { withheld.joined().contains(true) }

    /// Bowker's test of symmetry on the table; nil when fewer than two models occur.
    var symmetry: SymmetryTest? { SymmetryTest(counts) }
}
