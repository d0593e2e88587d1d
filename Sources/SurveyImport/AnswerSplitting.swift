import Foundation

/// Splits a multi-select answer held in one cell (`import-mapping.md` section 2): every whole
/// option text known from `values` is taken out first, longest first, where the cell's ends or
/// separators bound it (so an option whose text holds the separator stays whole); the rest is
/// split at the separator.
struct AnswerSplitting: Sendable {
    /// Known option texts as compared (`referenceKey`), longest first.
    private let options: [String]
    /// The separator without its spaces, e.g. `,` for Google's `, `.
    private let separator: Character

    init(options: [String], separator: String) {
        self.options = options.map(\.referenceKey).sorted { $0.count > $1.count }
        self.separator = separator.trimmingCharacters(in: .whitespaces).first ?? ";"
    }

    /// The cell's items: known options as compared (`referenceKey`), first; then the others as written.
    func items(_ cell: String) -> [String] {
        var rest = Array(cell.referenceKey)
        var found: [String] = []
        for option in options {
            let target = Array(option)
            guard !target.isEmpty, target.count <= rest.count else { continue }
            var start = 0
            while start + target.count <= rest.count {
                let end = start + target.count
                if rest[start] == target[0], Array(rest[start..<end]) == target, bounded(rest, start, end) {
                    found.append(option)
                    for i in start..<end { rest[i] = separator }
                    start = end
                } else {
                    start += 1
                }
            }
        }
        let others = String(rest).split(separator: separator).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !others.isEmpty else { return found }
        // Items no option names are shown to people: as written, not as compared.
        let written = Dictionary(cell.split(separator: separator).map { ($0.description.referenceKey, $0.trimmingCharacters(in: .whitespaces)) }) { a, _ in a }
        return found + others.map { written[$0] ?? $0 }
    }

    /// Whether `start..<end` is bounded by the cell's ends or separators (spaces aside).
    private func bounded(_ text: [Character], _ start: Int, _ end: Int) -> Bool {
        var before = start - 1
        while before >= 0, text[before] == " " { before -= 1 }
        var after = end
        while after < text.count, text[after] == " " { after += 1 }
        return (before < 0 || text[before] == separator) && (after == text.count || text[after] == separator)
    }
}
