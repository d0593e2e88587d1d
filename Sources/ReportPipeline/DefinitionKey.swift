import PMOSurvey

/// The keys a report definition may hold, as spelt in the YAML file.
enum DefinitionKey: String, CaseIterable {
    case title, subtitle, organisation, author, classification, keywords
    case input, inputs
    case inputPattern = "input_pattern"
    case output, outputs
    case keepRuns = "keep_runs"
    case sizeBands = "size_bands"
    case withholdBelow = "withhold_below"
    case fteStatisticsBelow = "fte_statistics_below"
    case dominancePercent = "dominance_percent"
    case peerCodeSecret = "peer_code_secret"
    case peerCodeSecretFile = "peer_code_secret_file"
    case internalUse = "internal_use"
    case register, trusts
    case delivery
}

/// The keys of the `delivery` mapping.
enum DeliveryKey: String, CaseIterable {
    case smtp, user, from, contacts, rate, subject, body
    case passwordFile = "password_file"
    case allowedDomains = "allowed_domains"
    case caFile = "ca_file"
    case secureSubject = "secure_subject"
}

/// The keys of one entry of `inputs`.
enum InputKey: String, CaseIterable {
    case file, mapping, pattern
}

/// The keys of the `size_bands` mapping.
enum SizeBandKey: String, CaseIterable {
    case mediumTrustFrom = "medium_trust_from"
    case largeTrustFrom = "large_trust_from"
    case mediumPMOFrom = "medium_pmo_from"
    case largePMOFrom = "large_pmo_from"
}
