/// Every trust a response can be resolved to (`trust-identity.md`): the NHS ODS register's trusts,
/// open and closed, and the network's trust list (aliases, names shown, members that are not NHS
/// trusts). Built once per run from files read elsewhere (SurveyImport), so the core reads no format.
public struct TrustDirectory: Sendable {
    /// One row of the register (`etr.csv`): the columns the contract uses.
    public struct RegisterTrust: Sendable, Hashable {
        public var code: String
        /// As the register writes it: upper case.
        public var name: String
        public var opened: SurveyDate?
        public var closed: SurveyDate?

        public init(code: String, name: String, opened: SurveyDate?, closed: SurveyDate?) {
            self.code = code
            self.name = name
            self.opened = opened
            self.closed = closed
        }
    }

    /// One entry of the trust list (`Reports/trusts.yaml`).
    public struct ListedTrust: Sendable, Hashable {
        public var code: String
        public var aliases: [String]
        /// The name shown, overriding the register's.
        public var name: String?
        /// The entry's line in the trust list, for messages.
        public var line: Int?

        public init(code: String, aliases: [String] = [], name: String? = nil, line: Int? = nil) {
            self.code = code
            self.aliases = aliases
            self.name = name
            self.line = line
        }
    }

    /// A file the directory was read from, for the outputs' provenance and a run's up-to-date check.
    public struct Source: Sendable, Hashable {
        /// The file name only: outputs never show the operator's folders.
        public var fileName: String
        public var sha256: String
        /// The register's date: its latest open or close date (nil for a trust list).
        public var date: SurveyDate?
        /// Trusts in the file.
        public var trustCount: Int

        public init(fileName: String, sha256: String, date: SurveyDate? = nil, trustCount: Int) {
            self.fileName = fileName
            self.sha256 = sha256
            self.date = date
            self.trustCount = trustCount
        }
    }

    /// One trust of the directory, register and trust list together.
    public struct Trust: Sendable, Hashable {
        public var code: String
        public var registerName: String?
        public var listed: ListedTrust?
        public var opened: SurveyDate?
        public var closed: SurveyDate?

        /// The trust list's `name:`, else the register's name in mixed case.
        public var shownName: String {
            listed?.name ?? registerName.map(TrustNames.mixedCase) ?? code
        }
    }

    public private(set) var trusts: [Trust] = []
    public var register: Source?
    public var trustList: Source?
    /// The trust list as the user named it (`Reports/trusts.yaml`), for the lines findings propose.
    public var trustListPath: String

    private(set) var byCode: [String: Int] = [:]
    /// Normalised aliases and `name:`s of the trust list.
    private var byListedName: [String: Int] = [:]
    /// Normalised register names.
    private var byRegisterName: [String: Int] = [:]
    /// `TrustNames.fingerprint` of every normalised name above: most names match none, and this
    /// says so without building a String.
    private(set) var nameFingerprints: Set<UInt64> = []
    /// The same of their first words (`TrustNames.firstWordFingerprint`).
    private(set) var firstWordFingerprints: Set<UInt64> = []
    /// Each trust's normalised names with their bigrams, by trust: what candidates are scored on.
    private var forms: [[(name: String, grams: [UInt64])]] = []

    /// No register and no trust list: names are still compared after normalising.
    public static let empty = TrustDirectory(register: [], list: [])

    /// The trust list's entries are taken as checked (`TrustListFile` refuses an alias that
    /// matches two codes, and a code neither in the register nor with a `name:`).
    public init(register: [RegisterTrust], list: [ListedTrust], trustListPath: String = "Reports/trusts.yaml") {
        self.trustListPath = trustListPath
        for row in register {
            if let i = byCode[row.code] {
                // A code listed twice: the later row is the newer.
                trusts[i].registerName = row.name
                (trusts[i].opened, trusts[i].closed) = (row.opened, row.closed)
                continue
            }
            byCode[row.code] = trusts.count
            trusts.append(Trust(code: row.code, registerName: row.name, opened: row.opened, closed: row.closed))
        }
        for entry in list {
            if let i = byCode[entry.code] {
                trusts[i].listed = entry
            } else {
                byCode[entry.code] = trusts.count
                trusts.append(Trust(code: entry.code, listed: entry))
            }
        }
        for (i, trust) in trusts.enumerated() {
            if let name = trust.registerName {
                let key = TrustNames.normalised(name)
                // Two register rows with one name: the one still open, else the later opened.
                if let other = byRegisterName[key], Self.prefers(trusts[other], over: trust) { continue }
                byRegisterName[key] = i
            }
            for name in (trust.listed?.aliases ?? []) + (trust.listed?.name.map { [$0] } ?? []) {
                byListedName[TrustNames.normalised(name)] = i
            }
            for name in (trust.registerName.map { [$0] } ?? []) + (trust.listed?.aliases ?? []) + (trust.listed?.name.map { [$0] } ?? []) {
                let normalised = TrustNames.normalised(name)
                nameFingerprints.insert(TrustNames.fingerprint(normalised.utf8))
                firstWordFingerprints.insert(TrustNames.fingerprint(TrustNames.firstWord(ofNormalised: normalised).utf8))
            }
            let names = (trust.registerName.map { [$0] } ?? []) + (trust.listed?.aliases ?? []) + (trust.listed?.name.map { [$0] } ?? [])
            forms.append(Set(names.map(TrustNames.normalised)).sorted().map { ($0, Self.bigrams(Self.distinctive($0))) })
        }
    }

