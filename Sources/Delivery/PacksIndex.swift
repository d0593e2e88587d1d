import Foundation
import ReportPipeline

/// `packs-index-not-for-sharing.csv` of a published run, read back: every trust with its peer code
/// and the SHA-256 of each pack file, as written when the packs were made. Delivery trusts
/// nothing else about the packs, and checks every file against it.
struct PacksIndex {
    struct Trust: Hashable {
        var name: String
        var code: String
        var peerCode: String
        var files: [PackFile]

        /// How the journal, the logs and `--resend` name the trust: its ODS code, else its packs'
        /// file name stem (unique in a run), for a trust the survey gave no code.
        var key: String {
            code.isEmpty ? (files.first.map { ($0.name as NSString).deletingPathExtension } ?? name) : code
        }
    }

    struct PackFile: Hashable {
        var name: String
        var sha256: String
    }

    let trusts: [Trust]

    /// Reads the index at `path`; a missing index is exit 66, one that does not read is 65.
    init(path: String) throws(PipelineError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PipelineError(.noInput, "cannot read \(path): the run has no packs (publish with `outputs: [packs]`)")
        }
        let rows = CSVRows(String(decoding: data, as: UTF8.self)).rows
        let header = ["trust_name", "trust_code", "sector", "peer_code", "workbook", "workbook_sha256", "pdf", "pdf_sha256"]
        guard let first = rows.first, first.fields == header else {
            throw PipelineError(.dataError, "\(path): not a packs index (expected the header \(header.joined(separator: ",")))")
        }
        var trusts: [Trust] = []
        for (line, fields) in rows.dropFirst() {
            guard fields.count == header.count else {
                throw PipelineError(.dataError, "\(path), line \(line): \(fields.count) fields, expected \(header.count)")
            }
            let name = Self.unguarded(fields[0])
            trusts.append(Trust(name: name, code: fields[1], peerCode: fields[3], files: [
                PackFile(name: fields[4], sha256: fields[5]), PackFile(name: fields[6], sha256: fields[7]),
            ]))
        }
        self.trusts = trusts
    }

    /// The index puts an apostrophe before a name starting `=`, `+`, `-` or `@` (so a spreadsheet
    /// never runs it); the name itself has none.
    private static func unguarded(_ field: String) -> String {
        guard field.hasPrefix("'"), let second = field.dropFirst().first, "=+-@".contains(second) else { return field }
        return String(field.dropFirst())
    }
}
