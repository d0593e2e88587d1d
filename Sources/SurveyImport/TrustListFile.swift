import Hashing
import Foundation
import PMOSurvey
import Yams

/// The network's trust list (`Reports/trusts.yaml`; `trust-identity.md` section 2): for each ODS
/// code, the names respondents typed (`aliases:`) and the name shown (`name:`). Read as every
/// settings file is, so that each mistake names the file, the key and the line (exit 64): an
/// alias that would match two trusts, a key that is not a code, a code neither in the register nor
/// given a `name:`. Every scalar is text.
public enum TrustListFile {
    enum EntryKey: String, CaseIterable {
        case aliases, name
    }

    public static func load(path: String, register: [TrustDirectory.RegisterTrust])
        throws(SettingsFileError) -> (trusts: [TrustDirectory.ListedTrust], source: TrustDirectory.Source)
    {
        if let bytes = FileManager.default.contents(atPath: path), let text = String(data: bytes, encoding: .utf8),
           text.split(whereSeparator: \.isNewline).allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty || $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }) {
            // A list with nothing in it yet (comments only) is a list of no trusts.
            var hash = SHA256()
            bytes.withUnsafeBytes { hash.update($0) }
            return ([], TrustDirectory.Source(fileName: (path as NSString).lastPathComponent, sha256: hash.finalizeHex(), trustCount: 0))
        }
        let yaml = try SettingsFile(path: path, what: "trust list", example: "RR8: {aliases: [LTHT]}")
        let registerCodes = Dictionary(register.map { ($0.code, $0) }, uniquingKeysWith: { $1 })
        var registerNames: [String: String] = [:]
        for trust in register { registerNames[TrustNames.normalised(trust.name), default: trust.code] = trust.code }
        var trusts: [TrustDirectory.ListedTrust] = []
        /// Normalised alias or name -> the code that claimed it first, and where.
        var claimed: [String: (code: String, line: Int?)] = [:]
        for (keyNode, value) in yaml.top {
            let line = keyNode.mark?.line
            guard let code = keyNode.scalar?.string.trimmingCharacters(in: .whitespaces), (3...8).contains(code.count),
                  code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                throw SettingsFileError(file: path, line: line, problem: .badValue(
                    key: keyNode.scalar?.string ?? "?", expected: "each key to be an ODS code (3 to 8 letters or digits), e.g. `RR8:`"))
            }
            let upper = code.uppercased()
            var entry = TrustDirectory.ListedTrust(code: upper, line: line)
            if let mapping = value.mapping {
                for (k, v, _) in try SettingsFile.entries(of: mapping, as: EntryKey.self, file: path, prefix: "\(code).") {
                    switch k {
                    case .aliases: entry.aliases = try texts(v, key: "\(code).aliases", file: path, line: line)
                    case .name: entry.name = try texts(v, key: "\(code).name", file: path, line: line, single: true).first
                    }
                }
            } else if value.scalar.map({ !($0.string.isEmpty || value.null != nil) }) ?? true {
                throw SettingsFileError(file: path, line: line, problem: .badValue(
                    key: code, expected: "`aliases:` and `name:` under the code, e.g. `\(code): {aliases: [\"a name respondents type\"]}`"))
            }
            guard registerCodes[upper] != nil || entry.name != nil else {
                let near = upper.closest(among: Array(registerCodes.keys)).map { "; did you mean \($0) (\(TrustNames.mixedCase(registerCodes[$0]!.name)))?" } ?? ""
                throw SettingsFileError(file: path, line: line, problem: .contradiction(
                    key: code, why: "\(upper) is not in the ODS register; for a member that is not an NHS trust give its `name:`\(near)"))
            }
            for alias in entry.aliases + (entry.name.map { [$0] } ?? []) {
                let normal = TrustNames.normalised(alias)
                guard !normal.isEmpty else {
                    throw SettingsFileError(file: path, line: line, problem: .contradiction(key: "\(code).aliases", why: "\(TrustListLine.quoted(alias)) has no letters or digits to match"))
                }
                if let other = claimed[normal], other.code != upper {
                    throw SettingsFileError(file: path, line: line, problem: .contradiction(
                        key: "\(code).aliases", why: "\(TrustListLine.quoted(alias)) is already a name of \(other.code)"
                            + (other.line.map { " (line \($0))" } ?? "") + "; an alias must match one trust only"))
                }
                if let other = registerNames[normal], other != upper {
                    throw SettingsFileError(file: path, line: line, problem: .contradiction(
                        key: "\(code).aliases", why: "\(TrustListLine.quoted(alias)) is the ODS register's name of \(other) "
                            + "(\(TrustNames.mixedCase(registerCodes[other]!.name))); an alias must match one trust only"))
                }
                claimed[normal] = (upper, line)
            }
            trusts.append(entry)
        }
        return (trusts, TrustDirectory.Source(fileName: (path as NSString).lastPathComponent, sha256: yaml.sha256, trustCount: trusts.count))
    }

    /// A list of names, or one name; every scalar as text.
    private static func texts(_ node: Node, key: String, file: String, line: Int?, single: Bool = false) throws(SettingsFileError) -> [String] {
        let at = node.mark?.line ?? line
        func text(_ n: Node) throws(SettingsFileError) -> String {
            guard let scalar = n.scalar else {
                throw SettingsFileError(file: file, line: at, problem: .badValue(key: key, expected: single ? "one name" : "a list of names"))
            }
            let t = scalar.string.trimmingCharacters(in: .whitespaces)
            guard !t.isEmpty else { throw SettingsFileError(file: file, line: at, problem: .missingValue(key: key)) }
            return t
        }
        if let sequence = node.sequence, !single {
            var items: [String] = []
            for item in sequence { items.append(try text(item)) }
            return items
        }
        return [try text(node)]
    }
}
