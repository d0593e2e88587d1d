import Foundation
import ReportPipeline

/// The contacts CSV (`trust_code,trust_name,email`, several rows per trust allowed), matched to the
/// packs index. Every row must match a trust on code and name, so that a mistyped code which
/// belongs to another trust is caught; every problem is listed at once, so one edit fixes them.
struct Contacts {
    /// The addresses of each trust, by its key (its code), in the order first listed.
    let addresses: [String: [String]]

    init(path: String, index: PacksIndex, allowedDomains: [String]) throws(PipelineError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PipelineError(.noInput, "cannot read the contacts file \(path)")
        }
        let rows = CSVRows(String(decoding: data, as: UTF8.self)).rows
        guard let header = rows.first, header.fields.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() })
                == ["trust_code", "trust_name", "email"] else {
            throw PipelineError(.dataError, "\(path): the first line must be the header trust_code,trust_name,email")
        }
        let trusts = Dictionary(index.trusts.filter { !$0.code.isEmpty }.map { ($0.code.uppercased(), $0) },
                                uniquingKeysWith: { first, _ in first })
        var problems: [String] = []
        var addresses: [String: [String]] = [:]
        /// Each address (lower case) with the trust and line it was first given for.
        var owners: [String: (key: String, line: Int)] = [:]
        for (line, fields) in rows.dropFirst() {
            let at = "\(path), line \(line)"
            guard fields.count == 3 else {
                problems.append("\(at): \(fields.count) fields, expected trust_code,trust_name,email")
                continue
            }
            let code = fields[0].trimmingCharacters(in: .whitespaces)
            let name = fields[1].trimmingCharacters(in: .whitespaces)
            let address = fields[2].trimmingCharacters(in: .whitespaces)
            // A trust the survey gave no code is matched, without one, on its name alone.
            guard let trust = code.isEmpty ? index.trusts.first(where: { $0.code.isEmpty && Self.sameName($0.name, name) })
                                           : trusts[code.uppercased()] else {
                problems.append(code.isEmpty ? "\(at): no trust code, and no trust without one is named \(name)"
                                             : "\(at): unknown trust code `\(code)`: no pack in this run has it")
                continue
            }
            guard Self.sameName(trust.name, name) else {
                problems.append("\(at): code \(trust.key) is \(trust.name) in the packs index, not \(name); fix the code or the name")
                continue
            }
            guard DeliverySettings.isAddress(address) else {
                problems.append("\(at): not one e-mail address (for \(trust.key))")
                continue
            }
            let domain = String(address.split(separator: "@")[1]).lowercased()
            guard allowedDomains.contains(where: { domain == $0 || domain.hasSuffix("." + $0) }) else {
                problems.append("\(at): the address for \(trust.key) is at \(domain), outside allowed_domains (\(allowedDomains.joined(separator: ", ")))")
                continue
            }
            let key = address.lowercased()
            if let owner = owners[key] {
                if owner.key != trust.key {
                    problems.append("\(at): the address for \(trust.key) is also given for \(owner.key) on line \(owner.line); one address cannot receive two trusts' packs")
                }
                continue
            }
            owners[key] = (trust.key, line)
            addresses[trust.key, default: []].append(address)
        }
        for trust in index.trusts where addresses[trust.key] == nil {
            problems.append("\(path): no contact for \(trust.key) (\(trust.name))")
        }
        guard problems.isEmpty else {
            throw PipelineError(.dataError, "the contacts file has \(problems.count) \(problems.count == 1 ? "problem" : "problems"); nothing was planned or sent:\n  "
                + problems.joined(separator: "\n  "))
        }
        self.addresses = addresses
    }

    /// Names compared as a person would: case and runs of spaces do not matter.
    private static func sameName(_ a: String, _ b: String) -> Bool {
        func normal(_ s: String) -> String { s.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        return normal(a) == normal(b)
    }
}
