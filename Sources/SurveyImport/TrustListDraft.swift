import PMOSurvey

/// What `pmo-report trusts` says (`trust-identity.md` section 5): how every distinct code and
/// spelling in a survey resolved, with counts, and a draft of the trust list that would link the
/// spellings nothing resolves, every guess marked `# check`, in the manner of `map`.
public struct TrustListDraft: Sendable {
    public let survey: Survey

    public init(survey: Survey) {
        self.survey = survey
    }

    /// Every spelling with an answer, and each trust whose code and name nothing resolves.
    private var spellings: [TrustSpelling] { survey.trustSpellings.filter { $0.count > 0 } + survey.unknownCodeSpellings() }
    private var directory: TrustDirectory { survey.trustDirectory }

    /// One line per spelling, grouped by how it resolved, then the totals.
    public var report: String {
        var lines: [String] = []
        let d = directory
        var sources: [String] = []
        if let r = d.register { sources.append("ODS register \(r.fileName) (\(r.trustCount.grouped) trusts\(r.date.map { ", latest change \($0)" } ?? ""))") }
        if let l = d.trustList { sources.append("trust list \(d.trustListPath) (\(l.trustCount.grouped) trusts)") }
        lines.append("How the trusts of \(survey.sourceNames) resolve" + (sources.isEmpty ? " (no register, no trust list)" : " through the " + sources.joined(separator: " and ")) + ":")
        for basis in TrustResolution.Basis.allCases {
            let group = spellings.filter { $0.resolution.basis == basis }
                .sorted { ($0.resolution.key, $0.normalisedName, $0.code ?? "") < ($1.resolution.key, $1.normalisedName, $1.code ?? "") }
            guard !group.isEmpty else { continue }
            let answers = group.reduce(0) { $0 + $1.count }
            lines.append("")
            lines.append("\(basis.rawValue): \(group.count.grouped) \(group.count == 1 ? "spelling" : "spellings"), \(answers.grouped) \(answers == 1 ? "answer" : "answers")")
            for s in group {
                let given = [s.code, TrustListLine.quoted(s.name)].compactMap { $0 }.joined(separator: " ")
                let target = s.resolution.trust.map { " -> \(d.trusts[$0].code) \(d.trusts[$0].shownName)" } ?? ""
                let conflict = s.resolution.nameTrust.map { " (the name is \(d.trusts[$0].code) \(d.trusts[$0].shownName); the code decides)" } ?? ""
                lines.append("  \(given) (\(s.count.grouped))\(target)\(conflict)")
            }
        }
        let trusts = Set(spellings.map(\.resolution.key)).count
        let unresolved = spellings.filter { $0.resolution.basis == .unresolved }.count
        lines.append("")
        lines.append("\(trusts.grouped) \(trusts == 1 ? "trust" : "trusts") in all; \(unresolved.grouped) unresolved \(unresolved == 1 ? "spelling" : "spellings")"
            + (unresolved > 0 ? " (draft the lines that would link them with --output FILE)" : ""))
        return lines.joined(separator: "\n") + "\n"
    }

    /// A trust list: the current one's entries, plus a guess for every unresolved spelling.
    public var text: String {
        var entries: [(code: String, comment: String?, aliases: [(String, String?)], name: (String, String?)?)] = []
        var place: [String: Int] = [:]
        func entry(_ code: String, comment: String?) -> Int {
            if let i = place[code] { return i }
            place[code] = entries.count
            entries.append((code, comment, [], nil))
            return entries.count - 1
        }
        let d = directory
        for trust in d.trusts {
            guard let listed = trust.listed else { continue }
            let i = entry(trust.code, comment: trust.registerName.map(TrustNames.mixedCase))
            entries[i].aliases = listed.aliases.map { ($0, nil) }
            entries[i].name = listed.name.map { ($0, nil) }
        }
        var unmatched: [String] = []
        for s in spellings where s.resolution.basis == .unresolved {
            let answers = s.count == 1 ? "1 answer" : "\(s.count.grouped) answers"
            if let code = s.code {
                let i = entry(code, comment: nil)
                if entries[i].name == nil {
                    entries[i].name = (s.name, "check: \(code) is not in the ODS register (\(answers)); keep it only for a member that is not an NHS trust, else correct the code in the export")
                }
                continue
            }
            guard let best = d.candidates(for: s.normalisedName).first else {
                unmatched.append("# \(TrustListLine.quoted(s.name)) (\(answers)): no likely trust found; add it under its ODS code")
                continue
            }
            let trust = d.trusts[best]
            let others = d.candidates(for: s.normalisedName).dropFirst().map { d.trusts[$0].code }
            let i = entry(trust.code, comment: trust.registerName.map(TrustNames.mixedCase) ?? trust.listed?.name)
            entries[i].aliases.append((s.name, "check: a guess (\(answers))" + (others.isEmpty ? "" : "; or \(others.joined(separator: ", "))")))
        }
        var out = """
            # Trust list drafted by `pmo-report trusts` from \(survey.sourceNames).
            # Keys are ODS codes; `aliases:` are names respondents typed; `name:` is the name shown.
            # Check every line marked `# check`: a wrong alias merges two trusts' answers. Then keep it as
            # Reports/trusts.yaml (or pass it with --trusts).


            """
        for e in entries.sorted(by: { $0.code < $1.code }) {
            out += "\(e.code):" + (e.comment.map { "  # \($0)" } ?? "") + "\n"
            if !e.aliases.isEmpty {
                out += "  aliases:\n"
                for (alias, note) in e.aliases { out += "    - \(TrustListLine.quoted(alias))" + (note.map { "  # \($0)" } ?? "") + "\n" }
            }
            if let (name, note) = e.name { out += "  name: \(TrustListLine.quoted(name))" + (note.map { "  # \($0)" } ?? "") + "\n" }
        }
        if !unmatched.isEmpty { out += "\n" + unmatched.joined(separator: "\n") + "\n" }
        return out
    }

    /// Lines marked `# check`.
    public var unsureLines: Int { text.split(separator: "\n").count { $0.contains("  # check") } }
}
