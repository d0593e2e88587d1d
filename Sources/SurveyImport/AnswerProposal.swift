import PMOSurvey

/// A canonical value proposed for an answer text that the canonical rules do not read, for
/// `pmo-report map` and for the hint of a rejected answer. A guess from key words, never applied
/// without a person's say: it is written into a mapping (marked when unsure) or shown in a finding.
struct AnswerProposal: Equatable {
    var value: String
    /// False when the text already is a canonical value or alias, or one key word decided it.
    var unsure: Bool

    /// The proposal for `answer` in `column`, or nil when nothing fits.
    static func propose(_ answer: String, for column: SurveyColumn) -> AnswerProposal? {
        let text = answer.referenceKey
        if column == .centralPMOFTE || column == .devolvedPMFTE { return number(in: text) }
        if CodedColumn.accepts(answer, in: column), let exact = canonical(answer, in: column) {
            return AnswerProposal(value: exact, unsure: false)
        }
        let words = " " + text.map { $0.isLetter || $0.isNumber ? $0 : " " }.reduce(into: "") { $0.append($1) } + " "
        func has(_ word: String) -> Bool { words.contains(" \(word) ") || (word.contains(" ") && words.contains(word)) }
        func guess(_ rules: [(value: String, when: [String])]) -> AnswerProposal? {
            let hits = rules.filter { $0.when.contains(where: has) }
            guard let first = hits.first else { return nil }
            return AnswerProposal(value: first.value, unsure: hits.count > 1)
        }
        switch column {
        case .sector:
            if (has("acute") || has("mental")) && has("community") { return AnswerProposal(value: "Combined", unsure: false) }
            return guess([("Acute", ["acute", "hospital"]), ("Mental Health", ["mental", "psychiatric"]),
                          ("Community", ["community"]), ("Ambulance", ["ambulance"]), ("Specialist", ["specialist", "specialised"]),
                          ("Combined", ["combined", "integrated"])])
        case .pmoModel:
            if has("no") || has("none") || has("not") || has("without") {
                if has("central") && (has("devolved") || has("divisions") || has("services")) && !has("no central") {
                    return AnswerProposal(value: "devolved", unsure: true)
                }
                return AnswerProposal(value: has("devolved") || has("divisions") || has("project managers") ? "devolved" : "none", unsure: true)
            }
            if has("central") && (has("devolved") || has("divisions") || has("plus") || has("and")) { return AnswerProposal(value: "hybrid", unsure: false) }
            return guess([("central", ["central", "corporate"]), ("hybrid", ["hybrid", "mixed"]), ("devolved", ["devolved", "divisions", "divisional"])])
        case .foundationTrust, .shareConsent:
            // "Yes, you may name us", "No, keep us anonymous".
            return YesNo.allCases.first { text.hasPrefix($0.rawValue) }.map { AnswerProposal(value: $0.rawValue, unsure: false) }
        case .reportsTo:
            // A deputy or assistant is not the post itself: no guess is better than a wrong one.
            if has("deputy") || has("assistant") || has("associate") || has("vice") { return nil }
            return guess([("Chief Executive", ["chief executive", "ceo"]), ("Finance", ["finance", "financial", "cfo"]),
                          ("Strategy", ["strategy", "strategic", "planning"]), ("Operations", ["operations", "operating", "coo"]),
                          ("Clinical", ["clinical", "medical", "nursing"]), ("Other", ["other"])])
        case .projectTypes: return listGuess(words, ProjectType.self, extra: [("IT", ["it", "digital", "technology", "ict"]), ("Financial", ["cip", "cost", "financial", "savings"]), ("Service development", ["service development"]), ("Other", ["other"])])
        case .pmoServices: return listGuess(words, PMOService.self, extra: [("Business cases", ["business case", "business cases"]), ("Benefits realisation", ["benefits"]), ("Assurance", ["assurance", "gateway"]), ("Training", ["training", "coaching"]), ("Portfolio reporting", ["reporting"]), ("Horizon scanning", ["horizon"]), ("Service redesign", ["redesign"]), ("Change facilitation", ["facilitation", "change"])])
        case .methodology: return listGuess(words, Methodology.self, extra: [("PRINCE2", ["prince2", "prince"]), ("MSP", ["msp", "managing successful programmes"]), ("Agile", ["agile", "scrum"]), ("Lean/QI", ["lean", "qi", "quality improvement"]), ("In-house", ["in house", "own", "bespoke", "inhouse"])])
        default: return nil
        }
    }

