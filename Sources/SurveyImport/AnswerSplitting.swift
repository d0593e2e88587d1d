import Foundation

/// Splits a multi-select answer held in one cell (`import-mapping.md` section 2): every whole
/// option text known from `values` is taken out first, longest first, where the cell's ends or
/// separators bound it (so an option whose text holds the separator stays whole); the rest is
/// split at the separator. Works on the folded bytes: it runs for every row.
struct AnswerSplitting: Sendable {
    /// Known option texts as compared (`referenceKey`), longest first, with their values.
    private let options: [(key: [UInt8], value: String)]
    /// The separator without its spaces, e.g. `,` for Google's `, `.
    private let separator: UInt8

    init(options: [(answer: String, value: String)], separator: String) {
        self.options = options.map { (Array($0.answer.referenceKey.utf8), $0.value) }.sorted { $0.key.count > $1.key.count }
        self.separator = separator.trimmingCharacters(in: .whitespaces).utf8.first ?? UInt8(ascii: ";")
    }

    /// The values of the known options in the cell (`""` among them for an option mapped to not
    /// answered), and the other items as written.
    func items(_ cell: String) -> (known: [String], others: [String]) {
        let ascii = cell.utf8.allSatisfy { $0 < 0x80 }
        // ASCII cells keep their case, so that other items come out as written; options are
        // compared ignoring it. Other cells are compared folded.
        var rest = ascii ? Self.collapsingSpaces(cell.utf8) : Array(cell.referenceKey.utf8)
        var known: [String] = []
        for (key, value) in options where !key.isEmpty && key.count <= rest.count {
            var start = 0
            while start + key.count <= rest.count {
                let end = start + key.count
                if Self.lower(rest[start]) == key[0], rest[start..<end].elementsEqual(key, by: { Self.lower($0) == $1 }), bounded(rest, start, end) {
                    known.append(value)
                    rest.replaceSubrange(start..<end, with: repeatElement(separator, count: key.count))
                    start = end
                } else {
                    start += 1
                }
            }
        }
        let others = rest.split(separator: separator).compactMap { piece -> String? in
            let trimmed = piece.drop { $0 == 0x20 }.reversed().drop { $0 == 0x20 }.reversed()
            return trimmed.isEmpty ? nil : String(decoding: trimmed, as: UTF8.self)
        }
        guard !others.isEmpty, !ascii else { return (known, others) }
        // Items no option names are shown to people: as written, not as compared.
        let written = Dictionary(cell.utf8.split(separator: separator).map { piece -> (String, String) in
            let text = String(decoding: piece, as: UTF8.self)
            return (text.referenceKey, text.trimmingCharacters(in: .whitespaces))
        }) { a, _ in a }
        return (known, others.map { written[$0] ?? $0 })
    }

    private static func lower(_ b: UInt8) -> UInt8 { b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b }

    /// ASCII text trimmed, with each run of white space as one space.
    private static func collapsingSpaces(_ bytes: String.UTF8View) -> [UInt8] {
        var out: [UInt8] = [], pendingSpace = false
        out.reserveCapacity(bytes.count)
        for b in bytes {
            if b == 0x20 || (0x09...0x0D).contains(b) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(0x20)
                pendingSpace = false
            }
            out.append(b)
        }
        return out
    }

    /// Whether `start..<end` is bounded by the cell's ends or separators (spaces aside).
    private func bounded(_ text: [UInt8], _ start: Int, _ end: Int) -> Bool {
        var before = start - 1
        while before >= 0, text[before] == 0x20 { before -= 1 }
        var after = end
        while after < text.count, text[after] == 0x20 { after += 1 }
        return (before < 0 || text[before] == separator) && (after == text.count || text[after] == separator)
    }
}
