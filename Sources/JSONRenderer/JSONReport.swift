import FileSafety
import Foundation
import PMOSurvey

/// Why the JSON export could not be written.
public enum JSONReportError: OutputError, CustomStringConvertible {
    case cannotCreate(path: String, reason: String)
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotCreate(path, reason): "cannot create the JSON export \(path): \(reason)"
        case let .writeFailed(path, reason): "cannot write the JSON export \(path): \(reason)"
        }
    }

    public var cause: String {
        switch self {
        case let .cannotCreate(_, reason), let .writeFailed(_, reason): reason
        }
    }
}

/// The JSON export in the contract's long form: `responses` counts and every table by name, one
/// object per record, keys in the contract's column order, plus where the figures came from.
public struct JSONReport: Renderer {
    public static let fileExtension = "json"

    public let analysis: Analysis
    public let run: RunInfo

    public init(analysis: Analysis, run: RunInfo) {
        self.analysis = analysis
        self.run = run
    }

    /// Writes the export to `path`, replacing any file there only once it is complete: on failure
    /// (a `JSONReportError`), `path` keeps what it had.
    public func write(to path: String) throws {
        var out = try JSONWriter(path: path)
        try body(&out)
        try out.close()
    }

    /// Every input with its mapping, where the survey came from exports or several files.
    private func inputs(_ sources: [SurveySource], _ out: inout JSONWriter) throws {
        try out.raw("  \"inputs\": [")
        for (i, source) in sources.enumerated() {
            try out.raw(i == 0 ? "{\"file\": " : ", {\"file\": ")
            try out.string(source.fileName)
            try out.raw(", \"sha256\": \"\(source.sha256)\", \"bytes\": \(source.byteCount), \"encoding\": ")
            try out.string(source.encoding.rawValue)
            if let mapping = source.mapping {
                try out.raw(", \"mapping\": {\"file\": ")
                try out.string(mapping.fileName)
                try out.raw(", \"sha256\": \"\(mapping.sha256)\", \"source\": ")
                try out.string(mapping.tool)
                try out.raw("}")
            }
            try out.raw("}")
        }
        try out.raw("],\n")
    }

    /// The ODS register and the trust list the trusts were resolved through, when there were any.
    private func trustSources(_ directory: TrustDirectory, _ out: inout JSONWriter) throws {
        let files = [("register", directory.register), ("trust_list", directory.trustList)].compactMap { name, source in source.map { (name, $0) } }
        guard !files.isEmpty else { return }
        try out.raw("  \"trusts\": {")
        for (i, (name, source)) in files.enumerated() {
            try out.raw(i == 0 ? "\"\(name)\": {\"file\": " : ", \"\(name)\": {\"file\": ")
            try out.string(source.fileName)
            try out.raw(", \"sha256\": \"\(source.sha256)\", \"trusts\": \(source.trustCount)")
            if let date = source.date {
                try out.raw(", \"date\": ")
                try out.string(date.description)
            }
            try out.raw("}")
        }
        try out.raw("},\n")
    }

    private func body(_ out: inout JSONWriter) throws {
        let survey = analysis.survey, counts = survey.counts
        try out.raw("{\n  \"responses\": {\"rows\": \(counts.rows), \"valid\": \(counts.valid), ")
        try out.raw("\"rejected\": \(counts.rejected), \"superseded\": \(counts.superseded)},\n")
        try out.raw("  \"source\": {\"file\": ")
        try out.string(survey.source.fileName)
        try out.raw(", \"sha256\": \"\(survey.source.sha256)\", \"bytes\": \(survey.source.byteCount), \"encoding\": ")
        try out.string(survey.source.encoding.rawValue)
        // `file` and its digest are the first input's, as before; `files` names every input.
        if survey.sources.count > 1 {
            try out.raw(", \"files\": [")
            for (i, source) in survey.sources.enumerated() {
                if i > 0 { try out.raw(", ") }
                try out.string(source.fileName)
            }
            try out.raw("]")
        }
        try out.raw("},\n")
        if survey.sources.count > 1 || survey.source.mapping != nil { try inputs(survey.sources, &out) }
        try trustSources(survey.trustDirectory, &out)
        try out.raw("  \"waves\": [")
        for (i, wave) in survey.waves.enumerated() {
            try out.raw(i == 0 ? "" : ", ")
            try out.string(wave.displayLabel)
        }
        let metadata = DocumentMetadata(analysis: analysis, run: run)
        try out.raw("],\n  \"generated\": {\"at\": ")
        try out.string(metadata.generatedTime)
        try out.raw(", \"tool_version\": ")
        try out.string(metadata.toolVersion)
        if let warning = metadata.warning {
            try out.raw(", \"warning\": ")
            try out.string(warning)
        }
        try out.raw(", \"disclosure_control\": ")
        if let disclosure = analysis.disclosure {
            let rules = disclosure.rules
            try out.raw("{\"applied\": true, \"smallest_unnamed_count\": \(rules.smallestCount), "
                + "\"smallest_unnamed_for_statistics\": \(rules.smallestStatistics), \"withheld\": \(disclosure.withheld)}")
        } else {
            try out.raw("{\"applied\": false}")
        }
        try out.raw("},\n  \"tables\": {")
        for (t, table) in analysis.recordTables.enumerated() {
            try out.raw(t == 0 ? "\n    " : ",\n    ")
            try out.string(table.name)
            try out.raw(": [")
            // `"column": ` once per table, not escaped again for every record.
            let keys = table.columns.enumerated().map { c, name in (c == 0 ? "" : ", ") + JSONWriter.quoted(name) + ": " }
            for (r, row) in table.rows.enumerated() {
                try out.raw(r == 0 ? "\n      {" : ",\n      {")
                for (c, value) in row.enumerated() {
                    try out.raw(keys[c])
                    try write(value, to: &out)
                }
                if table.listsWithheld {
                    try out.raw(", \"withheld\": [")
                    for (i, c) in row.indices.filter({ row[$0] == .withheld }).enumerated() {
                        try out.raw(i == 0 ? "" : ", ")
                        try out.string(table.columns[c])
                    }
                    try out.raw("]")
                }
                try out.raw("}")
            }
            try out.raw(table.count == 0 ? "]" : "\n    ]")
        }
        try out.raw("\n  }\n}\n")
    }

    private func write(_ value: FieldValue, to out: inout JSONWriter) throws {
        switch value {
        case .text(let s): try out.string(s)
        case .integer(let n): try out.raw(String(n))
        case .number(let d): try out.number(d)
        case .date(let d): try out.string(d.description)
        case .boolean(let b): try out.raw(b ? "true" : "false")
        case .empty, .withheld: try out.raw("null")
        }
    }
}
