import Foundation
import PMOSurvey

/// How one canonical field is read from an export's row, worked out once from the mapping and
/// the header, then applied to every row on every core.
struct FieldPlan: Sendable {
    enum Kind: Sendable {
        /// Text as it is after `values:`; codes and free text alike.
        case text
        case date(DateOrder)
        /// FTE: `3.5 WTE` reads 3.5.
        case fte
        /// Options joined in one cell.
        case oneCell(AnswerSplitting)
        /// A column per option: a filled cell means the column's option, whatever it holds.
        case columnPerOption([(index: Int, value: String, accepted: Bool)])
    }

    let column: SurveyColumn
    /// The column read (the first of a question's columns for a one-value field).
    let index: Int
    /// A single-choice question's typed-Other column, read when the choice is Other or empty.
    let other: Int?
    let kind: Kind
    /// Answer texts as compared (`referenceKey`) to canonical values; `""` is not answered.
    let values: [String: String]
    /// The same as bytes, for ASCII cells, which are matched without making a string.
    private let valueKeys: [(key: [UInt8], value: String)]
    /// Whether answers are checked against the canonical list, for the hint of a rejected one.
    let isCoded: Bool

    init(field: Mapping.Field, columns: ExportHeader.Columns, tool: SurveyTool, dates: DateOrder) {
        column = field.column
        index = columns.indexes[0]
        other = Mapping.multiSelect.contains(field.column) ? nil : columns.other
        var values: [String: String] = [:]
        for (answer, value) in field.values { values[answer.referenceKey] = value }
        self.values = values
        valueKeys = values.map { (Array($0.key.utf8), $0.value) }
        isCoded = CodedColumn.values(of: field.column) != nil
        if Mapping.multiSelect.contains(field.column) {
            if let options = columns.options {
                kind = .columnPerOption(zip(columns.indexes, options).map { index, option in
                    let value = values[option.referenceKey] ?? option
                    return (index, value, CodedColumn.accepts(value, in: field.column))
                })
            } else {
                kind = .oneCell(AnswerSplitting(options: field.values, separator: field.separator ?? tool.separator))
            }
        } else if field.column == .submitted {
            kind = .date(dates)
        } else if field.column == .centralPMOFTE || field.column == .devolvedPMFTE {
            kind = .fte
        } else {
            kind = .text
        }
    }

    /// The canonical cell for this field, and a hint for the finding should validation reject it:
    /// the `values:` entry that would map an answer the canonical rules do not read.
    func read(_ row: borrowing ExportRow) throws -> (String?, hint: String?) {
        let (value, unmapped) = try cell(row)
        if !unmapped.isEmpty { return (value, AnswerProposal.hint(unmapped, for: column)) }
        if case .date(let order) = kind, let value, ExportDate.canonical(value, order: order) == nil {
            return (value, "the mapping reads dates \(order.rawValue) (`dates:`); ISO dates are read either way")
        }
        return (value, nil)
    }

    private func cell(_ row: borrowing ExportRow) throws -> (String?, unmapped: [String]) {
        switch kind {
        case .columnPerOption(let options):
            var chosen = "", unmapped: [String] = []
            for (index, value, accepted) in options where !row.isEmpty(index) && !value.isEmpty {
                chosen += chosen.isEmpty ? value : ";" + value
                if !accepted { unmapped.append(value) }
            }
            return (chosen.isEmpty ? nil : chosen, unmapped)
        case .oneCell(let splitting):
            guard let cell = try row.text(index) else { return (nil, []) }
            let (known, others) = splitting.items(cell)
            var chosen = known.filter { !$0.isEmpty }, unmapped: [String] = []
            for item in others {
                chosen.append(item)
                if !CodedColumn.accepts(item, in: column) { unmapped.append(item) }
            }
            return (chosen.isEmpty ? nil : chosen.joined(separator: ";"), unmapped)
        case .text, .date, .fte:
            if let other, let typed = try typedOther(row, other) { return typed }
            if !valueKeys.isEmpty, case .value(let value)? = row.withBytes(index, match) { return (value, []) }
            guard let cell = try row.text(index) else { return (nil, []) }
            if !values.isEmpty, let value = values[cell.referenceKey] { return (value, []) }
            switch kind {
            case .date(let order): return (ExportDate.canonical(cell, order: order) ?? cell, [])
            case .fte:
                // `approx 3`, `not sure`: rejected by validation, with the `values:` entry that reads it.
                let plain = Self.withoutUnit(cell)
                return (plain, AnswerProposal.isFTE(cell) || AnswerProposal.propose(cell, for: column) == nil ? [] : [cell])
            default:
                return (cell, isCoded && !CodedColumn.accepts(cell, in: column) ? [cell] : [])
            }
        }
    }

    /// The answer typed in the Other box, when the choice is the Other option or empty
    /// (`import-mapping.md` section 2): through `values:`; else as the canonical rules read it;
    /// else the field's own `Other` where it has one (`reports_to`); else the text itself, which
    /// validation rejects with the hint of the `values:` entry that would map it.
    private func typedOther(_ row: borrowing ExportRow, _ other: Int) throws -> (String?, unmapped: [String])? {
        guard let typed = try row.text(other) else { return nil }
        if let choice = try row.text(index), !ExportHeader.isOtherLabel(choice) { return nil }
        if let value = values[typed.referenceKey] { return (value, []) }
        guard isCoded, !CodedColumn.accepts(typed, in: column) else { return (typed, []) }
        if CodedColumn.accepts("Other", in: column) { return ("Other", []) }
        return (typed, [typed])
    }

    private enum Match {
        case value(String)
        /// No entry matches an ASCII cell.
        case none
        /// A cell with other bytes: compared as text.
        case unknown
    }

    /// The entry of `values` an ASCII cell matches, compared as references are (trimmed, white
    /// space folded, case ignored) byte by byte.
    private func match(_ cell: UnsafeBufferPointer<UInt8>) -> Match {
        guard cell.allSatisfy({ $0 < 0x80 }) else { return .unknown }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (0x09...0x0D).contains(b) }
        var start = 0, end = cell.count
        while start < end, isSpace(cell[start]) { start += 1 }
        while end > start, isSpace(cell[end - 1]) { end -= 1 }
        entries: for (key, value) in valueKeys {
            var i = start, j = 0
            while i < end {
                if isSpace(cell[i]) {
                    while isSpace(cell[i]) { i += 1 }
                    guard j < key.count, key[j] == 0x20 else { continue entries }
                    j += 1
                    continue
                }
                let b = cell[i] >= UInt8(ascii: "A") && cell[i] <= UInt8(ascii: "Z") ? cell[i] | 0x20 : cell[i]
                guard j < key.count, key[j] == b else { continue entries }
                i += 1
                j += 1
            }
            if j == key.count { return .value(value) }
        }
        return .none
    }

    /// `3.5 WTE`, `3.5fte` -> `3.5`; anything else as it is.
    static func withoutUnit(_ text: String) -> String {
        let lower = text.lowercased()
        for unit in ["wte", "fte"] where lower.hasSuffix(unit) {
            return String(text.dropLast(unit.count)).trimmingCharacters(in: .whitespaces)
        }
        return text
    }
}
