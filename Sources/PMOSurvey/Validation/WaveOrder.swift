extension Survey {
    /// A survey from responses already validated and de-duplicated: orders the waves (earliest
    /// `submitted` date, then label; waves with no dates after dated ones) and counts them.
    public init(source: SurveySource, responses: [Response], findings: [Finding] = [],
                counts: ResponseCounts? = nil) {
        var waves: [String: Wave] = [:]
        for r in responses {
            var w = waves[r.wave] ?? Wave(label: r.wave, earliestSubmitted: nil, responseCount: 0)
            w.responseCount += 1
            if let d = r.submitted, w.earliestSubmitted.map({ d < $0 }) ?? true { w.earliestSubmitted = d }
            waves[r.wave] = w
        }
        let ordered = waves.values.sorted { a, b in
            switch (a.earliestSubmitted, b.earliestSubmitted) {
            case let (x?, y?) where x != y: return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.label < b.label
            }
        }
        self.init(source: source, responses: responses, findings: findings,
                  counts: counts ?? ResponseCounts(rows: responses.count, valid: responses.count),
                  waves: ordered)
    }
}
