/// The findings about trusts (`trust-identity.md` section 3), one per distinct spelling rather
/// than one per row, shown before the rows' findings: a spelling nothing resolves, a code and a
/// name that name different trusts, a trust that had closed before the wave it answered.
extension Survey {
    /// The most findings of one kind listed one by one; past it, one finding says how many more
    /// there are (`pmo-report trusts` lists every spelling). A survey of fictional trusts at
    /// national scale has half a million spellings nobody would read.
    static let trustFindingsListed = 200

    func trustFindings(file: String?) -> [Finding] {
        let directory = trustDirectory
        var findings: [Finding] = []
        func add(_ column: String, _ message: String, shared: String, trusts: [Int?], severity: Finding.Severity = .warning) {
            var finding = Finding(file: file, line: nil, responseID: nil, column: column, severity: severity, message: message)
            finding.trustNumbers = trusts.compactMap { $0 }.filter { $0 >= 0 }
            finding.sharedMessage = shared
            findings.append(finding)
        }
        func described(_ trust: Int) -> String {
            let t = directory.trusts[trust]
            return "\(t.code) \(t.shownName)"
        }
        // The survey's number of each directory trust that took part.
        var numbers: [Int: Int] = [:]
        for s in trustSpellings where s.trustNumber >= 0 { if let t = s.resolution.trust { numbers[t] = s.trustNumber } }
        func number(_ trust: Int) -> Int? { numbers[trust] }
        let list = directory.trustListPath
        func listed(_ kind: (TrustSpelling) -> Bool) -> (shown: [TrustSpelling], more: Int, answers: Int) {
            var shown = TopSpellings(limit: Self.trustFindingsListed), all = 0, answers = 0
            for i in trustSpellings.indices where trustSpellings[i].count > 0 && kind(trustSpellings[i]) {
                all += 1
                answers += trustSpellings[i].count
                shown.offer(trustSpellings[i])
            }
            return (shown.kept, all - shown.kept.count, answers - shown.kept.reduce(0) { $0 + $1.count })
        }
        func more(_ n: Int, answers: Int, _ what: String, column: String, severity: Finding.Severity = .warning) {
            guard n > 0 else { return }
            add(column, "and \(n.grouped) more \(what) (\(answers.grouped) answers); `pmo-report trusts` lists every spelling",
                shared: "and \(n.grouped) more \(what) (\(answers.grouped) answers)", trusts: [], severity: severity)
        }
        func answers(_ n: Int) -> String { n == 1 ? "1 answer" : "\(n.grouped) answers" }

        // With neither a register nor a trust list there is nothing a spelling could have resolved to.
        let resolving = !directory.isEmpty
        let typed = listed { resolving && $0.resolution.basis == .unresolved && $0.code == nil }
        for spelling in typed.shown {
            let candidates = directory.candidates(for: spelling.normalisedName)
            let maybe = candidates.isEmpty ? "" : "; it may be " + Self.orList(candidates.map(described))
            let link = candidates.first.map { "to link it to \(directory.trusts[$0].code), add to \(list): " + TrustListLine.alias(directory.trusts[$0], alias: spelling.name) }
                ?? "to link it, add to \(list) under the trust's ODS code: " + TrustListLine.alias(code: "CODE", alias: spelling.name)
            // A candidate that took part is named too: where it may not be, the shared message is shown.
            add("trust_name", "trust \(TrustListLine.quoted(spelling.name)) (\(answers(spelling.count))) is in neither the trust list nor the ODS register, "
                + "so its answers are kept apart from every other trust's\(maybe); \(link)",
                shared: "a trust's spelling (\(answers(spelling.count))) is in neither the trust list nor the ODS register, so its answers are kept apart from every other trust's",
                trusts: [spelling.trustNumber] + candidates.map(number))
        }
        more(typed.more, answers: typed.answers, "trust names in neither the trust list nor the ODS register", column: "trust_name")

        // One finding per code, under the trust's current name: a name it answered under before is
        // not shown where the current one is.
        var codedTop = TopSpellings(limit: Self.trustFindingsListed), codedAll = 0, codedAnswers = 0
        for trust in unknownCodeAnswers.indices where resolving && unknownCodeAnswers[trust] > 0 {
            codedAll += 1
            codedAnswers += unknownCodeAnswers[trust]
            // Compared on the count and the key first, so that only those kept are made.
            let count = unknownCodeAnswers[trust]
            if codedTop.isFull, let last = codedTop.kept.last,
               count < last.count || (count == last.count && trustKeys[trust] > last.resolution.key) {
                continue
            }
            codedTop.offer(unknownCodeSpelling(trust))
        }
        let coded = (shown: codedTop.kept, more: codedAll - codedTop.kept.count, answers: codedAnswers - codedTop.kept.reduce(0) { $0 + $1.count })
        for spelling in coded.shown {
            let code = spelling.code ?? ""
            let candidates = directory.candidates(for: TrustNames.normalised(spelling.name))
            let maybe = candidates.isEmpty ? "" : "; its name is like " + Self.orList(candidates.map(described))
            // The code still keeps the trust's answers together across rounds: information, not a warning.
            add("trust_code", "trust code \(code) (\(TrustListLine.quoted(spelling.name)), \(answers(spelling.count))) is in neither the trust list nor the ODS register\(maybe); "
                + "if it is a member that is not an NHS trust, add to \(list): " + TrustListLine.name(code: code, name: spelling.name),
                shared: "a trust's code (\(answers(spelling.count))) is in neither the trust list nor the ODS register",
                trusts: [spelling.trustNumber] + candidates.map(number), severity: .info)
        }
        more(coded.more, answers: coded.answers, "trust codes in neither the trust list nor the ODS register", column: "trust_code", severity: .info)

        let renamed = listed { $0.resolution.basis != .unresolved && $0.resolution.basis != .code && $0.code != nil }
        for spelling in renamed.shown {
            guard let resolved = spelling.resolution.trust else { continue }
            add("trust_code", "trust code \(spelling.code ?? "") is in neither the trust list nor the ODS register; the name \(TrustListLine.quoted(spelling.name)) "
                + "is \(described(resolved)), which is used (\(answers(spelling.count)))",
                shared: "a trust's code is in neither the trust list nor the ODS register; its name was used (\(answers(spelling.count)))",
                trusts: [spelling.trustNumber])
        }
        more(renamed.more, answers: renamed.answers, "trust codes in neither the trust list nor the ODS register whose name was used", column: "trust_code")

        let conflicts = listed { $0.resolution.nameTrust != nil }
        for spelling in conflicts.shown {
            guard let other = spelling.resolution.nameTrust, let resolved = spelling.resolution.trust else { continue }
            add("trust_code", "trust code \(spelling.code ?? "") is \(described(resolved)) but the name \(TrustListLine.quoted(spelling.name)) "
                + "is \(described(other)) (\(answers(spelling.count))); the code decides",
                shared: "a trust's code and name are two different trusts (\(answers(spelling.count))); the code decides",
                trusts: [spelling.trustNumber, number(other)])
        }
        more(conflicts.more, answers: conflicts.answers, "codes whose name is another trust", column: "trust_code")
        // In an order the rows' order does not decide.
        findings.sort { ($0.severity.rawValue, $0.column ?? "", $0.message) > ($1.severity.rawValue, $1.column ?? "", $1.message) }
        return findings + closedTrustFindings(file: file)
    }

