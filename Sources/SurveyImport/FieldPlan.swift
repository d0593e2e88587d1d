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
    let kind: Kind
    /// Answer texts as compared (`referenceKey`) to canonical values; `""` is not answered.
    let values: [String: String]
    /// Whether answers are checked against the canonical list, for the hint of a rejected one.
    let isCoded: Bool

    init(field: Mapping.Field, columns: ExportHeader.Columns, tool: SurveyTool, dates: DateOrder) {
        column = field.column
        index = columns.indexes[0]
        var values: [String: String] = [:]
        for (answer, value) in field.values { values[answer.referenceKey] = value }
        self.values = values
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
            var chosen: [String] = [], unmapped: [String] = []
            for (index, value, accepted) in options where !row.isEmpty(index) && !value.isEmpty {
                chosen.append(value)
                if !accepted { unmapped.append(value) }
            }
            return (chosen.isEmpty ? nil : chosen.joined(separator: ";"), unmapped)
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
            guard let cell = try row.text(index) else { return (nil, []) }
            if !values.isEmpty, let value = values[cell.referenceKey] { return (value, []) }
            switch kind {
            case .date(let order): return (ExportDate.canonical(cell, order: order) ?? cell, [])
            case .fte: return (Self.withoutUnit(cell), [])
            default:
                return (cell, isCoded && !CodedColumn.accepts(cell, in: column) ? [cell] : [])
            }
        }
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
