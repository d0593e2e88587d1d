import Hashing
import Foundation
import PMOSurvey
import Yams

/// A YAML file a user edits, read the one way both kinds are read (report definitions by
/// ReportPipeline, mappings here): the tree is walked node by node rather than through `Codable`,
/// because a decoder forgets where a value came from, and every error must name its line.
public struct SettingsFile {
    /// The file as the user named it.
    public let path: String
    /// SHA-256 of the file's bytes: part of what makes a scheduled run "up to date".
    public let sha256: String
    /// The top-level `key: value` entries.
    public let top: Node.Mapping

    /// Reads and parses `path`. `what` names the kind of file in messages (`report definition`);
    /// `example` is a first line that would be right, shown when the file is not a mapping.
    public init(path: String, what: String, example: String) throws(SettingsFileError) {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw SettingsFileError(file: path, line: nil, problem: .cannotOpen(what: what, reason: Self.openFailure(path)))
        }
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw SettingsFileError(file: path, line: nil, problem: .syntax("not UTF-8 text; save the \(what) as UTF-8"))
        }
        if let problem = AliasKeyCheck.problem(in: text) {
            throw SettingsFileError(file: path, line: problem.line, problem: .syntax(problem.message))
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
            throw SettingsFileError(file: path, line: context.mark.line,
                                    problem: .duplicateKey(key: duplicates.joined(separator: "`, `")))
        } catch let error as YamlError {
            throw SettingsFileError(file: path, line: error.line, problem: .syntax("not valid YAML: \(error.problem)"))
        } catch {
            throw SettingsFileError(file: path, line: nil, problem: .syntax("not valid YAML: \(error)"))
        }
        guard let root, let top = root.mapping else {
            throw SettingsFileError(file: path, line: root?.mark?.line ?? 1,
                                    problem: .syntax("expected `key: value` lines, starting with e.g. `\(example)`"))
        }
        var hash = SHA256()
        bytes.withUnsafeBytes { hash.update($0) }
        self.path = path
        self.sha256 = hash.finalizeHex()
        self.top = top
    }

    /// Walks a mapping's entries, refusing keys not in `Key` (with a suggestion). Keys given twice
    /// never get here: Yams refuses them while composing.
    public static func entries<Key: RawRepresentable & CaseIterable>(
        of mapping: Node.Mapping, as _: Key.Type, file path: String, prefix: String = ""
    ) throws(SettingsFileError) -> [(key: Key, node: Node, line: Int?)] where Key.RawValue == String {
        var result: [(key: Key, node: Node, line: Int?)] = []
        let known = Key.allCases.map(\.rawValue)
        for (keyNode, valueNode) in mapping {
            let line = keyNode.mark?.line
            guard let name = keyNode.scalar?.string else {
                throw SettingsFileError(file: path, line: line, problem: .syntax("a key must be a plain name"))
            }
            guard let key = Key(rawValue: name) else {
                throw SettingsFileError(file: path, line: line, problem: .unknownKey(
                    key: prefix + name, suggestion: name.closest(among: known).map { prefix + $0 }, known: known.map { prefix + $0 }))
            }
            result.append((key, valueNode, line))
        }
        return result
    }

    /// Why `path` cannot be read, in the operating system's words.
    private static func openFailure(_ path: String) -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        defer { close(descriptor) }
        var info = stat()
        return fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR ? "it is a folder" : "unreadable"
    }
}

extension YamlError {
    /// The line a parse error points at, when libyaml gave one.
    var line: Int? {
        switch self {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _): mark.line
        // libyaml's reader counts bytes from the start of the text.
        case let .reader(_, offset?, _, yaml): yaml.utf8.prefix(offset).count { $0 == UInt8(ascii: "\n") } + 1
        default: nil
        }
    }

    /// The problem without the snippet that Yams appends, which is noise in a one-line message.
    var problem: String {
        switch self {
        case let .scanner(context, problem, _, _), let .parser(context, problem, _, _), let .composer(context, problem, _, _):
            [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        case let .reader(problem, _, _, _): problem
        default: "\(self)"
        }
    }
}
