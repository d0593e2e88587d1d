import Foundation
import PMOSurvey

extension Mapping {
    /// The layout that reads this mapping's export (`fileName` names rows without a response ID).
    public func layout(fileName: String) -> ExportLayout {
        let mapping = self
        return ExportLayout(
            headerRows: tool.headerRows,
            mapping: SurveySource.Mapping(fileName: self.fileName, sha256: sha256, tool: tool.rawValue)
        ) { header throws(SurveyFileError) in
            if let problem = ExportHeader.missingSecondRow(header, tool: mapping.tool) {
                throw .unexpectedHeader(file: fileName, line: 2, problem: problem)
            }
            do throws(SettingsFileError) {
                return try mapping.mapper(header: ExportHeader(tool: mapping.tool, rows: header), fileName: fileName)
            } catch {
                throw .badMapping(error.description)
            }
        }
    }

    /// Fits every reference to the header, then maps rows with what it found.
    func mapper(header: ExportHeader, fileName: String) throws(SettingsFileError) -> ExportRowMapper {
        var plans: [FieldPlan] = []
        for field in fields {
            let columns = try header.columns(for: field.question, place: field.place, mappingFile: path)
            plans.append(FieldPlan(field: field, columns: columns, tool: tool, dates: dates))
        }
        let waveColumn = try waveFrom.map { question, place throws(SettingsFileError) in
            try header.columns(for: question, place: place, mappingFile: path).indexes[0]
        }
        var exclusions: [(index: Int, question: String, answers: [String: String])] = []
        for exclusion in self.exclusions {
            let index = try header.columns(for: exclusion.question, place: exclusion.place, mappingFile: path).indexes[0]
            // Named on one line in its finding, however many lines the question's text runs to.
            let question = exclusion.question.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            exclusions.append((index, question, Dictionary(exclusion.answers.map { ($0.referenceKey, $0) }) { a, _ in a }))
        }
        let used = Set(plans.flatMap { plan -> [Int] in
            if case .columnPerOption(let options) = plan.kind { return options.map(\.index) }
            return [plan.index] + (plan.other.map { [$0] } ?? [])
        } + (waveColumn.map { [$0] } ?? []) + exclusions.map(\.index))
        let ignored = header.columnCount - used.count
        let notes = ignored > 0 ? ["\(tool.displayName) export read through \(self.fileName): \(ignored) column\(ignored == 1 ? "" : "s") no field names \(ignored == 1 ? "is" : "are") ignored and never stored"] : []
        let wave = self.wave, hasID = plans.contains { $0.column == .responseID }
        let (fieldPlans, rowExclusions) = (plans, exclusions)
        return ExportRowMapper(notes: notes) { row in
            var mapped = MappedRow()
            for (index, question, answers) in rowExclusions {
                if let cell = try row.text(index), let answer = answers[cell.referenceKey] {
                    mapped.excluded = "\"\(question)\" is \"\(answer)\" (exclude_when)"
                    return mapped
                }
            }
            for plan in fieldPlans {
                let (value, hint) = try plan.read(row)
                mapped.cells[plan.column] = value
                if let hint { mapped.hints[plan.column] = hint }
            }
            if !hasID { mapped.cells[.responseID] = "\(fileName):\(row.line)" }
            mapped.cells[.wave] = try wave ?? waveColumn.flatMap { try row.text($0) }
            return mapped
        }
    }
}