    /// A trust the register says had closed before a wave it answered: one finding per trust and wave.
    private func closedTrustFindings(file: String?) -> [Finding] {
        var closedTrusts: [Int: Int] = [:]  // trust number -> directory trust
        for spelling in trustSpellings where spelling.count > 0 {
            guard let t = spelling.resolution.trust, trustDirectory.trusts[t].closed != nil else { continue }
            closedTrusts[spelling.trustNumber] = t
        }
        guard !closedTrusts.isEmpty else { return [] }
        var place = WavePlaces(waves)
        var answers: [Int: [Int: Int]] = [:]  // trust number -> wave index -> answers
        for r in responses where closedTrusts[r.trustNumber] != nil {
            answers[r.trustNumber, default: [:]][place.index(of: r.wave), default: 0] += 1
        }
        var findings: [Finding] = []
        for (number, byWave) in answers.sorted(by: { $0.key < $1.key }) {
            let trust = trustDirectory.trusts[closedTrusts[number]!]
            guard let closed = trust.closed else { continue }
            for (w, count) in byWave.sorted(by: { $0.key < $1.key }) {
                guard let date = waves[w].earliestSubmitted, SurveyDate(year: date.year, month: date.month, day: date.day)! > closed else { continue }
                let wave = waves[w].label.isEmpty ? "the survey" : "wave \(waves[w].label)"
                var finding = Finding(file: file, line: nil, responseID: nil, column: "trust_code", severity: .warning,
                                      message: "\(trust.code) \(trust.shownName) had closed on \(closed) (ODS register), before \(wave) "
                                        + "began on \(SurveyDate(year: date.year, month: date.month, day: date.day)!) (\(count == 1 ? "1 answer" : "\(count) answers")); check the code or the name")
                finding.trustNumbers = [number]
                finding.sharedMessage = "a trust had closed (ODS register) before \(wave) began; check its code or name"
                findings.append(finding)
            }
        }
        return findings
    }

