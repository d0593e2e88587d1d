import PMOSurvey

/// How respondents spell their answers: mostly the canonical names, sometimes the contract's
/// aliases or another case, so that the sample exercises the reader's matching as a real export does.
/// A spelling listed twice is drawn twice as often.
enum SampleSpelling {
    static func sector(_ sector: Sector, using random: inout SeededRandom) -> String {
        switch sector {
        case .acute: random.pick(["Acute", "Acute", "Acute", "Acute", "Acute Trust", "acute"])
        case .mentalHealth: random.pick(["Mental Health", "Mental Health", "Mental health", "MH"])
        case .community: random.pick(["Community", "Community", "Community Trust"])
        case .ambulance: random.pick(["Ambulance", "Ambulance", "ambulance"])
        case .specialist: "Specialist"
        case .combined: random.pick(["Combined", "Acute and Community", "Mental Health and Community"])
        }
    }

    static func model(_ model: PMOModel, using random: inout SeededRandom) -> String {
        switch model {
        case .central: random.pick(["central", "central", "Central", "Central PMO"])
        case .hybrid: random.pick(["hybrid", "hybrid", "Hybrid", "HYBRID", "Central and devolved"])
        case .devolved: random.pick(["devolved", "devolved", "Devolved", "Devolved project managers"])
        case .none: random.pick(["none", "None", "No PMO"])
        }
    }

    static func yesNo(_ answer: Bool, using random: inout SeededRandom) -> String {
        answer ? random.pick(["Yes", "Yes", "Yes", "yes", "Y", "1"])
               : random.pick(["No", "No", "No", "no", "N", "0"])
    }

    /// An item of a multi-choice question: its spellings and the share of respondents who tick it.
    struct Item {
        let spellings: [String]
        let share: Double
    }

    static let projectTypes = [
        Item(spellings: ["IT", "IT", "IT", "IT", "Digital", "IT/Digital"], share: 0.7),
        Item(spellings: ["Quality"], share: 0.55),
        Item(spellings: ["Transformation"], share: 0.75),
        Item(spellings: ["Financial", "Financial", "Financial", "CIP", "CIP", "Cost improvement"], share: 0.8),
        Item(spellings: ["Estates"], share: 0.35),
        Item(spellings: ["Workforce"], share: 0.3),
        Item(spellings: ["Service development"], share: 0.45),
        Item(spellings: ["Other"], share: 0.08),
    ]

    static let services = [
        Item(spellings: ["Portfolio reporting"], share: 0.8),
        Item(spellings: ["Business cases"], share: 0.55),
        Item(spellings: ["Horizon scanning"], share: 0.25),
        Item(spellings: ["Service redesign"], share: 0.45),
        Item(spellings: ["Change facilitation"], share: 0.4),
        Item(spellings: ["Benefits realisation"], share: 0.5),
        Item(spellings: ["Training"], share: 0.35),
        Item(spellings: ["Assurance"], share: 0.6),
    ]

    static let methodologies = [
        Item(spellings: ["PRINCE2", "PRINCE2", "Prince2"], share: 0.6),
        Item(spellings: ["MSP"], share: 0.2),
        Item(spellings: ["Agile"], share: 0.15),
        Item(spellings: ["Lean/QI"], share: 0.35),
        Item(spellings: ["In-house"], share: 0.3),
    ]

    static let reportingLines = WeightedChoice<String>([
        "Finance": 30, "Strategy": 25, "Chief Executive": 15, "Operations": 18, "Clinical": 6, "Other": 6,
    ])

    /// A `;`-separated answer of at least one item, as respondents type it: usually `; `
    /// between items, sometimes `;`, now and then all in lower case.
    static func list(_ items: [Item], using random: inout SeededRandom) -> String {
        let separator = random.chance(0.8) ? "; " : ";"
        var text = ""
        for item in items where random.chance(item.share) {
            if !text.isEmpty { text += separator }
            text += random.pick(item.spellings)
        }
        if text.isEmpty { text = random.pick(items[0].spellings) }
        return random.chance(0.05) ? text.lowercased() : text
    }
}
