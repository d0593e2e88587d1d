import PMOSurvey

/// Which question holds which canonical field, guessed from the words of question texts, for
/// `pmo-report map` ("How many whole time equivalent staff work in the central PMO?" ->
/// `central_pmo_fte`).
enum FieldMatching {
    /// The fields in the order a draft lists them.
    static let fields: [SurveyColumn] = [
        .responseID, .submitted, .trustCode, .trustName, .sector, .region, .foundationTrust, .staffHeadcount,
        .pmoModel, .pmoName, .centralPMOFTE, .devolvedPMFTE, .projectTypes, .pmoServices, .reportsTo,
        .methodology, .established, .shareConsent, .comments,
    ]

    /// Phrases that point at a field, with their weight; all of a group's phrases must appear.
    private static let cues: [SurveyColumn: [([String], Int)]] = [
        .responseID: [(["respondent id"], 10), (["respondentid"], 10), (["responseid"], 10), (["response id"], 10), (["id"], 6)],
        .submitted: [(["end date"], 8), (["enddate"], 8), (["completion time"], 10), (["timestamp"], 10), (["recordeddate"], 10), (["submitted"], 8), (["recorded date"], 10), (["when did you"], 8), (["date"], 4)],
        .trustCode: [(["ods"], 10), (["organisation code"], 8), (["code"], 4)],
        .trustName: [(["which nhs organisation"], 10), (["trust name"], 10), (["organisation"], 5), (["trust"], 2), (["work for"], 5)],
        .sector: [(["type of trust"], 10), (["sector"], 10), (["kind of trust"], 10), (["type"], 3)],
        .region: [(["region"], 10)],
        .foundationTrust: [(["foundation"], 10)],
        .staffHeadcount: [(["headcount"], 10), (["how many staff", "employ"], 8), (["employ"], 5), (["staff"], 2)],
        .pmoModel: [(["projects delivered"], 10), (["model"], 8), (["how are projects"], 8), (["organised"], 5), (["delivered"], 4)],
        .pmoName: [(["called"], 10), (["name of the function"], 10), (["local name"], 8)],
        .centralPMOFTE: [(["central", "whole time"], 12), (["central", "wte"], 12), (["central", "fte"], 12), (["central", "full time"], 12), (["central pmo", "how many"], 6)],
        .devolvedPMFTE: [(["divisions", "whole time"], 12), (["devolved", "whole time"], 12), (["divisions", "fte"], 12), (["devolved", "fte"], 12), (["project managers", "how many"], 6), (["divisions", "wte"], 12),
                         (["divisional", "wte"], 12), (["divisional", "fte"], 12), (["divisional", "whole time"], 12), (["devolved", "wte"], 12),
                         (["project managers", "wte"], 10), (["project managers", "fte"], 10), (["project managers", "whole time"], 10)],
        .projectTypes: [(["kinds of projects"], 12), (["types of project"], 12), (["project types"], 12), (["what projects"], 8), (["projects does"], 6)],
        .pmoServices: [(["services"], 6), (["services does the function"], 12), (["what does the pmo do"], 10)],
        .reportsTo: [(["report"], 6), (["reports to"], 10), (["to whom"], 10), (["accountable"], 6)],
        .methodology: [(["method"], 10), (["methods"], 10), (["methodology"], 12), (["methodologies"], 12), (["prince2"], 8)],
        .established: [(["year"], 6), (["set up"], 8), (["established"], 10)],
        .shareConsent: [(["name your trust"], 12), (["consent"], 10), (["shared results"], 8), (["share"], 4), (["may we"], 3)],
        .comments: [(["anything else"], 10), (["comments"], 10), (["comment"], 8), (["other feedback"], 8)],
    ]

    /// How well a question's distinct answers fit `field`: more when they are its values or its
    /// kind of number, much less when they plainly are not.
    static func fit(_ answers: [String], _ field: SurveyColumn) -> Int {
        let given = answers.filter { !$0.isEmpty }
        guard !given.isEmpty else { return 0 }
        let share = { (test: (String) -> Bool) in Double(given.count(where: test)) / Double(given.count) }
        switch field {
        case .centralPMOFTE, .devolvedPMFTE, .staffHeadcount, .established:
            let numbers = share { $0.contains(where: \.isNumber) }
            return numbers >= 0.5 ? 2 : numbers < 0.2 ? -8 : 0
        case _ where CodedColumn.values(of: field) != nil:
            let known = share { CodedColumn.accepts($0, in: field) || AnswerProposal.propose($0, for: field) != nil }
            return known >= 0.5 ? 3 : known == 0 ? -6 : 0
        default:
            return 0
        }
    }

    struct Match {
        var question: Int
        var field: SurveyColumn
        /// A strong cue and no close rival.
        var sure: Bool
    }

    /// The best field for each question, each field at most once, strongest matches first.
    /// `answers` (distinct answers of each question, when known) weigh in: a question answered
    /// in numbers is no coded field, one whose answers are a field's values is more likely it.
    static func match(_ questions: [String], answers: [[String]]? = nil) -> [Match] {
        var scored: [(question: Int, field: SurveyColumn, score: Int)] = []
        for (i, text) in questions.enumerated() {
            let words = " " + text.referenceKey.map { $0.isLetter || $0.isNumber ? $0 : " " }.reduce(into: "") { $0.append($1) } + " "
            for (field, groups) in cues {
                var score = groups.filter { group in group.0.allSatisfy { words.contains(" \($0) ") } }.map(\.1).max() ?? 0
                if score > 0, let answers, answers.indices.contains(i) { score += fit(answers[i], field) }
                if score > 0 { scored.append((i, field, score)) }
            }
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.question < $1.question }
        var matches: [Match] = [], usedQuestions = Set<Int>(), usedFields = Set<SurveyColumn>()
        for candidate in scored where !usedQuestions.contains(candidate.question) && !usedFields.contains(candidate.field) {
            let rival = scored.contains { $0.question == candidate.question && $0.field != candidate.field && !usedFields.contains($0.field) && $0.score >= candidate.score - 2 }
            matches.append(Match(question: candidate.question, field: candidate.field, sure: candidate.score >= 8 && !rival))
            usedQuestions.insert(candidate.question)
            usedFields.insert(candidate.field)
        }
        return matches
    }
}
