/// The findings about trusts (`trust-identity.md` section 3), one per distinct spelling rather
/// than one per row, shown before the rows' findings: a spelling nothing resolves, a code and a
/// name that name different trusts, a trust that had closed before the wave it answered.
extension Survey {
    func trustFindings(file: String?) -> [Finding] {
        let directory = trustDirectory
        var numbers: [String: Int] = [:]
        for (i, key) in trustKeys.enumerated() { numbers[key] = i }
        var findings: [Finding] = []
        func add(_ column: String, _ message: String, shared: String, trusts: [Int?], severity: Finding.Severity = .warning) {
            var finding = Finding(file: file, line: nil, responseID: nil, column: column, severity: severity, message: message)
            finding.trustNumbers = trusts.compactMap { $0 }
            finding.sharedMessage = shared
            findings.append(finding)
        }
        func described(_ trust: Int) -> String {
            let t = directory.trusts[trust]
            return "\(t.code) \(t.shownName)"
        }
        let list = directory.trustListPath
        for spelling in trustSpellings where spelling.count > 0 {
            let r = spelling.resolution, answers = spelling.count == 1 ? "1 answer" : "\(spelling.count.grouped) answers"
            let trust = numbers[r.key]
            switch r.basis {
            case .unresolved:
                let candidates = directory.candidates(for: spelling.normalisedName)
                // A candidate that took part is named too: where it may not be, the shared message is shown.
                let named = [trust] + candidates.map { numbers["code:" + directory.trusts[$0].code] }
                let maybe = candidates.isEmpty ? "" : "; it may be " + Self.orList(candidates.map(described))
                let shared = "a trust's spelling (\(answers)) is in neither the trust list nor the ODS register, so its answers are kept apart from every other trust's"
                if let code = spelling.code {
                    add("trust_code", "trust code \(code) (\(TrustListLine.quoted(spelling.name)), \(answers)) is in neither the trust list nor the ODS register, "
                        + "so it is kept apart from every other trust\(maybe); if it is a member that is not an NHS trust, add to \(list): "
                        + TrustListLine.name(code: code, name: spelling.name),
                        // The code still keeps the trust's answers together across rounds.
                        shared: shared, trusts: named, severity: .info)
                } else {
                    let link = candidates.first.map { "to link it to \(directory.trusts[$0].code), add to \(list): " + TrustListLine.alias(directory.trusts[$0], alias: spelling.name) }
                        ?? "to link it, add to \(list) under the trust's ODS code: " + TrustListLine.alias(code: "CODE", alias: spelling.name)
                    add("trust_name", "trust \(TrustListLine.quoted(spelling.name)) (\(answers)) is in neither the trust list nor the ODS register, "
                        + "so its answers are kept apart from every other trust's\(maybe); \(link)",
                        shared: shared, trusts: named)
                }
            case .alias, .registerName:
                guard let code = spelling.code, let resolved = r.trust else { continue }
                add("trust_code", "trust code \(code) is in neither the trust list nor the ODS register; the name \(TrustListLine.quoted(spelling.name)) "
                    + "is \(described(resolved)), which is used (\(answers))",
                    shared: "a trust's code is in neither the trust list nor the ODS register; its name was used (\(answers))", trusts: [trust])
            case .code:
                guard let other = r.nameTrust, let resolved = r.trust else { continue }
                add("trust_code", "trust code \(spelling.code ?? "") is \(described(resolved)) but the name \(TrustListLine.quoted(spelling.name)) "
                    + "is \(described(other)) (\(answers)); the code decides",
                    shared: "a trust's code and name are two different trusts (\(answers)); the code decides",
                    trusts: [trust, numbers["code:" + directory.trusts[other].code]])
            }
        }
        // In an order the rows' order does not decide.
        findings.sort { ($0.severity.rawValue, $0.column ?? "", $0.message) > ($1.severity.rawValue, $1.column ?? "", $1.message) }
        return findings + closedTrustFindings(file: file, numbers: numbers)
    }

    /// A trust the register says had closed before a wave it answered: one finding per trust and wave.
    private func closedTrustFindings(file: String?, numbers: [String: Int]) -> [Finding] {
        var closedTrusts: [Int: Int] = [:]  // trust number -> directory trust
        for spelling in trustSpellings where spelling.count > 0 {
            guard let t = spelling.resolution.trust, trustDirectory.trusts[t].closed != nil,
                  let number = numbers[spelling.resolution.key] else { continue }
            closedTrusts[number] = t
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
