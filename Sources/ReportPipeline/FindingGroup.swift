import PMOSurvey

/// Findings that say the same thing about the same field of the same file (117 rows with one
/// unmapped answer), shown by `pmo-report validate` as one line: the message once, with how many
/// rows it is about and where the first few are. The message already names the answer text and
/// the `values:` entry that fixes it, so one line per distinct answer is one line per fix.
public struct FindingGroup: Sendable, Equatable {
    /// The first finding; every other shares its file, column, severity and message.
    public var first: Finding
    /// How many findings the group stands for.
    public var count: Int
    /// The lines (CSV) or rows (.xlsx) of the first few, in file order.
    public var places: [Int]

    /// Places named before "and N more": enough to find the rows, few enough for one line.
    public static let placesShown = 3

    /// `findings` grouped, each group where its first finding was; findings without a line (about
    /// a whole file) are never merged.
    public static func group(_ findings: [Finding]) -> [FindingGroup] {
        struct Key: Hashable {
            var file: String?, column: String?, severity: Finding.Severity, message: String
        }
        var groups: [FindingGroup] = [], index: [Key: Int] = [:]
        for finding in findings {
            guard let line = finding.line else {
                groups.append(FindingGroup(first: finding, count: 1, places: []))
                continue
            }
            let key = Key(file: finding.file, column: finding.column, severity: finding.severity, message: finding.message)
            if let i = index[key] {
                groups[i].count += 1
                if groups[i].places.count < placesShown { groups[i].places.append(line) }
            } else {
                index[key] = groups.count
                groups.append(FindingGroup(first: finding, count: 1, places: [line]))
            }
        }
        return groups
    }
}

extension FindingGroup: CustomStringConvertible {
    /// A lone finding as `Finding` says it; a group as
    /// `forms.xlsx (sheet Form1), column sector: error on 117 rows (rows 3, 5, 9 and 114 more): unknown sector "Acut"; ...`.
    public var description: String {
        guard count > 1 else { return first.description }
        let word = Finding.recordWord(first.file)
        var place: [String] = []
        let (file, sheet) = Finding.split(first.file)
        if let file { place.append(sheet.map { "\(file) (\($0))" } ?? file) }
        if let column = first.column { place.append("column \(column)") }
        let more = count - places.count
        let listed = places.map(String.init).joined(separator: ", ") + (more > 0 ? " and \(more) more" : "")
        let head = place.isEmpty ? "" : place.joined(separator: ", ") + ": "
        return head + "\(first.severity.rawValue) on \(count) \(word)s (\(word)s \(listed)): \(first.message)"
    }
}
