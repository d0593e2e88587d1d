extension Survey {
    /// A survey from responses already validated and de-duplicated: numbers the trusts and orders
    /// the waves.
    public init(source: SurveySource, responses: [Response], findings: [Finding] = [],
                counts: ResponseCounts? = nil) {
        var numbered = responses, trusts = StringNumbering()
        for i in numbered.indices {
            let key = numbered[i].trustKey
            numbered[i].trustNumber = trusts.number(key, hash: key.hashValue).number
        }
        self.init(sources: [source], numberedResponses: numbered, trustKeys: trusts.strings, findings: findings,
                  counts: counts ?? ResponseCounts(rows: responses.count, valid: responses.count))
    }

    /// Earliest `submitted` date first, then label; waves with no dates after dated ones.
    static func orderedWaves(_ responses: [Response]) -> [Wave] {
        var waves: [Wave] = [], numbering = WaveNumbering()
        for i in responses.indices {
            let (number, isNew) = numbering.number(responses[i].wave)
            if isNew { waves.append(Wave(label: responses[i].wave, earliestSubmitted: nil, responseCount: 0)) }
            waves[number].responseCount += 1
            if let d = responses[i].submitted, waves[number].earliestSubmitted.map({ d < $0 }) ?? true {
                waves[number].earliestSubmitted = d
            }
        }
        return waves.sorted { a, b in
            switch (a.earliestSubmitted, b.earliestSubmitted) {
            case let (x?, y?) where x != y: x < y
            case (_?, nil): true
            case (nil, _?): false
            default: a.label < b.label
            }
        }
    }
}

/// Each wave's place in `Survey.waves`, found by label. Rows of one wave usually come together,
/// so the last label is remembered and most rows skip the look-up.
struct WavePlaces {
    private let places: [String: Int]
    private var last: (label: String, index: Int)?

    init(_ waves: [Wave]) {
        places = Dictionary(uniqueKeysWithValues: waves.enumerated().map { ($1.label, $0) })
    }

    mutating func index(of label: String) -> Int {
        if let last, last.label == label { return last.index }
        let index = places[label]!
        last = (label, index)
        return index
    }
}
