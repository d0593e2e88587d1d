import Hashing
import Foundation
import PMOSurvey

/// NHS Digital's Organisation Data Service list of NHS trusts (`etr.csv`; `trust-identity.md`
/// section 1): no header, code, name, open and close dates in columns 1, 2, 11 and 12. Both the
/// published layout (27 quoted columns, CRLF) and older downloads (24 unquoted columns) are read;
/// anything else is refused with its line, because a register read wrongly would link trusts wrongly.
public enum RegisterFile {
    public static func load(path: String) throws(RegisterFileError) -> (trusts: [TrustDirectory.RegisterTrust], source: TrustDirectory.Source) {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            throw RegisterFileError(file: path, line: nil, reason: !exists ? "no such file" : isFolder.boolValue ? "it is a folder" : "unreadable",
                                    isUnreadable: true)
        }
        guard let text = String(data: bytes, encoding: .utf8) ?? String(data: bytes, encoding: .windowsCP1252) else {
            throw RegisterFileError(file: path, line: nil, reason: "not text")
        }
        let trusts = try parse(text, file: path)
        var hash = SHA256()
        bytes.withUnsafeBytes { hash.update($0) }
        let latest = trusts.flatMap { [$0.opened, $0.closed].compactMap { $0 } }.max()
        return (trusts, TrustDirectory.Source(fileName: (path as NSString).lastPathComponent, sha256: hash.finalizeHex(),
                                              date: latest, trustCount: trusts.count))
    }

    /// The register's rows; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(RegisterFileError) -> [TrustDirectory.RegisterTrust] {
        var trusts: [TrustDirectory.RegisterTrust] = []
        var lineNumber = 0
        // CRLF is one Character in Swift, so lines are split on either.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            if line.allSatisfy({ $0 == " " || $0 == "," }) { continue }
            func refuse(_ why: String) -> RegisterFileError {
                RegisterFileError(file: file, line: lineNumber, reason: "not the ODS register's layout (etr.csv: code, name, ..., open date, close date, no header): \(why)")
            }
            guard let fields = fields(of: line) else { throw refuse("a quote that is never closed") }
            guard fields.count >= 12 else { throw refuse("\(fields.count) columns, expected 24 or 27") }
            let code = fields[0]
            guard (3...5).contains(code.count), code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                throw refuse("column 1 should be an ODS code of 3 to 5 letters or digits, not \"\(code.prefix(40))\"")
            }
            guard !fields[1].isEmpty else { throw refuse("column 2, the trust's name, is empty") }
            guard let opened = date(fields[10]) else { throw refuse("column 11 should be the open date as YYYYMMDD, not \"\(fields[10].prefix(40))\"") }
            guard let closed = date(fields[11]) else { throw refuse("column 12 should be the close date as YYYYMMDD or empty, not \"\(fields[11].prefix(40))\"") }
            trusts.append(.init(code: code.uppercased(), name: fields[1], opened: opened, closed: closed))
        }
        guard !trusts.isEmpty else { throw RegisterFileError(file: file, line: nil, reason: "no trusts: the file is empty") }
        return trusts
    }

    /// `YYYYMMDD`; `.some(nil)` for an empty field, nil when it is not a date.
    private static func date(_ text: String) -> SurveyDate?? {
        if text.isEmpty { return .some(nil) }
        guard text.count == 8, text.allSatisfy(\.isASCII), let n = Int(text),
              let date = SurveyDate(year: n / 10000, month: n / 100 % 100, day: n % 100) else { return nil }
        return .some(date)
    }

    /// One line's fields: quoted (`""` inside a quote is one `"`) or not. Nil for an unclosed quote.
    private static func fields(of line: Substring) -> [String]? {
        var fields: [String] = [], field = "", quoted = false, wasQuoted = false
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            if quoted {
                if c == "\"" {
                    let next = line.index(after: i)
                    if next < line.endIndex, line[next] == "\"" {
                        field.append("\"")
                        i = next
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" && field.isEmpty && !wasQuoted {
                quoted = true
                wasQuoted = true
            } else if c == "," {
                fields.append(field.trimmingCharacters(in: .whitespaces))
                field = ""
                wasQuoted = false
            } else {
                field.append(c)
            }
            i = line.index(after: i)
        }
        guard !quoted else { return nil }
        fields.append(field.trimmingCharacters(in: .whitespaces))
        return fields
    }
}

/// Why a register cannot be used: exit 66 when it cannot be read, else 65 (it is not a register).
public struct RegisterFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var reason: String
    public var isUnreadable = false

    public init(file: String, line: Int?, reason: String, isUnreadable: Bool = false) {
        self.file = file
        self.line = line
        self.reason = reason
        self.isUnreadable = isUnreadable
    }

    public var description: String {
        (line.map { "\(file), line \($0)" } ?? file) + ": " + (isUnreadable ? "cannot open the ODS register: " : "") + reason
    }
}