    private static func prefers(_ a: Trust, over b: Trust) -> Bool {
        if (a.closed == nil) != (b.closed == nil) { return a.closed == nil }
        return (a.opened ?? SurveyDate(unixTime: 0)) >= (b.opened ?? SurveyDate(unixTime: 0))
    }

    public var isEmpty: Bool { trusts.isEmpty }

    /// The trust with this code, in the register or the trust list.
    public func trust(code: String) -> Int? { byCode[code] }
    /// The trust a normalised name is an alias or `name:` of in the trust list.
    public func listedTrust(normalisedName: String) -> Int? { byListedName[normalisedName] }
    /// The trust whose register name normalises to this.
    public func registerTrust(normalisedName: String) -> Int? { byRegisterName[normalisedName] }

    /// Up to `limit` trusts a spelling may mean, most similar first: for a person to check, never
    /// to link. An abbreviation (`LTHT`, `GOSH`, `ELFT`) finds the trusts whose initials it spells.
    public func candidates(for normalisedName: String, limit: Int = 3) -> [Int] {
        guard !normalisedName.isEmpty else { return [] }
        let grams = Self.bigrams(Self.distinctive(normalisedName))
        let compact = normalisedName.filter { $0 != " " && $0 != "'" }
        let isAbbreviation = !normalisedName.contains(" ") && (2...10).contains(compact.count)
        var scored: [(trust: Int, score: Double)] = []
        for i in trusts.indices {
            var best = 0.0
            for (name, nameGrams) in forms[i] {
                var score = Self.dice(grams, nameGrams)
                if isAbbreviation, Self.abbreviates(compact, name) { score += 1 }
                best = max(best, score)
            }
            if best >= 0.62 { scored.append((i, best)) }
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : trusts[$0.trust].code < trusts[$1.trust].code }
        return scored.prefix(limit).map(\.trust)
    }

    /// Whether `letters` are the initials of `name`, with a trailing `t`, `ft` or `nhsft` for the
    /// kind of trust the normalised name no longer says (`LTHT`: Leeds Teaching Hospitals Trust; `N` for NHS),
    /// or the initials of its first words (`GOSH`: Great Ormond Street Hospital for Children).
    static func abbreviates(_ letters: String, _ name: String) -> Bool {
        let initials = TrustNames.initials(name)
        guard initials.count >= 2, letters.first == initials.first else { return false }
        let significant = String(name.split(separator: " ").filter { !TrustNames.minorWords.contains(String($0)) }.compactMap(\.first))
        for full in [initials, significant] {
            for ending in ["", "t", "ft", "nt", "nft", "nhst", "nhsft"] where letters == full + ending { return true }
            if full.count >= 3, letters.count >= 3, full.hasPrefix(letters) { return true }
        }
        return false
    }

    /// Words that say what kind of trust it is, not which: "Yarnfield University Hospitals" is
    /// not like "Oxford University Hospitals" because both are university hospitals.
    static let genericWords: Set<String> = [
        "hospital", "hospitals", "university", "teaching", "healthcare", "health", "care", "mental", "community",
        "partnership", "nhs", "trust", "foundation", "ft", "general", "and", "of", "the", "for", "services", "service",
        "ambulance", "integrated", "wellbeing", "children's", "childrens", "children", "centre", "specialist", "acute",
        "royal", "county", "district", "social", "group", "combined",
    ]

    static func distinctive(_ normalisedName: String) -> String {
        let words = normalisedName.split(separator: " ").filter { !genericWords.contains(String($0)) }
        return words.isEmpty ? normalisedName : words.joined(separator: " ")
    }

    /// The character bigrams of ` s `, each two scalars in one number, sorted: compared by merging,
    /// so that scoring every trust for a few hundred spellings costs milliseconds.
    static func bigrams(_ s: String) -> [UInt64] {
        let scalars = [UInt32(32)] + s.unicodeScalars.map(\.value) + [32]
        return (0..<(scalars.count - 1)).map { UInt64(scalars[$0]) << 32 | UInt64(scalars[$0 + 1]) }.sorted()
    }

    /// Sørensen–Dice coefficient over character bigrams: 1 for the same text, 0 for nothing shared.
    static func dice(_ a: [UInt64], _ b: [UInt64]) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 0 }
        var i = 0, j = 0, shared = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                shared += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return 2 * Double(shared) / Double(a.count + b.count)
    }
}
