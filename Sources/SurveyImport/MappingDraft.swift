import Foundation
import PMOSurvey
import XlsxReader

/// `pmo-report map`: a first mapping for an export, drafted from its header and answers. It
/// detects the tool, matches question texts to fields by key words, lists every distinct answer
/// of the coded questions with the canonical value it proposes, and comments every line that a
/// person should check. Never applied unseen: it is written for someone to read and edit.
public struct MappingDraft {
    public let tool: SurveyTool
    /// The YAML text.
    public let text: String
    /// How many lines carry a `# check` comment.
    public let unsureLines: Int

    /// Drafts a mapping for the export at `path`; `tool` when the caller knows it.
    public init(export path: String, tool given: SurveyTool? = nil) throws {
        let fileName = (path as NSString).lastPathComponent
        var sample = ExportSample()
        try sample.read(path: path, tool: given)
        guard let tool = sample.tool, sample.header.count == tool.headerRows else {
            throw SurveyFileError.empty(file: fileName)
        }
        self.tool = tool
        let header = ExportHeader(tool: tool, rows: sample.header)
        var writer = DraftWriter(tool: tool, fileName: fileName)
        writer.write(header: header, sample: sample)
        text = writer.text
        unsureLines = writer.unsure
    }
}

/// What the draft learns from an export: its header rows, and a look at its answers.
struct ExportSample {
    var tool: SurveyTool?
    var header: [[String]] = []
    var rows: [[String]] = []
    var rowCount = 0
    /// Rows kept for their answers; more would only repeat them.
    static let rowsKept = 20_000

    mutating func read(path: String, tool given: SurveyTool?) throws {
        tool = given
        if SurveyInput.isWorkbook(path) {
            let workbook: XlsxWorkbook
            do { workbook = try XlsxWorkbook(path: path) } catch { throw SurveyFileError.unreadableWorkbook(file: (path as NSString).lastPathComponent, reason: error.description) }
            try workbook.rows(sheet: nil) { _, fields in add(fields) }
            if tool == nil { tool = .msForms }
        } else {
            try CSVRows.read(path: path) { _, fields in
                add(fields)
                return true
            }
        }
    }

    /// Takes one record: header rows until the tool's count, then answers.
    private mutating func add(_ row: [String]) {
        if row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { return }
        if tool == nil, header.count < 3 {
            header.append(row)
            guard header.count == 3 || Self.detect(header) != nil else { return }
            tool = Self.detect(header) ?? .csv
            // Rows read beyond the tool's header are answers.
            let extra = Array(header.dropFirst(tool!.headerRows))
            header = Array(header.prefix(tool!.headerRows))
            rows += extra
            rowCount += extra.count
            return
        }
        if let tool, header.count < tool.headerRows {
            header.append(row)
            return
        }
        rowCount += 1
        if rows.count < Self.rowsKept { rows.append(row) }
    }

    /// The tool an export comes from, by its header; nil while more rows are needed to tell.
    static func detect(_ rows: [[String]]) -> SurveyTool? {
        let first = Set(rows[0].map(\.referenceKey))
        if first.contains("respondent id") || first.contains("respondentid") || first.contains("collector id") {
            return rows.count >= 2 ? .surveyMonkey : nil
        }
        if first.contains("responseid") || (first.contains("startdate") && first.contains("recordeddate")) {
            return rows.count >= 3 ? .qualtrics : nil
        }
        if rows[0].first?.referenceKey == "timestamp" { return .googleForms }
        if first.contains("completion time") && first.contains("start time") { return .msForms }
        return .csv
    }
}

/// Writes the draft's YAML, line by line, counting the lines it is unsure of.
struct DraftWriter {
    let tool: SurveyTool
    let fileName: String
    private(set) var text = ""
    private(set) var unsure = 0

    init(tool: SurveyTool, fileName: String) {
        self.tool = tool
        self.fileName = fileName
    }

    private mutating func line(_ content: String, check: String? = nil) {
        if let check {
            text += content + "  # check: " + check + "\n"
            unsure += 1
        } else {
            text += content + "\n"
        }
    }

