import Foundation
import PMOSurvey
import SurveyImport
import Yams

/// One value of a definition with the key and line it came from, read into a Swift type or
/// refused with a `SettingsFileError` that points at it.
struct DefinitionValue {
    let file: String
    let key: String
    let node: Node

    var line: Int? { node.mark?.line }

    func text() throws(SettingsFileError) -> String {
        guard let scalar = node.scalar else { throw bad("a single value, not a list or mapping") }
        let text = scalar.string.trimmingCharacters(in: .whitespaces)
        // An empty or `~` scalar is YAML's null: the key is there with nothing after it.
        guard !text.isEmpty, node.null == nil || scalar.style != .plain else {
            throw SettingsFileError(file: file, line: line, problem: .missingValue(key: key))
        }
        return text
    }

    func wholeNumber(atLeast minimum: Int) throws(SettingsFileError) -> Int {
        _ = try text()
        guard let value = node.int, value >= minimum else { throw bad("a whole number of at least \(minimum)") }
        return value
    }

    func decimal(above minimum: Double) throws(SettingsFileError) -> Double {
        _ = try text()
        guard let value = node.float, value.isFinite, value > minimum else {
            throw bad("a number above \(minimum.plain)")
        }
        return value
    }

    func flag() throws(SettingsFileError) -> Bool {
        _ = try text()
        guard let value = node.bool else { throw bad("true or false") }
        return value
    }

    /// A YAML list (`[a, b]` or one `- item` a line); a single value reads as a list of one.
    func texts() throws(SettingsFileError) -> [String] {
        guard let sequence = node.sequence else { return [try text()] }
        var items: [String] = []
        for item in sequence {
            items.append(try DefinitionValue(file: file, key: key, node: item).text())
        }
        guard !items.isEmpty else { throw bad("at least one item") }
        return items
    }

    /// A nested mapping, read key by key.
    func mapping() throws(SettingsFileError) -> Node.Mapping {
        guard let mapping = node.mapping else { throw bad("a mapping of keys to values (indented below `\(key)`)") }
        return mapping
    }

    func bad(_ expected: String) -> SettingsFileError {
        SettingsFileError(file: file, line: line, problem: .badValue(key: key, expected: expected))
    }
}

/// A mapping's entries as values that know their key and line, refusing keys not in `Key`.
func entries<Key: RawRepresentable & CaseIterable>(
    of mapping: Node.Mapping, as _: Key.Type, file: String, prefix: String = ""
) throws(SettingsFileError) -> [(Key, DefinitionValue)] where Key.RawValue == String {
    try SettingsFile.entries(of: mapping, as: Key.self, file: file, prefix: prefix).map {
        ($0.key, DefinitionValue(file: file, key: prefix + $0.key.rawValue, node: $0.node))
    }
}
