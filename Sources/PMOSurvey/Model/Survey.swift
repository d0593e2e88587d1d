/// Where the responses came from, for the About sheet, the appendix and the manifest.
public struct SurveySource: Sendable, Hashable {
    public enum Encoding: String, Sendable, Hashable {
        case utf8 = "UTF-8"
        case utf8WithBOM = "UTF-8 with byte-order mark"
        case windows1252 = "Windows-1252"
        /// An .xlsx workbook: its cells are typed, there is no text encoding to choose.
        case workbook = "an Excel workbook"
    }

    /// The mapping file an export was read through (`import-mapping.md`).
    public struct Mapping: Sendable, Hashable {
        /// The file name only, as for the input.
        public var fileName: String
        public var sha256: String
        /// The survey tool the export came from, e.g. `surveymonkey`.
        public var tool: String

        public init(fileName: String, sha256: String, tool: String) {
            self.fileName = fileName
            self.sha256 = sha256
            self.tool = tool
        }
    }

    /// The file name only: outputs never show the operator's folders.
    public var fileName: String
    public var byteCount: Int
    /// Lower-case hex SHA-256 of the file's bytes.
    public var sha256: String
    public var encoding: Encoding
    /// Nil for a canonical CSV.
    public var mapping: Mapping?

    public init(fileName: String, byteCount: Int, sha256: String, encoding: Encoding, mapping: Mapping? = nil) {
        self.fileName = fileName
        self.byteCount = byteCount
        self.sha256 = sha256
        self.encoding = encoding
        self.mapping = mapping
    }
}

/// How the file's records were used (contract section 5): `rows = valid + rejected + superseded`.
public struct ResponseCounts: Sendable, Hashable {
    public var rows = 0
    public var valid = 0
    public var rejected = 0
    public var superseded = 0

    public init(rows: Int = 0, valid: Int = 0, rejected: Int = 0, superseded: Int = 0) {
        self.rows = rows
        self.valid = valid
        self.rejected = rejected
        self.superseded = superseded
    }
}

/// A survey round.
public struct Wave: Sendable, Hashable {
    /// The label as written in the file; empty when the file has no waves.
    public var label: String
    /// The earliest `submitted` date of its valid responses, which orders the waves.
    public var earliestSubmitted: SurveyDate?
    /// Valid, non-superseded responses in the wave.
    public var responseCount: Int

    /// The label for people: an unlabelled wave reads `Survey`.
    public var displayLabel: String { label.isEmpty ? "Survey" : label }
}

/// A survey file read and validated: what every analysis and report starts from.
public struct Survey: Sendable {
    /// Every file read, in the order given: one canonical CSV, or survey-tool exports.
    public var sources: [SurveySource]
    /// The first input: the only one of a canonical survey.
    public var source: SurveySource { sources[0] }
    /// The inputs' file names for a sentence: `a.csv`, or `a.xlsx and b.csv`.
    public var sourceNames: String {
        let names = sources.map(\.fileName)
        return names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
    }
    /// Valid responses that reach the figures, superseded ones excluded, in file order of each
    /// trust's first answer to its wave (a later answer that supersedes it takes its place).
    public private(set) var responses: [Response]
    /// Every trust's `trustKey`, by its `Response.trustNumber`.
    public private(set) var trustKeys: [String]
    /// Every finding, in line order; file-level findings first.
    public var findings: [Finding]
    public var counts: ResponseCounts
    /// Waves in the contract's order: earliest submitted date, then label.
    public private(set) var waves: [Wave]
    /// Where each trust's current answer is in `responses`, by trust number: its answer to the
    /// latest wave it took part in (contract section 6). It decides the trust's consent and the
    /// name it is shown under in every wave, whatever the order of the rows in the file.
    public private(set) var currentAnswers: [Int]
    /// What the trusts were resolved through (`trust-identity.md`): the register and trust list,
    /// with their provenance. Empty when the survey was not read through one.
    public internal(set) var trustDirectory = TrustDirectory.empty
    /// Every distinct spelling of a trust in the inputs (code as given, name normalised), how it
    /// resolved and how many answers gave it, in the order first met.
    public internal(set) var trustSpellings: [TrustSpelling] = []
    /// By trust number: the answers of a trust whose code is in neither the register nor the
    /// trust list and whose name matches neither (0 for every other trust). Kept apart from
    /// `trustSpellings` because a survey of such trusts can hold half a million of them.
    public internal(set) var unknownCodeAnswers: [Int] = []

    /// The trusts of `unknownCodeAnswers` as spellings: the code, the current answer's name, the answers.
    public func unknownCodeSpellings(where include: (Int) -> Bool = { _ in true }) -> [TrustSpelling] {
        unknownCodeAnswers.indices.compactMap { trust in
            guard unknownCodeAnswers[trust] > 0, include(trust) else { return nil }
            return unknownCodeSpelling(trust)
        }
    }

    func unknownCodeSpelling(_ trust: Int) -> TrustSpelling {
        let code = String(trustKeys[trust].dropFirst("code:".count)), key = trustKeys[trust]
        return TrustSpelling(code: code, name: responses[currentAnswers[trust]].trustName, normalisedName: "",
                             resolution: TrustResolution(key: key, keyHash: 0, code: code, shownName: nil, basis: .unresolved,
                                                         trust: nil, nameTrust: nil, spelling: -1),
                             count: unknownCodeAnswers[trust], trustNumber: trust)
    }

    /// A survey whose responses already carry their trust numbers.
    init(sources: [SurveySource], numberedResponses responses: [Response], trustKeys: [String], findings: [Finding],
         counts: ResponseCounts) {
        self.sources = sources
        self.responses = responses
        self.trustKeys = trustKeys
        self.findings = findings
        self.counts = counts
        self.waves = Self.orderedWaves(responses)
        self.currentAnswers = Self.currentAnswers(responses, trustCount: trustKeys.count, waves: waves)
    }

    public var latestWave: Wave { waves[waves.count - 1] }

    /// The current answer of the trust that gave `r`.
    public func currentAnswer(of r: Response) -> Response { responses[currentAnswers[r.trustNumber]] }

    /// The positions in `responses` of each wave's responses, in the order of `waves`: one pass,
    /// whatever the number of waves.
    public var responsesByWave: [[Int]] {
        var byWave = [[Int]](repeating: [], count: waves.count), place = WavePlaces(waves)
        for i in responses.indices { byWave[place.index(of: responses[i].wave)].append(i) }
        return byWave
    }

    private static func currentAnswers(_ responses: [Response], trustCount: Int, waves: [Wave]) -> [Int] {
        var current = [Int](repeating: -1, count: trustCount), currentWave = current, place = WavePlaces(waves)
        for i in responses.indices {
            let trust = responses[i].trustNumber, wave = place.index(of: responses[i].wave)
            // One answer counts per trust and wave, so a later wave is the only way to replace one.
            if wave > currentWave[trust] { (current[trust], currentWave[trust]) = (i, wave) }
        }
        return current
    }

    /// Rejected rows by reason, for the data-quality summaries: the first error of each rejected
    /// row, most common first (then by column), so that the order of the rows never shows.
    public var rejectionsByColumn: [(column: String, count: Int)] {
        var seen = Set<Pair>(), counts: [String: Int] = [:]
        for f in findings where f.severity == .error {
            guard let line = f.line, seen.insert(Pair(file: f.file, line: line)).inserted else { continue }
            counts[f.column ?? "record", default: 0] += 1
        }
        return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ($0.key, $0.value) }
    }

    private struct Pair: Hashable {
        var file: String?
        var line: Int
    }
}
