import Foundation
import ReportPipeline

/// The contacts CSV (`trust_code,trust_name,email`, several rows per trust allowed), matched to the
/// packs index. Every row must match a trust on code and name, so that a mistyped code which
/// belongs to another trust is caught; every problem is listed at once, so one edit fixes them.
struct Contacts {
    /// The addresses of each trust, by code, in the order first listed.
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
        let trusts = Dictionary(index.trusts.map { ($0.code.uppercased(), $0) }, uniquingKeysWith: { first, _ in first })
        var problems: [String] = []
        var addresses: [String: [String]] = [:]
        /// Each address (lower case) with the trust and line it was first given for.
        var owners: [String: (code: String, line: Int)] = [:]
        for (line, fields) in rows.dropFirst() {
            let at = "\(path), line \(line)"
            guard fields.count == 3 else {
                problems.append("\(at): \(fields.count) fields, expected trust_code,trust_name,email")
                continue
            }
            let code = fields[0].trimmingCharacters(in: .whitespaces)
            let name = fields[1].trimmingCharacters(in: .whitespaces)
            let address = fields[2].trimmingCharacters(in: .whitespaces)
            guard let trust = trusts[code.uppercased()] else {
                problems.append("\(at): unknown trust code `\(code)`: no pack in this run has it")
                continue
            }
            guard Self.sameName(trust.name, name) else {
                problems.append("\(at): code \(trust.code) is \(trust.name) in the packs index, not \(name); fix the code or the name")
                continue
            }
            guard DeliverySettings.isAddress(address) else {
                problems.append("\(at): not one e-mail address (for \(trust.code))")
                continue
            }
            let domain = String(address.split(separator: "@")[1]).lowercased()
            guard allowedDomains.contains(where: { domain == $0 || domain.hasSuffix("." + $0) }) else {
                problems.append("\(at): the address for \(trust.code) is at \(domain), outside allowed_domains (\(allowedDomains.joined(separator: ", ")))")
                continue
            }
            let key = address.lowercased()
            if let owner = owners[key] {
                if owner.code != trust.code {
                    problems.append("\(at): the address for \(trust.code) is also given for \(owner.code) on line \(owner.line); one address cannot receive two trusts' packs")
                }
                continue
            }
            owners[key] = (trust.code, line)
            addresses[trust.code, default: []].append(address)
        }
        for trust in index.trusts where addresses[trust.code] == nil {
            problems.append("\(path): no contact for \(trust.code) (\(trust.name))")
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