    mutating func write(header: ExportHeader, sample: ExportSample) {
        line("# Drafted by `pmo-report map` from \(fileName) (\(tool.displayName) export, \(sample.rowCount) rows).")
        line("# Check every line marked `# check`, then run `pmo-report validate --input \(fileName) --mapping <this file>`.")
        line("source: \(tool.rawValue)")
        let questions = header.questions.filter { !Self.isPersonal($0.reference) }
        let matches = FieldMatching.match(questions.map { q in tool == .qualtrics ? header.questionText(q.columns.indexes[0]) : q.reference },
                                          answers: questions.map { Self.distinctAnswers($0.columns, sample) })
        let submitted = matches.first { $0.field == .submitted }.map { questions[$0.question] }
        if tool != .surveyMonkey, let submitted {
            let texts = sample.rows.lazy.compactMap { row in row.indices.contains(submitted.columns.indexes[0]) ? row[submitted.columns.indexes[0]] : nil }
            writeDates(Array(texts.prefix(2000)))
        }
        line("wave: \"\(Self.proposedWave(sample, submitted?.columns.indexes[0]))\"", check: "the label of this survey round (every row of the file is in it); guessed as the first month with a tenth of the answers")
        let trustName = matches.first { $0.field == .trustName }.map { questions[$0.question] }
        writeExclusions(TestRows.find(in: sample, header: header, trustName: trustName))
        line("fields:")
        for column in FieldMatching.fields {
            guard let match = matches.first(where: { $0.field == column }) else {
                if SurveyColumn.required.contains(column) && column != .responseID {
                    line("  \(column.rawValue): \"\"", check: "required, but no question looked like it; name the column that holds it")
                } else {
                    line("  # \(column.rawValue): no question looked like it (left out: not asked)")
                }
                continue
            }
            let question = questions[match.question]
            let reference = tool == .qualtrics ? header.questionText(question.columns.indexes[0]) : question.reference
            let why = match.sure ? nil : "matched \"\(reference)\" by its words; is it \(column.rawValue)?"
            let entries = CodedColumn.values(of: column) != nil || Self.isFTE(column)
                ? valueEntries(column, answers(column, question.columns, sample), typed: typedOthers(column, question.columns, sample)) : []
            guard !entries.isEmpty else {
                line("  \(column.rawValue): \(Self.quoted(reference))", check: why)
                continue
            }
            line("  \(column.rawValue):")
            line("    question: \(Self.quoted(reference))", check: why)
            line("    values:")
            for (entry, check) in entries { line(entry, check: check) }
        }
        let left = questions.indices.filter { i in !matches.contains { $0.question == i } }
        if !left.isEmpty {
            line("# Columns no field names (never read): " + left.map { Self.quoted(questions[$0].reference) }.joined(separator: ", "))
        }
    }

    /// `exclude_when` for the rows that look like tests or previews, each marked to check.
    private mutating func writeExclusions(_ found: [TestRows.Exclusion]) {
        guard !found.isEmpty else { return }
        line("exclude_when:                     # rows to leave out: not responses")
        for exclusion in found {
            let answers = exclusion.answers.map(Self.quoted)
            let value = answers.count == 1 ? answers[0] : "[" + answers.joined(separator: ", ") + "]"
            line("  \(Self.quoted(exclusion.reference)): \(value)", check: exclusion.why)
        }
    }

    /// Distinct answers with how often each was given, most frequent first. A single-choice
    /// question with a typed Other counts the typed texts where the choice is Other or empty.
    private func answers(_ column: SurveyColumn, _ columns: ExportHeader.Columns, _ sample: ExportSample) -> [(String, Int)] {
        var counts: [String: Int] = [:], order: [String] = []
        func count(_ answer: String) {
            let answer = answer.trimmingCharacters(in: .whitespaces)
            guard !answer.isEmpty else { return }
            if counts[answer] == nil { order.append(answer) }
            counts[answer, default: 0] += 1
        }
        if columns.other != nil, !Mapping.multiSelect.contains(column) {
            for row in sample.rows {
                count(Self.typedOther(row, columns) ?? (row.indices.contains(columns.indexes[0]) ? row[columns.indexes[0]] : ""))
            }
        } else if let options = columns.options {
            for (index, option) in zip(columns.indexes, options) {
                let ticked = sample.rows.count { $0.indices.contains(index) && !$0[index].trimmingCharacters(in: .whitespaces).isEmpty }
                if counts[option] == nil { order.append(option) }
                counts[option, default: 0] += ticked
            }
        } else {
            let index = columns.indexes[0]
            let separator = Mapping.multiSelect.contains(column) ? tool.separator.trimmingCharacters(in: .whitespaces) : nil
            for row in sample.rows where row.indices.contains(index) {
                if let separator { Self.options(row[index], separator: Character(separator)).forEach(count) } else { count(row[index]) }
            }
        }
        return order.map { ($0, counts[$0]!) }.sorted { $0.1 > $1.1 }
    }

    /// The texts typed in a single-choice question's Other box where the choice is Other or empty.
    private func typedOthers(_ column: SurveyColumn, _ columns: ExportHeader.Columns, _ sample: ExportSample) -> Set<String> {
        guard columns.other != nil, !Mapping.multiSelect.contains(column) else { return [] }
        return Set(sample.rows.compactMap { Self.typedOther($0, columns) })
    }

    /// The text `row` has in the Other box of a single-choice question, where it is the answer:
    /// the choice is the Other option or empty (`import-mapping.md` section 2), as `FieldPlan` reads it.
    static func typedOther(_ row: [String], _ columns: ExportHeader.Columns) -> String? {
        guard let other = columns.other, row.indices.contains(other) else { return nil }
        let typed = row[other].trimmingCharacters(in: .whitespaces)
        let choice = row.indices.contains(columns.indexes[0]) ? row[columns.indexes[0]].trimmingCharacters(in: .whitespaces) : ""
        return !typed.isEmpty && (choice.isEmpty || ExportHeader.isOtherLabel(choice)) ? typed : nil
    }

