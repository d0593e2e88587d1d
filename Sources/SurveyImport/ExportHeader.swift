import A1Notation
import Foundation
import PMOSurvey

/// An export's header rows as its tool lays them out, and which columns a mapping's reference
/// names (`import-mapping.md` section 2).
struct ExportHeader {
    /// The columns a reference names: one, or a question's columns with the option each stands for.
    struct Columns {
        var indexes: [Int]
        /// The option each column stands for (SurveyMonkey row 2, Qualtrics after ` - `), where
        /// a question has a column per option; nil for a one-column question.
        var options: [String]?
        /// The column of a single-choice question's typed "Other" (SurveyMonkey's `Other (please
        /// specify)` beside `Response`; Qualtrics' `Q3_4_TEXT` beside `Q3`): read when the choice
        /// is the Other option or empty (`import-mapping.md` section 2).
        var other: Int? = nil
    }

    let tool: SurveyTool
    let rows: [[String]]
    /// Every column's header texts as references are compared, by the rows that name columns.
    private let keys: [[String]]
    let columnCount: Int

    init(tool: SurveyTool, rows: [[String]]) {
        self.tool = tool
        self.rows = rows
        columnCount = rows.map(\.count).max() ?? 0
        keys = rows.map { $0.map(\.referenceKey) }
    }

    private func text(_ row: Int, _ column: Int) -> String {
        column < rows[row].count ? rows[row][column] : ""
    }

    private func key(_ row: Int, _ column: Int) -> String {
        column < keys[row].count ? keys[row][column] : ""
    }

    /// The columns `reference` names; an error naming `place` when it names none or several.
    func columns(for reference: String, place: Mapping.Place, mappingFile: String) throws(SettingsFileError) -> Columns {
        let wanted = reference.referenceKey
        let found: [Columns]
        switch tool {
        case .surveyMonkey: found = surveyMonkeyQuestions(wanted)
        case .qualtrics: found = qualtricsQuestions(wanted)
        case .msForms, .googleForms, .csv:
            found = (0..<columnCount).filter { key(0, $0) == wanted }.map { Columns(indexes: [$0], options: nil) }
        }
        if found.count == 1 { return found[0] }
        if found.isEmpty {
            throw SettingsFileError(file: mappingFile, line: place.line, problem: .noColumn(
                key: place.key, reference: reference, candidates: nearest(to: wanted)))
        }
        throw SettingsFileError(file: mappingFile, line: place.line, problem: .severalColumns(
            key: place.key, reference: reference, columns: found.map { describe($0.indexes[0]) }))
    }

    /// SurveyMonkey's fixed columns (newer and older names), under which its second header row is
    /// empty (`import-mapping.md` section 1).
    static let surveyMonkeyFixedColumns: Set<String> = [
        "respondent id", "collector id", "start date", "end date", "ip address", "email address", "first name",
        "last name", "custom data 1", "respondentid", "collectorid", "startdate", "enddate",
    ]

    /// Why `rows` cannot be a SurveyMonkey export's two header rows, or nil when they can: a
    /// second row with text under a fixed column is a response, and the export lost its second
    /// header row (re-saved by hand?). Read on, that response would become a header and every
    /// answer in an option's column would be dropped without a word.
    static func missingSecondRow(_ rows: [[String]], tool: SurveyTool) -> String? {
        guard tool == .surveyMonkey, rows.count >= 2 else { return nil }
        for (index, name) in rows[0].enumerated() where surveyMonkeyFixedColumns.contains(name.referenceKey) {
            let below = index < rows[1].count ? rows[1][index].trimmingCharacters(in: .whitespaces) : ""
            guard below.isEmpty else {
                return "the SurveyMonkey export lacks its second header row: the row under the questions has \(quoted(below)) under \(quoted(name, limit: 80)), where SurveyMonkey's second header row is empty (it names each question's columns: Response, Open-Ended Response or an option); download the export again (\"All responses data\", expanded columns), or if it has one header row only, read it with `source: csv`"
            }
        }
        return nil
    }

    /// SurveyMonkey: row 1's text covers the empty cells after it, a column per option named in row 2.
    private func surveyMonkeyQuestions(_ wanted: String) -> [Columns] {
        var found: [Columns] = []
        var start = 0
        while start < columnCount {
            var end = start + 1
            while end < columnCount, key(0, end).isEmpty { end += 1 }
            if key(0, start) == wanted {
                let span = Array(start..<end)
                let options = span.map { text(1, $0).trimmingCharacters(in: .whitespaces) }
                // `Response` then `Other (please specify)`: one answer, chosen or typed.
                if span.count == 2, options[0].referenceKey == "response", Self.isOtherLabel(options[1]) {
                    found.append(Columns(indexes: [start], options: nil, other: start + 1))
                    start = end
                    continue
                }
                let hasOptions = span.count > 1 || !["response", "open-ended response", ""].contains(options[0].referenceKey)
                found.append(Columns(indexes: span, options: hasOptions ? options : nil))
            }
            start = end
        }
        return found
    }

