/// A question and the trust's answer, for the "your answers" part of a pack.
public struct OwnAnswer: Sendable {
    public let question: String
    /// `.empty` when not answered.
    public let answer: FieldValue
}

/// One answer of the trust in the previous wave and in the latest.
public struct AnswerChange: Sendable {
    public let question: String
    public let previous: FieldValue
    public let latest: FieldValue
    /// latest minus previous, for numbers answered in both waves.
    public let difference: Double?
    public var hasChanged: Bool { previous != latest }
}

extension Response {
    /// The answers a pack shows to the trust itself, in questionnaire order. Its own free text is
    /// included: the pack goes to that trust only.
    var ownAnswers: [OwnAnswer] {
        func text(_ s: String?) -> FieldValue { s.map(FieldValue.text) ?? .empty }
        func list<T>(_ s: Selection<T>) -> FieldValue { s.isEmpty ? .empty : .text(s.text) }
        return [
            OwnAnswer(question: "Trust", answer: .text(trustName)),
            OwnAnswer(question: "ODS code", answer: text(trustCode)),
            OwnAnswer(question: "Sector", answer: .text(sector.rawValue)),
            OwnAnswer(question: "Region", answer: text(region)),
            OwnAnswer(question: "Foundation trust", answer: foundationTrust.map(FieldValue.boolean) ?? .empty),
            OwnAnswer(question: "Staff headcount", answer: staffHeadcount.map(FieldValue.integer) ?? .empty),
            OwnAnswer(question: "Trust size", answer: .text(trustSize.rawValue)),
            OwnAnswer(question: "PMO model", answer: .text(model.label)),
            OwnAnswer(question: "Name of the function", answer: text(pmoName)),
            OwnAnswer(question: "Central PMO FTE", answer: centralFTE.map(FieldValue.number) ?? .empty),
            OwnAnswer(question: "Devolved project managers FTE", answer: devolvedFTE.map(FieldValue.number) ?? .empty),
            OwnAnswer(question: "Central PMO size", answer: .text(pmoSize.rawValue)),
            OwnAnswer(question: "Central PMO FTE per 1,000 staff", answer: ftePer1000Staff.map(FieldValue.number) ?? .empty),
            OwnAnswer(question: "Project types", answer: list(projectTypes)),
            OwnAnswer(question: "Services", answer: list(services)),
            OwnAnswer(question: "Reports to", answer: text(reportsTo?.rawValue)),
            OwnAnswer(question: "Methodology", answer: list(methodology)),
            OwnAnswer(question: "Established", answer: established.map(FieldValue.integer) ?? .empty),
            OwnAnswer(question: "Agreed to be named to other trusts", answer: .boolean(shareConsent)),
            OwnAnswer(question: "Comments", answer: text(comments)),
        ]
    }

    /// The answers that can change between waves, previous first; identity and free text left out.
    func changes(since previous: Response) -> [AnswerChange] {
        let comparable: Set<String> = [
            "Staff headcount", "Trust size", "PMO model", "Central PMO FTE", "Devolved project managers FTE",
            "Central PMO size", "Central PMO FTE per 1,000 staff", "Project types", "Services", "Reports to",
            "Methodology",
        ]
        return zip(previous.ownAnswers, ownAnswers).filter { comparable.contains($0.0.question) }.map { old, new in
            AnswerChange(question: new.question, previous: old.answer, latest: new.answer,
                         difference: old.answer.number.flatMap { a in new.answer.number.map { $0 - a } })
        }
    }
}

extension FieldValue {
    /// The value as a number, for integers and numbers.
    var number: Double? {
        switch self {
        case .integer(let n): Double(n)
        case .number(let x): x
        default: nil
        }
    }
}