    private static func listGuess<Item: ListAnswer>(_ words: String, _: Item.Type, extra: [(String, [String])]) -> AnswerProposal? {
        // The item's own name among the answer's words first (`Quality improvement` -> Quality).
        let named = Item.allCases.map(\.rawValue).filter { words.contains(" \($0.referenceKey.map { $0.isLetter || $0.isNumber ? $0 : " " }.reduce(into: "") { $0.append($1) }) ") }
        if named.count == 1 { return AnswerProposal(value: named[0], unsure: false) }
        let hits = extra.filter { _, keys in keys.contains { words.contains(" \($0) ") } }.map(\.0)
        let distinct = hits.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        guard let first = distinct.first else { return nil }
        return AnswerProposal(value: first, unsure: distinct.count > 1)
    }

    /// Words that mean "no figure given": mapped to `""` (not answered), not guessed at.
    private static let noFigure: Set<String> = ["not sure", "unsure", "don't know", "dont know", "do not know", "unknown",
                                                "n/a", "na", "not known", "no idea", "tbc", "-", "?"]

    /// A number in words (`approx 3`, `about 2.5 WTE`, `3-4 people`): its first number, as a guess
    /// to check; `not sure` and the like: `""`, not answered. A figure without words (`-2`, `1,5`)
    /// gets none: a sign or a decimal comma is never guessed away.
    private static func number(in text: String) -> AnswerProposal? {
        if noFigure.contains(text) { return AnswerProposal(value: "", unsure: false) }
        guard text.contains(where: \.isLetter), !text.contains(",") else { return nil }
        var digits = "", seenPoint = false, previous: Character = " "
        for c in text {
            if c.isASCII && c.isNumber {
                if digits.isEmpty && previous == "-" { return nil }
                digits.append(c)
            } else if c == ".", !seenPoint, !digits.isEmpty {
                digits.append(c)
                seenPoint = true
            } else if !digits.isEmpty {
                break
            }
            previous = c
        }
        while digits.hasSuffix(".") { digits.removeLast() }
        return digits.isEmpty ? nil : AnswerProposal(value: digits, unsure: true)
    }

    /// Whether the canonical rules read `text` as an FTE figure once its unit is taken off.
    static func isFTE(_ text: String) -> Bool {
        let plain = FieldPlan.withoutUnit(text)
        return !plain.isEmpty && plain.first != "." && plain.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "." } && Double(plain) != nil
    }

    /// A `values:` target as YAML: quoted when YAML would read it otherwise (`""`, `3`).
    static func yaml(_ value: String) -> String {
        value.isEmpty || value.first!.isNumber ? "\"\(value)\"" : value
    }

    /// The canonical spelling of an accepted answer (`MH` -> `Mental Health`).
    static func canonical(_ answer: String, in column: SurveyColumn) -> String? {
        switch column {
        case .sector: Sector(answer: answer)?.rawValue
        case .pmoModel: PMOModel(answer: answer)?.rawValue
        case .reportsTo: ReportingLine(item: answer)?.rawValue
        case .projectTypes: ProjectType(item: answer)?.rawValue
        case .pmoServices: PMOService(item: answer)?.rawValue
        case .methodology: Methodology(item: answer)?.rawValue
        case .foundationTrust, .shareConsent:
            YesNo(answer: answer)?.rawValue
        default: answer
        }
    }

    /// The `values:` entry that would map `answer`, for a finding.
    static func hint(_ answers: [String], for column: SurveyColumn) -> String {
        let entries = answers.map { answer in
            guard let proposal = propose(answer, for: column) else {
                return "\"\(answer)\": <one of \(CodedColumn.values(of: column)?.joined(separator: ", ") ?? "")>"
            }
            let guessed = proposal.unsure || canonical(answer, in: column) == nil
            return "\"\(answer)\": \(yaml(proposal.value))" + (guessed ? " (a guess; check it)" : "")
        }
        return "to map \(answers.count == 1 ? "it" : "them"), add under `fields.\(column.rawValue).values`: \(entries.joined(separator: ", "))"
    }
}
