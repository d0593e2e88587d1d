import PMOSurvey

/// The words sample trusts and respondents are made of. Every trust, code and person is fictional;
/// respondents' names carry accents and apostrophes because real exports do.
enum SampleNames {
    /// Places are a prefix and a suffix, 200 in all; a trust's place is one or more of them, so
    /// names stay unique however many trusts there are.
    static let placePrefixes = [
        "Ash", "Bram", "Calder", "Dun", "Elm", "Fen", "Glen", "Hart", "Ingle", "Kings",
        "Lang", "Marl", "North", "Oak", "Pen", "Ravens", "Stan", "Thorn", "Wex", "Yarn",
    ]
    static let placeSuffixes = ["bury", "ford", "ley", "ham", "worth", "field", "mouth", "wick", "dale", "minster"]
    static let placeCount = placePrefixes.count * placeSuffixes.count

    static func place(_ number: Int) -> String {
        placePrefixes[number / placeSuffixes.count] + placeSuffixes[number % placeSuffixes.count]
    }

    /// What comes between the place and "NHS Trust", by sector.
    static func trustKinds(_ sector: Sector) -> [String] {
        switch sector {
        case .acute: ["Hospitals", "University Hospitals", "Teaching Hospitals", "Healthcare", "General Hospital"]
        case .mentalHealth: ["Mental Health", "Partnership", "Mental Health and Wellbeing"]
        case .community: ["Community Health", "Community Healthcare"]
        case .ambulance: ["Ambulance Service"]
        case .specialist: ["Children's Hospital", "Orthopaedic Hospital", "Heart and Chest Hospital", "Cancer Centre", "Eye Hospital"]
        case .combined: ["Health and Care", "Integrated Care", "Healthcare and Community"]
        }
    }

    /// NHS England's seven regions, weighted roughly by their number of trusts.
    static let regions = WeightedChoice<String>([
        "North East and Yorkshire": 14, "North West": 15, "Midlands": 20, "East of England": 12,
        "London": 16, "South East": 14, "South West": 9,
    ])

    /// First names as written, and as they appear in an e-mail address.
    static let firstNames: [(written: String, email: String)] = [
        ("Sévérine", "severine"), ("Zoë", "zoe"), ("Siobhán", "siobhan"), ("Chloé", "chloe"),
        ("José", "jose"), ("Renée", "renee"), ("Aoife", "aoife"), ("Priya", "priya"), ("James", "james"),
        ("Sarah", "sarah"), ("Mohammed", "mohammed"), ("Emma", "emma"), ("David", "david"),
        ("Olumide", "olumide"), ("Rachel", "rachel"), ("Tom", "tom"), ("Helen", "helen"),
        ("Gareth", "gareth"), ("Anna", "anna"), ("Wojciech", "wojciech"), ("Niamh", "niamh"),
        ("Raj", "raj"), ("Fiona", "fiona"), ("Kwame", "kwame"),
    ]
    static let surnames: [(written: String, email: String)] = [
        ("O'Brien", "obrien"), ("Smith", "smith"), ("Patel", "patel"), ("Jones", "jones"),
        ("Brontë", "bronte"), ("Müller", "muller"), ("Williams", "williams"), ("Khan", "khan"),
        ("Taylor", "taylor"), ("Nowak", "nowak"), ("Davies", "davies"), ("Evans", "evans"),
        ("Okafor", "okafor"), ("Wright", "wright"), ("Thompson", "thompson"), ("Hughes", "hughes"),
        ("Ahmed", "ahmed"), ("Clarke", "clarke"), ("Lefèvre", "lefevre"), ("Walker", "walker"),
    ]
    static let roles = [
        "Head of PMO", "PMO Manager", "Programme Manager", "Director of Strategy",
        "Associate Director of Transformation", "Deputy Director of Finance",
        "Head of Service Improvement", "Business Planning Manager", "Project Support Officer",
        "Director of Operations",
    ]

    /// What trusts call a central function.
    static let centralFunctionNames = [
        "Programme Management Office", "PMO", "Project Management Office", "Transformation Office",
        "Programme Management Office (PMO)", "Strategy and Transformation Team", "Service Improvement Team",
        "Portfolio Office", "Enterprise PMO", "Improvement & Delivery Unit", "Cost Improvement Programme Office",
    ]
    /// What trusts without a central function sometimes call their project managers.
    static let devolvedFunctionNames = ["Divisional project managers", "Service improvement leads"]
}
