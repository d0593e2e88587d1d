/// Why a mapping cannot be used, naming the mapping file, the key and the line, and for a column
/// reference the columns it could mean: the person fixing it has the export open beside it.
public struct MappingError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Problem: Sendable, Hashable {
        case cannotOpen(reason: String)
        case syntax(String)
        case unknownKey(key: String, suggestion: String?, known: [String])
        case badValue(key: String, expected: String)
        case missingKey(key: String, why: String)
        /// A reference that matches no column; `candidates` are the nearest header texts.
        case noColumn(key: String, reference: String, candidates: [String])
        case severalColumns(key: String, reference: String, columns: [String])
        case duplicateAnswer(key: String, answer: String)
    }

    public var file: String
    public var line: Int?
    public var problem: Problem

    public init(file: String, line: Int?, problem: Problem) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    public var isUnreadable: Bool {
        if case .cannotOpen = problem { return true }
        return false
    }

    public var description: String {
        let place = line.map { "\(file), line \($0)" } ?? file
        switch problem {
        case let .cannotOpen(reason):
            return "\(place): cannot open the mapping: \(reason)"
        case let .syntax(message):
            return "\(place): \(message)"
        case let .unknownKey(key, suggestion, known):
            let hint = suggestion.map { "; did you mean `\($0)`?" } ?? "; known keys: \(known.joined(separator: ", "))"
            return "\(place): unknown key `\(key)`\(hint)"
        case let .badValue(key, expected):
            return "\(place): bad value for `\(key)`: expected \(expected)"
        case let .missingKey(key, why):
            return "\(place): `\(key)` is missing: \(why)"
        case let .noColumn(key, reference, candidates):
            let near = candidates.isEmpty ? "" : "; the nearest columns are \(candidates.map { "\"\($0)\"" }.joined(separator: ", "))"
            return "\(place): `\(key)`: no column of the export matches \"\(reference)\"\(near)"
        case let .severalColumns(key, reference, columns):
            return "\(place): `\(key)`: \"\(reference)\" matches several columns (\(columns.map { "\"\($0)\"" }.joined(separator: ", "))); name one by its full header text"
        case let .duplicateAnswer(key, answer):
            return "\(place): `\(key)`: two entries match the answer \"\(answer)\"; keep one"
        }
    }
}