    static func orList(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " or " + items[items.count - 1]
    }
}

/// Lines of the trust list (`Reports/trusts.yaml`) as findings and drafts propose them, in YAML
/// flow style so that one line says it all.
public enum TrustListLine {
    /// A YAML double-quoted scalar: every scalar of the trust list is text.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for c in text.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }

    /// `RR8: {aliases: ["LTHT"]}`, with the trust's aliases already listed kept.
    public static func alias(_ trust: TrustDirectory.Trust, alias: String) -> String {
        let aliases = (trust.listed?.aliases ?? []) + [alias]
        var fields = ["aliases: [" + aliases.map(quoted).joined(separator: ", ") + "]"]
        if let name = trust.listed?.name { fields.append("name: " + quoted(name)) }
        return "\(trust.code): {" + fields.joined(separator: ", ") + "}"
    }

    public static func alias(code: String, alias: String) -> String {
        "\(code): {aliases: [\(quoted(alias))]}"
    }

    /// `XPM01: {name: "Example Health Partnership"}`, for a member the register does not hold.
    public static func name(code: String, name: String) -> String {
        "\(code): {name: \(quoted(name))}"
    }
}

/// The spellings with most answers, then least name: found in one pass, whatever the order of the
/// rows, without sorting half a million of them.
private struct TopSpellings {
    let limit: Int
    /// In order, at most `limit`.
    private(set) var kept: [TrustSpelling] = []

    init(limit: Int) { self.limit = limit }

    var isFull: Bool { kept.count == limit }

    static func before(_ a: TrustSpelling, _ b: TrustSpelling) -> Bool {
        if a.count != b.count { return a.count > b.count }
        if a.normalisedName != b.normalisedName { return a.normalisedName < b.normalisedName }
        return (a.resolution.key, a.name) < (b.resolution.key, b.name)
    }

    mutating func offer(_ s: TrustSpelling) {
        if kept.count == limit, !Self.before(s, kept[limit - 1]) { return }
        var low = 0, high = kept.count
        while low < high {
            let mid = (low + high) / 2
            if Self.before(s, kept[mid]) { high = mid } else { low = mid + 1 }
        }
        kept.insert(s, at: low)
        if kept.count > limit { kept.removeLast() }
    }
}
