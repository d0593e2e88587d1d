import PMOSurvey

/// A fixed list of choices with whole-number weights, e.g. the sector mix of England's trusts.
struct WeightedChoice<Item: Sendable>: Sendable {
    private let items: [Item]
    private let cumulative: [Int]

    init(_ weighted: KeyValuePairs<Item, Int>) {
        items = weighted.map(\.key)
        var total = 0
        cumulative = weighted.map { total += $0.value; return total }
    }

    func pick(using random: inout SeededRandom) -> Item {
        let roll = random.below(cumulative[cumulative.count - 1])
        var index = 0
        while cumulative[index] <= roll { index += 1 }
        return items[index]
    }
}
