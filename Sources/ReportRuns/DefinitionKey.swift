/// The keys a report definition may hold, as spelt in the YAML file.
enum DefinitionKey: String, CaseIterable {
    case title, subtitle, organisation, author, classification, keywords
    case input
    case inputPattern = "input_pattern"
    case output, outputs
    case keepRuns = "keep_runs"
    case sizeBands = "size_bands"
    case withholdBelow = "withhold_below"
    case peerCodeSecret = "peer_code_secret"
    case peerCodeSecretFile = "peer_code_secret_file"
    case internalUse = "internal_use"
}

/// The keys of the `size_bands` mapping.
enum SizeBandKey: String, CaseIterable {
    case mediumTrustFrom = "medium_trust_from"
    case largeTrustFrom = "large_trust_from"
    case mediumPMOFrom = "medium_pmo_from"
    case largePMOFrom = "large_pmo_from"
}

extension String {
    /// The closest of `candidates` when it is a plausible misspelling (at most two edits away),
    /// so that `titel` or `keep-runs` gets a "did you mean".
    func closest(among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(to: $0)) }.filter { $0.1 <= 2 }
        return scored.min { $0.1 < $1.1 }?.0
    }

    private func editDistance(to other: String) -> Int {
        let a = Array(lowercased()), b = Array(other.lowercased())
        guard !a.isEmpty, !b.isEmpty else { return Swift.max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
