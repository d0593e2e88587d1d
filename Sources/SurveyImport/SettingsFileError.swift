import PMOSurvey

/// Why a YAML file a user edits (a report definition, a mapping) cannot be used. Each names the
/// file and, where it can, the key and the line, because the person fixing it is reading a cron
/// mail or has the export open beside it, not a debugger.
public struct SettingsFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Problem: Sendable, Hashable {
        /// The file is missing or unreadable (exit 66 rather than 64: there is nothing to fix
        /// inside it); `what` names the kind of file, e.g. `report definition`.
        case cannotOpen(what: String, reason: String)
        /// Not YAML, or not a mapping of keys to values.
        case syntax(String)
        case unknownKey(key: String, suggestion: String?, known: [String])
        /// A key given twice in one mapping; the line is where that mapping starts.
        case duplicateKey(key: String)
        case missingValue(key: String)
        case badValue(key: String, expected: String)
        case missingKey(key: String, why: String)
        /// A mapping's reference that matches no column; `candidates` are the nearest header texts.
        case noColumn(key: String, reference: String, candidates: [String])
        case severalColumns(key: String, reference: String, columns: [String])
        case duplicateAnswer(key: String, answer: String)
        /// A value that is well formed but cannot be right, e.g. a trust list alias that names two trusts.
        case contradiction(key: String, why: String)
    }

    /// The file as the user named it.
    public var file: String
    /// 1-based line in the file, when known.
    public var line: Int?
    public var problem: Problem

    public init(file: String, line: Int?, problem: Problem) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    /// Whether the file itself could not be read, as opposed to holding something wrong.
    public var isUnreadable: Bool {
        if case .cannotOpen = problem { return true }
        return false
    }

    public var description: String {
        let place = line.map { "\(file), line \($0)" } ?? file
        // Keys and texts come from the file, at any length: each is cut (a 1 MiB key is a line of
        // stderr, not a megabyte of it).
        func key(_ text: String) -> String { backticked(text) }
        func text(_ text: String) -> String { quoted(text, limit: 120) }
        switch problem {
        case let .cannotOpen(what, reason):
            return "\(place): cannot open the \(what): \(reason)"
        case let .syntax(message):
            return "\(place): \(message)"
        case let .unknownKey(name, suggestion, known):
            let hint = suggestion.map { "; did you mean \(key($0))?" } ?? "; known keys: \(known.joined(separator: ", "))"
            return "\(place): unknown key \(key(name))\(hint)"
        case let .duplicateKey(name):
            return "\(place): key \(key(name)) is given more than once in the mapping that starts here; keep one"
        case let .missingValue(name):
            return "\(place): key \(key(name)) has no value"
        case let .badValue(name, expected):
            return "\(place): bad value for \(key(name)): expected \(expected)"
        case let .missingKey(name, why):
            return "\(place): \(key(name)) is missing: \(why)"
        case let .noColumn(name, reference, candidates):
            let near = candidates.isEmpty ? "" : "; the nearest columns are \(candidates.map(text).joined(separator: ", "))"
            return "\(place): \(key(name)): no column of the export matches \(text(reference))\(near)"
        case let .severalColumns(name, reference, columns):
            return "\(place): \(key(name)): \(text(reference)) matches several columns (\(columns.prefix(10).map(text).joined(separator: ", "))\(columns.count > 10 ? ", ..." : "")); name one by its full header text"
        case let .contradiction(name, why):
            return "\(place): \(key(name)): \(why)"
        case let .duplicateAnswer(name, answer):
            return "\(place): \(key(name)): two entries match the answer \(text(answer)); keep one"
        }
    }
}

/// Text from a settings file in backticks, cut like `quoted`'s: a key or a value as written.
func backticked(_ text: String, limit: Int = 80) -> String {
    "`" + String(quoted(text, limit: limit).dropFirst().dropLast()) + "`"
}
