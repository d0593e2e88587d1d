import FileSafety
import Foundation
import PMOSurvey
import Yams

/// A report definition as read from `Reports/*.yaml`: what the report says about itself (a
/// `ReportDefinition`) and how a scheduled run finds its input and publishes (`RunSettings`).
///
/// The YAML tree is walked node by node rather than through `Codable`, because a decoder forgets
/// where a value came from, and the person fixing a 3 a.m. failure needs the line.
public struct DefinitionFile: Sendable {
    /// The file as the user named it.
    public var path: String
    /// SHA-256 of the file's bytes: part of what makes a run "up to date".
    public var sha256: String
    public var report: ReportDefinition
    public var settings: RunSettings

    /// Reads and checks the definition at `path`. Relative `input` and `output` paths are taken
    /// from the definition's own folder, so that cron, which starts in `$HOME`, finds them.
    public static func load(path: String) throws(DefinitionError) -> DefinitionFile {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw DefinitionError(file: path, line: nil, problem: .cannotOpen(reason: Self.openFailure(path)))
        }
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw DefinitionError(file: path, line: nil, problem: .syntax("not UTF-8 text; save the definition as UTF-8"))
        }
        var hash = SHA256()
        hash.update(bytes)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        var file = DefinitionFile(path: path, sha256: hash.finalizeHex(), report: ReportDefinition(), settings: RunSettings())
        try file.read(text, relativeTo: folder)
        if file.settings.peerCodeSecretFile == nil {
            file.settings.peerCodeSecretFile = Self.resolve(PeerCodeSecret.fileName, relativeTo: folder)
        }
        return file
    }

    private mutating func read(_ text: String, relativeTo folder: URL) throws(DefinitionError) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
            throw DefinitionError(file: path, line: context.mark.line,
                                  problem: .duplicateKey(key: duplicates.joined(separator: "`, `")))
        } catch let error as YamlError {
            throw DefinitionError(file: path, line: error.line, problem: .syntax("not valid YAML: \(error.problem)"))
        } catch {
            throw DefinitionError(file: path, line: nil, problem: .syntax("not valid YAML: \(error)"))
        }
        guard let root, let mapping = root.mapping else {
            throw DefinitionError(file: path, line: root?.mark?.line ?? 1,
                                  problem: .syntax("expected `key: value` lines, e.g. `title: PMO benchmarking 2015`"))
        }
        for (key, value) in try entries(of: mapping, as: DefinitionKey.self, file: path) {
            switch key {
            case .title: report.title = try value.text()
            case .subtitle: report.subtitle = try value.text()
            case .organisation: report.organisation = try value.text()
            case .author: report.author = try value.text()
            case .classification: report.classification = try value.text()
            case .keywords: report.keywords = try value.texts()
            case .input: settings.input = Self.resolve(try value.text(), relativeTo: folder)
            case .inputs: settings.inputs = try inputs(value, relativeTo: folder)
            case .inputPattern: settings.inputPattern = try value.text()
            case .output: settings.output = Self.resolve(try value.text(), relativeTo: folder)
            case .outputs: settings.outputs = try Self.outputs(value)
            case .keepRuns: settings.keepRuns = try value.wholeNumber(atLeast: 1)
            case .sizeBands: report.bounds = try sizeBands(value, over: report.bounds)
            case .withholdBelow: report.withholdBelow = try value.wholeNumber(atLeast: 3)
            case .peerCodeSecret:
                let secret = try value.text()
                if let weakness = PeerCodeSecret.weakness(of: secret) {
                    throw value.bad("a secret of the network's own: this one \(weakness), so anyone could work out "
                        + "which trust is behind each peer code. Remove the key to let pmo-report make and keep a random "
                        + "secret in \(PeerCodeSecret.fileName) beside this file, or give at least "
                        + "\(PeerCodeSecret.minimumLength) random characters")
                }
                report.peerCodeSecret = secret
            case .peerCodeSecretFile: settings.peerCodeSecretFile = Self.resolve(try value.text(), relativeTo: folder)
            case .internalUse: report.internalUse = try value.flag()
            }
        }
    }

    private func sizeBands(_ value: DefinitionValue, over standard: SizeBounds) throws(DefinitionError) -> SizeBounds {
        var bounds = standard
        let mapping = try value.mapping()
        for (key, value) in try entries(of: mapping, as: SizeBandKey.self, file: path, prefix: "size_bands.") {
            switch key {
            case .mediumTrustFrom: bounds.mediumTrustFrom = try value.wholeNumber(atLeast: 1)
            case .largeTrustFrom: bounds.largeTrustFrom = try value.wholeNumber(atLeast: 1)
            case .mediumPMOFrom: bounds.mediumPMOFrom = try value.decimal(above: 0)
            case .largePMOFrom: bounds.largePMOFrom = try value.decimal(above: 0)
            }
        }
        guard bounds.mediumTrustFrom < bounds.largeTrustFrom else {
            throw value.bad("medium_trust_from (\(bounds.mediumTrustFrom)) below large_trust_from (\(bounds.largeTrustFrom))")
        }
        guard bounds.mediumPMOFrom < bounds.largePMOFrom else {
            throw value.bad("medium_pmo_from (\(bounds.mediumPMOFrom.plain)) below large_pmo_from (\(bounds.largePMOFrom.plain))")
        }
        return bounds
    }

    /// `inputs:`, a list of `file:` (and `mapping:`, `pattern:`) entries.
    private func inputs(_ value: DefinitionValue, relativeTo folder: URL) throws(DefinitionError) -> [RunSettings.Input] {
        guard let sequence = value.node.sequence, !sequence.isEmpty else {
            throw value.bad("a list of `- file: export.csv` entries, each with the `mapping:` that reads it")
        }
        var inputs: [RunSettings.Input] = []
        for item in sequence {
            let entry = DefinitionValue(file: path, key: "inputs", node: item)
            var input = RunSettings.Input(file: "")
            for (key, value) in try entries(of: try entry.mapping(), as: InputKey.self, file: path, prefix: "inputs.") {
                switch key {
                case .file: input.file = Self.resolve(try value.text(), relativeTo: folder)
                case .mapping: input.mapping = Self.resolve(try value.text(), relativeTo: folder)
                case .pattern: input.pattern = try value.text()
                }
            }
            guard !input.file.isEmpty else {
                throw DefinitionError(file: path, line: entry.line, problem: .missingValue(key: "inputs.file"))
            }
            inputs.append(input)
        }
        return inputs
    }

    private static func outputs(_ value: DefinitionValue) throws(DefinitionError) -> [RunSettings.Output] {
        var outputs: [RunSettings.Output] = []
        let names = RunSettings.Output.allCases.map(\.rawValue).joined(separator: ", ")
        for name in try value.texts() {
            guard let output = RunSettings.Output(rawValue: name.lowercased()) else {
                throw value.bad("a list of \(names); `\(name)` is none of them")
            }
            guard !outputs.contains(output) else { throw value.bad("each output once; `\(name)` is listed twice") }
            outputs.append(output)
        }
        return outputs
    }

    /// `path` as an absolute path: as it is when absolute, else from `folder`, with `.` and `..`
    /// worked out so that logs and manifests show a readable path.
    static func resolve(_ path: String, relativeTo folder: URL) -> String {
        URL(fileURLWithPath: path, relativeTo: folder).standardizedFileURL.path
    }

    /// Why `path` cannot be read, in the operating system's words.
    private static func openFailure(_ path: String) -> String {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return SystemError("open", path).reason }
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
        default: nil
        }
    }

    /// The problem without the snippet that Yams appends, which is noise in a one-line message.
    var problem: String {
        switch self {
        case let .scanner(context, problem, _, _), let .parser(context, problem, _, _), let .composer(context, problem, _, _):
            [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        default: "\(self)"
        }
    }
}