    /// The `values:` entries of the answers the canonical rules do not read, each with what to check.
    private func valueEntries(_ column: SurveyColumn, _ answers: [(String, Int)], typed: Set<String>) -> [(String, String?)] {
        var entries: [(String, String?)] = []
        for (answer, count) in answers.prefix(60) {
            let times = "\(count) answer\(count == 1 ? "" : "s")"
            if Self.isFTE(column) {
                // A figure the canonical rules read needs no entry; `approx 3` and `not sure` do.
                guard !AnswerProposal.isFTE(answer), let proposal = AnswerProposal.propose(answer, for: column) else { continue }
                entries.append(("      \(Self.quoted(answer)): \(Self.quoted(proposal.value))",
                                proposal.unsure ? "a number in words (\(times)); is it \(proposal.value)?" : nil))
                continue
            }
            if CodedColumn.accepts(answer, in: column), AnswerProposal.canonical(answer, in: column) != nil { continue }
            if let proposal = AnswerProposal.propose(answer, for: column) {
                let check = proposal.unsure ? "a guess from its words (\(times))"
                    : count <= 2 ? "only \(times): a slip, or a respondent's own words?" : nil
                entries.append(("      \(Self.quoted(answer)): \(proposal.value)", check))
            } else if typed.contains(answer), CodedColumn.accepts("Other", in: column) {
                entries.append(("      # \(Self.quoted(answer)): ?", "typed in the Other box (\(times)); left as it is, it counts as Other; or write one of \(CodedColumn.values(of: column)!.joined(separator: ", ")) and remove the #"))
            } else {
                entries.append(("      # \(Self.quoted(answer)): ?", "no guess (\(times)); write one of \(CodedColumn.values(of: column)!.joined(separator: ", ")), or \"\" for not answered, and remove the #"))
            }
        }
        return entries
    }

    /// A one-cell answer's options, before any are known: split at the separator, except where
    /// the text after it starts in lower case (`Workforce, recruitment and retention`), which
    /// continues the option before rather than starting one.
    static func options(_ cell: String, separator: Character) -> [String] {
        var options: [String] = []
        for piece in cell.split(separator: separator) {
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            if let first = trimmed.first, first.isLowercase, !options.isEmpty, piece.first == " " {
                options[options.count - 1] += String(separator) + piece
            } else {
                options.append(trimmed)
            }
        }
        return options
    }

    /// `dates:` from the answers: a first number above 12 means day first, a second one month first.
    private mutating func writeDates(_ texts: [String]) {
        var dayFirst = false, monthFirst = false
        for text in texts {
            let parts = text.split(whereSeparator: { $0 == "/" || $0 == " " || $0 == "." }).prefix(3).map { Int($0) }
            guard parts.count == 3, let a = parts[0], let b = parts[1], parts[2].map({ $0 < 100 || $0 > 1900 }) == true, a < 32 else { continue }
            if a > 12 { dayFirst = true }
            if b > 12 { monthFirst = true }
        }
        if monthFirst && !dayFirst { line("dates: month-first") } else if !dayFirst && !monthFirst && tool == .csv {
            line("dates: day-first", check: "no date told day from month; day-first is the UK's order")
        }
    }

    /// A question's distinct answers (its options, where each has a column), for weighing matches.
    static func distinctAnswers(_ columns: ExportHeader.Columns, _ sample: ExportSample) -> [String] {
        if let options = columns.options { return options }
        var seen = Set<String>()
        for row in sample.rows.prefix(2000) where row.indices.contains(columns.indexes[0]) {
            let answer = row[columns.indexes[0]].trimmingCharacters(in: .whitespaces)
            if !answer.isEmpty { seen.insert(answer) }
            if seen.count >= 100 { break }
        }
        return Array(seen)
    }

    private static func isFTE(_ column: SurveyColumn) -> Bool { column == .centralPMOFTE || column == .devolvedPMFTE }

    /// The month the round opened: the earliest month holding at least a tenth of the dated
    /// answers. A test response made weeks before the survey opened is not the round; a round
    /// that opened in December and ran into January is December's.
    static func proposedWave(_ sample: ExportSample, _ column: Int?) -> String {
        guard let column else { return "CHANGE-ME" }
        var months: [String: Int] = [:]
        for row in sample.rows where row.indices.contains(column) {
            guard let date = ExportDate.canonical(row[column], order: .monthFirst) ?? ExportDate.canonical(row[column], order: .dayFirst) else { continue }
            months[String(date.prefix(7)), default: 0] += 1
        }
        let dated = months.values.reduce(0, +)
        return months.keys.sorted().first { months[$0]! * 10 >= dated } ?? "CHANGE-ME"
    }

    static func isPersonal(_ header: String) -> Bool {
        let key = header.referenceKey
        return ["email", "email address", "e-mail", "name", "first name", "last name", "ip address", "ipaddress",
                "recipientemail", "recipientfirstname", "recipientlastname", "respondent name", "respondent email"].contains(key)
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "") + "\""
    }
}
