/// Rows of an export that look like tests or previews, for the `exclude_when` a draft proposes
/// (marked to check: a person decides). SurveyMonkey has no `Status` column, so the signs are
/// the answers themselves: a test word in the trust's name or the respondent's name, or a
/// Qualtrics `Status` of `Survey Preview`.
enum TestRows {
    struct Exclusion: Equatable {
        /// The column, as the mapping names it.
        var reference: String
        /// The answers that leave a row out.
        var answers: [String]
        /// What to check, for the `# check` comment.
        var why: String
    }

    /// Whole words that mark a response made to try the survey out.
    static let words: Set<String> = ["test", "testing", "tester", "preview", "dummy", "ignore", "delete", "demo"]

    /// Whether `answer` holds one of `words` as a whole word (`TEST - please ignore`, not `Attest`).
    static func looksLikeTest(_ answer: String) -> Bool {
        answer.lowercased().split { !$0.isLetter }.contains { words.contains(String($0)) }
    }

    /// The exclusions for `sample`: the trust-name question's and the name columns' test-like
    /// answers, and Qualtrics' previews.
    static func find(in sample: ExportSample, header: ExportHeader, trustName: (reference: String, columns: ExportHeader.Columns)?) -> [Exclusion] {
        var found: [Exclusion] = []
        let questions = header.questions
        if header.tool == .qualtrics, let status = questions.first(where: { $0.reference.referenceKey == "status" }) {
            let previews = sample.rows.count { cell($0, status.columns.indexes[0]) == "Survey Preview" }
            if previews > 0 {
                found.append(Exclusion(reference: status.reference, answers: ["Survey Preview"],
                                       why: "Qualtrics' previews (\(rows(previews)))"))
            }
        }
        // The respondent's name only when the name itself is a test word: a real name is never written.
        let names = questions.filter { ["name", "first name", "last name", "respondent name"].contains($0.reference.referenceKey) }
        // A row already left out by an earlier proposal needs no second one.
        var covered = Set<Int>()
        for question in (trustName.map { [$0] } ?? []) + names {
            var answers: [String] = [], count = 0, matched: [Int] = []
            for (i, row) in sample.rows.enumerated() {
                let answer = cell(row, question.columns.indexes[0])
                guard looksLikeTest(answer) else { continue }
                matched.append(i)
                count += 1
                if !answers.contains(answer) { answers.append(answer) }
            }
            guard !answers.isEmpty, !covered.isSuperset(of: matched) else { continue }
            covered.formUnion(matched)
            found.append(Exclusion(reference: question.reference, answers: answers,
                                   why: "looks like a test or preview (\(rows(count))); remove the line if it is a real response"))
        }
        return found
    }

    private static func cell(_ row: [String], _ index: Int) -> String {
        row.indices.contains(index) ? row[index].trimmingCharacters(in: .whitespaces) : ""
    }

    private static func rows(_ count: Int) -> String { "\(count) row\(count == 1 ? "" : "s")" }
}
