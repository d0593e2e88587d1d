import Foundation
import PMOSurvey
import Yams

extension Mapping {
    /// The keys a mapping may hold, as spelt in the file.
    enum Key: String, CaseIterable {
        case source, sheet, dates, wave
        case waveFrom = "wave_from"
        case excludeWhen = "exclude_when"
        case fields
    }

    /// The keys of one field written as a mapping.
    enum FieldKey: String, CaseIterable {
        case question, values, separator
    }

    /// Reads and checks the mapping at `path`. The YAML tree is walked node by node so that every
    /// error can name its line; scalars are taken as written (`yes`, `2015` stay text).
    public static func load(path: String) throws(SettingsFileError) -> Mapping {
        try MappingReader(file: SettingsFile(path: path, what: "mapping", example: "source: surveymonkey")).read()
    }
}

/// Walks one mapping file's YAML tree.
private struct MappingReader {
    let settings: SettingsFile
    var file: String { settings.path }

    init(file: SettingsFile) { settings = file }

    func read() throws(SettingsFileError) -> Mapping {
        let top = settings.top
        var tool: SurveyTool?, sheet: String?, dates: DateOrder?, wave: String?
        var waveFrom: (String, Mapping.Place)?, exclusions: [Mapping.Exclusion] = [], fields: [Mapping.Field] = []
        var fieldsNode: Node?
        for (key, value, place) in try entries(top, Mapping.Key.self) {
            switch key {
            case .source: tool = try choice(value, place, SurveyTool.self)
            case .sheet: sheet = try scalarText(value, place)
            case .dates: dates = try choice(value, place, DateOrder.self)
            case .wave: wave = try scalarText(value, place)
            case .waveFrom: waveFrom = (try scalarText(value, place), place)
            case .excludeWhen: exclusions = try exclusionList(value, place)
            case .fields:
                fieldsNode = value
                fields = try fieldList(value, place)
            }
        }
        let start = Mapping.Place(key: "source", line: top.first?.key.mark?.line)
        guard let tool else {
            throw SettingsFileError(file: file, line: start.line, problem: .missingKey(
                key: "source", why: "name the tool, one of \(SurveyTool.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        if wave != nil, let waveFrom {
            throw bad(waveFrom.1, "either `wave` or `wave_from`, not both")
        }
        for column in SurveyColumn.required where column != .responseID && !fields.contains(where: { $0.column == column }) {
            throw SettingsFileError(file: file, line: fieldsNode?.mark?.line ?? start.line, problem: .missingKey(
                key: "fields.\(column.rawValue)", why: "every response needs it; name the question that holds it"))
        }
        return Mapping(path: file, sha256: settings.sha256, tool: tool, sheet: sheet, dates: dates ?? tool.dates, wave: wave,
                       waveFrom: waveFrom, exclusions: exclusions, fields: fields)
    }

    private func fieldList(_ node: Node, _ place: Mapping.Place) throws(SettingsFileError) -> [Mapping.Field] {
        guard let mapping = node.mapping else { throw bad(place, "a mapping of canonical columns to questions (indented below `fields`)") }
        var fields: [Mapping.Field] = []
        let allowed = SurveyColumn.allCases.filter { !$0.isPersonal && $0 != .wave }
        for (keyNode, value) in mapping {
            let line = keyNode.mark?.line
            let name = keyNode.scalar?.string ?? ""
            let key = "fields.\(name)"
            let place = Mapping.Place(key: key, line: line)
            guard let column = SurveyColumn(rawValue: name), allowed.contains(column) else {
                if let column = SurveyColumn(rawValue: name), column.isPersonal {
                    throw SettingsFileError(file: file, line: line, problem: .badValue(
                        key: key, expected: "no personal data: respondents' names, e-mails and roles are never read; remove this line"))
                }
                if name == "wave" {
                    throw SettingsFileError(file: file, line: line, problem: .badValue(key: key, expected: "`wave:` or `wave_from:` at the top level, not under `fields`"))
                }
                let known = allowed.map(\.rawValue)
                throw SettingsFileError(file: file, line: line, problem: .unknownKey(
                    key: key, suggestion: name.closest(among: known).map { "fields.\($0)" }, known: known))
            }
            var field = Mapping.Field(column: column, question: "", values: [], separator: nil, place: place)
            if value.scalar != nil {
                field.question = try scalarText(value, place)
            } else if let body = value.mapping {
                for (fieldKey, v, p) in try entries(body, Mapping.FieldKey.self, prefix: key + ".") {
                    switch fieldKey {
                    case .question: field.question = try scalarText(v, p)
                    case .separator: field.separator = try rawText(v, p)
                    case .values: field.values = try answerValues(v, p, column: column)
                    }
                }
                guard !field.question.isEmpty else {
                    throw SettingsFileError(file: file, line: line, problem: .missingKey(key: key + ".question", why: "name the question (the export's column header)"))
                }
            } else {
                throw bad(place, "a question text, or `question:` and `values:` indented below it")
            }
            fields.append(field)
        }
        return fields
    }

    /// `answer: canonical` entries; each target must be a value the canonical rules accept.
    private func answerValues(_ node: Node, _ place: Mapping.Place, column: SurveyColumn) throws(SettingsFileError) -> [(answer: String, value: String)] {
        // `values:` with every entry commented out (as a draft may leave it) has none.
        if node.null != nil { return [] }
        guard let mapping = node.mapping else { throw bad(place, "a mapping of answer texts to values, e.g. `\"Acute hospital trust\": Acute`") }
        var values: [(answer: String, value: String)] = [], seen: [String: String] = [:]
        for (answerNode, valueNode) in mapping {
            let entry = Mapping.Place(key: place.key, line: answerNode.mark?.line)
            let answer = try scalarText(answerNode, entry)
            guard valueNode.scalar != nil else { throw bad(entry, "one value for the answer \(quoted(answer, limit: 120))") }
            let value = valueNode.scalar!.string.trimmingCharacters(in: .whitespaces)
            let target = valueNode.null != nil && valueNode.scalar?.style == .plain ? "" : value
            if !target.isEmpty, let canonical = CodedColumn.values(of: column), !CodedColumn.accepts(target, in: column) {
                throw bad(entry, "one of \(canonical.joined(separator: ", ")), or \"\" for not answered; \(backticked(target)) is none of them")
            }
            if let earlier = seen[answer.referenceKey] {
                throw SettingsFileError(file: file, line: entry.line, problem: .duplicateAnswer(key: place.key, answer: earlier))
            }
            seen[answer.referenceKey] = answer
            values.append((answer, target))
        }
        return values
    }

    private func exclusionList(_ node: Node, _ place: Mapping.Place) throws(SettingsFileError) -> [Mapping.Exclusion] {
        guard let mapping = node.mapping else { throw bad(place, "a mapping of questions to the answers that leave a row out, e.g. `\"Status\": \"Survey Preview\"`") }
        var exclusions: [Mapping.Exclusion] = []
        for (keyNode, valueNode) in mapping {
            let entry = Mapping.Place(key: "exclude_when", line: keyNode.mark?.line)
            let question = try scalarText(keyNode, entry)
            var answers: [String] = []
            if let sequence = valueNode.sequence {
                for item in sequence { answers.append(try scalarText(item, entry)) }
            } else {
                answers.append(try scalarText(valueNode, entry))
            }
            guard !answers.isEmpty else { throw bad(entry, "at least one answer") }
            exclusions.append(Mapping.Exclusion(question: question, answers: answers, place: entry))
        }
        return exclusions
    }

    private func entries<Key: RawRepresentable & CaseIterable>(
        _ mapping: Node.Mapping, _: Key.Type, prefix: String = ""
    ) throws(SettingsFileError) -> [(Key, Node, Mapping.Place)] where Key.RawValue == String {
        try SettingsFile.entries(of: mapping, as: Key.self, file: file, prefix: prefix).map { ($0.key, $0.node, Mapping.Place(key: prefix + $0.key.rawValue, line: $0.line)) }
    }

    private func choice<T: RawRepresentable & CaseIterable>(_ node: Node, _ place: Mapping.Place, _: T.Type) throws(SettingsFileError) -> T where T.RawValue == String {
        let value = try scalarText(node, place)
        guard let choice = T(rawValue: value.lowercased()) else {
            throw bad(place, "one of \(T.allCases.map(\.rawValue).joined(separator: ", ")); \(backticked(value)) is none of them")
        }
        return choice
    }

    /// A scalar as written, trimmed; a missing value is an error.
    private func scalarText(_ node: Node, _ place: Mapping.Place) throws(SettingsFileError) -> String {
        let value = try rawText(node, place).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { throw SettingsFileError(file: file, line: place.line, problem: .badValue(key: place.key, expected: "a value")) }
        return value
    }

    private func rawText(_ node: Node, _ place: Mapping.Place) throws(SettingsFileError) -> String {
        guard let scalar = node.scalar else { throw bad(place, "a single value, not a list or mapping") }
        guard node.null == nil || scalar.style != .plain else {
            throw SettingsFileError(file: file, line: place.line ?? node.mark?.line, problem: .badValue(key: place.key, expected: "a value"))
        }
        return scalar.string
    }

    private func bad(_ place: Mapping.Place, _ expected: String) -> SettingsFileError {
        SettingsFileError(file: file, line: place.line, problem: .badValue(key: place.key, expected: expected))
    }
}