    /// Qualtrics: row 1 short names (`Q4`, or `Q4_1`, `Q4_2` for a column per option), row 2
    /// question texts (`Question - Option` for a column per option; ` - Selected Choice` ignored).
    private func qualtricsQuestions(_ wanted: String) -> [Columns] {
        let texts = (0..<columnCount).map { Self.withoutSelectedChoice(key(1, $0)) }
        // A short name, or a question text, naming one column.
        let whole = (0..<columnCount).filter { key(0, $0) == wanted || texts[$0] == wanted }
        if !whole.isEmpty { return whole.map { Columns(indexes: [$0], options: nil, other: qualtricsOther(of: $0)) } }
        // Its split columns: `Q4_1`, `Q4_2`... (not `Q4_4_TEXT`), or texts `Question - Option`.
        let split = (0..<columnCount).filter { i in
            let name = key(0, i)
            if name.hasPrefix(wanted + "_"), name.dropFirst(wanted.count + 1).allSatisfy(\.isNumber), name.count > wanted.count + 1 { return true }
            return texts[i].hasPrefix(wanted + " - ") && !name.hasSuffix("_text")
        }
        guard !split.isEmpty else { return [] }
        let options = split.map { i in
            let label = Self.withoutSelectedChoice(text(1, i))
            let cut = label.range(of: " - ", options: .backwards).map { String(label[$0.upperBound...]) } ?? label
            return cut.trimmingCharacters(in: .whitespaces)
        }
        return [Columns(indexes: split, options: options)]
    }

    /// Qualtrics' typed-Other column of the single-choice question in column `index`: `Q3_4_TEXT`
    /// (or `Q3_TEXT`) beside `Q3`.
    private func qualtricsOther(of index: Int) -> Int? {
        let name = key(0, index)
        guard !name.isEmpty, !name.hasSuffix("_text") else { return nil }
        return (0..<columnCount).first { i in
            let other = key(0, i)
            guard other.hasPrefix(name + "_"), other.hasSuffix("_text") else { return false }
            let middle = other.dropFirst(name.count + 1).dropLast("_text".count)
            return middle.allSatisfy(\.isNumber)
        }
    }

    /// Whether a SurveyMonkey row-2 label is the typed Other of a question (`Other (please specify)`,
    /// `Other (please state)`).
    static func isOtherLabel(_ label: String) -> Bool {
        let key = label.referenceKey
        return key == "other" || key.hasPrefix("other (") || key.hasPrefix("other:") || key.hasPrefix("other -")
    }

    private static func withoutSelectedChoice(_ text: String) -> String {
        for suffix in [" - selected choice", " - Selected Choice"] where text.hasSuffix(suffix) {
            return String(text.dropLast(suffix.count))
        }
        return text
    }

    /// Every question of the export: the reference a mapping names it by, and its columns.
    var questions: [(reference: String, columns: Columns)] {
        switch tool {
        case .surveyMonkey:
            return (0..<columnCount).filter { !key(0, $0).isEmpty }.compactMap { i in
                surveyMonkeyQuestions(key(0, i)).first.map { (text(0, i).trimmingCharacters(in: .whitespaces), $0) }
            }
        case .qualtrics:
            var seen = Set<String>(), found: [(String, Columns)] = []
            for i in 0..<columnCount where !key(0, i).isEmpty && !key(0, i).hasSuffix("_text") {
                let name = text(0, i)
                let base = name.range(of: "_", options: .backwards).flatMap { r in
                    name[r.upperBound...].allSatisfy(\.isNumber) && !name[r.upperBound...].isEmpty ? String(name[..<r.lowerBound]) : nil
                } ?? name
                guard seen.insert(base.referenceKey).inserted, let columns = qualtricsQuestions(base.referenceKey).first else { continue }
                found.append((base, columns))
            }
            return found
        case .msForms, .googleForms, .csv:
            return (0..<columnCount).filter { !key(0, $0).isEmpty }.map { (text(0, $0).trimmingCharacters(in: .whitespacesAndNewlines), Columns(indexes: [$0], options: nil)) }
        }
    }

    /// The question text of Qualtrics column `index` (row 2, without its option), else its header.
    func questionText(_ index: Int) -> String {
        guard tool == .qualtrics else { return text(0, index) }
        let label = Self.withoutSelectedChoice(text(1, index))
        if key(0, index).contains("_"), let cut = label.range(of: " - ", options: .backwards) { return String(label[..<cut.lowerBound]) }
        return label
    }

    /// Column `index` as a person finds it in the export.
    func describe(_ index: Int) -> String {
        let names = rows.indices.prefix(tool == .qualtrics ? 2 : 1).map { text($0, index) }.filter { !$0.isEmpty }
        let letter = CellReference.columnLetters(index)
        return names.isEmpty ? "column \(letter)" : "\(names.joined(separator: " / ")) (column \(letter))"
    }

    /// The header texts nearest to `wanted`, best first, for an error message.
    private func nearest(to wanted: String) -> [String] {
        let named = (0..<columnCount).flatMap { i in rows.indices.prefix(tool == .qualtrics ? 2 : 1).map { (i, key($0, i)) } }
            .filter { !$0.1.isEmpty }
        let wantedWords = Set(wanted.split(separator: " "))
        let scored = named.map { i, k -> (Int, Double) in
            let words = Set(k.split(separator: " "))
            let overlap = Double(words.intersection(wantedWords).count) / Double(max(1, words.union(wantedWords).count))
            let distance = Double(wanted.prefix(60).description.editDistance(to: String(k.prefix(60)))) / 60
            return (i, overlap - distance)
        }
        var seen = Set<Int>()
        return scored.sorted { $0.1 > $1.1 }.filter { seen.insert($0.0).inserted }.prefix(3).map { describe($0.0) }
    }
}
