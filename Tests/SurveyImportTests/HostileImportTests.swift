import Foundation
import PMOSurvey
import SurveyImport
import TestSupport
import Testing

/// Hostile exports and mappings read the way the pipeline reads them (issue 23): a refusal that
/// names the file and what is wrong, or a normal read, fast, with messages of bounded length.
@Suite struct HostileImportTests {
    let folder = ScratchFolder.make("hostile-import")

    func mappingError(_ text: String, seconds: Double = 5, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let path = folder + "/\(UUID().uuidString).yaml"
        try! text.write(toFile: path, atomically: true, encoding: .utf8)
        let clock = ContinuousClock(), started = clock.now
        defer { #expect(clock.now - started < .seconds(seconds), "took \(clock.now - started)", sourceLocation: sourceLocation) }
        do {
            _ = try Mapping.load(path: path)
            return "loaded"
        } catch {
            return String(error.description.dropFirst(path.count))
        }
    }

    /// Nine levels of ten aliases: as a value it is never expanded; as a key Yams hashed about
    /// 10^10 nodes and never finished. Every way YAML has of making a key from an alias is refused.
    @Test func aliasBombAsKey() {
        var bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            bomb += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        #expect(mappingError(bomb + "? *a9\n: x\n") == ", line 11: an explicit key (`? `) is not accepted; a key must be a plain name")
        #expect(mappingError(bomb + "*a9 : x\n") == ", line 11: an alias (`*a9`) is used as a key; a key must be a plain name")
        #expect(mappingError(bomb + "[*a9, *a9]: x\n") == ", line 11: a key holds an alias; a key must be a plain name")
        #expect(mappingError(bomb + "z: {[*a9]: x}\n") == ", line 11: a key holds an alias; a key must be a plain name")
        // As a value, the same file is an ordinary mistake: an unknown key, at once.
        #expect(mappingError(bomb + "z: *a9\n").contains("line 1: unknown key `a0`"))
    }

    /// What looks like a key in text, quoted or in a block scalar, is text: such a mapping loads.
    @Test func aliasLookalikesInTextAreText() {
        let mapping = """
            source: csv # ? not a key
            wave: "*a: b"
            fields:
              trust_name: 'Trust? *x: y'
              sector: &type Type
              pmo_model: |
                ? Model
                *m: n
              region: *type
            """
        #expect(mappingError(mapping) == "loaded")
    }

    /// A control character at the end of a 2,900-byte line: libyaml's reader error carried the
    /// whole text after the message (found by the import fuzzer). It names the line, nothing more.
    @Test func aReaderErrorDoesNotRepeatTheFile() {
        let message = mappingError("source: csv\n" + String(repeating: "k", count: 2900) + "\u{01}: x\n")
        #expect(message == ", line 2: not valid YAML: control characters are not allowed", "\(message.prefix(500))")
    }

    /// A 1 MiB key made a 1 MiB line of stderr. (libyaml takes a key of 1,024 characters at
    /// most, unless it is explicit, `? `, now refused; values are any length.)
    @Test func longTextIsCutInTheMessage() {
        let key = String(repeating: "k", count: 1000)
        let message = mappingError("source: csv\n\(key): 1\n")
        #expect(message.count < 400 && message.hasPrefix(", line 2: unknown key `kkk") && message.contains("...`"), "\(message.prefix(500))")
        let value = String(repeating: "v", count: 1 << 20)
        let bad = mappingError("source: \(value)\n")
        #expect(bad.count < 400 && bad.contains("; `vvv") && bad.hasSuffix("...` is none of them"), "\(bad.prefix(500))")
        let target = mappingError("source: csv\nfields:\n  trust_name: T\n  pmo_model: M\n  sector:\n    question: S\n    values: {Acute: \(value)}\n")
        #expect(target.count < 400 && target.hasSuffix("...` is none of them"), "\(target.prefix(500))")
        let reference = String(repeating: "q", count: 1 << 20)
        let export = folder + "/export.csv"
        try! "Trust,Type,Model\nA,Acute,central\n".write(toFile: export, atomically: true, encoding: .utf8)
        let path = folder + "/long-reference.yaml"
        try! "source: csv\nfields:\n  trust_name: \(reference)\n  sector: Type\n  pmo_model: Model\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            _ = try SurveyReader(currentYear: 2026).read(inputs: [.export(path: export, mapping: try Mapping.load(path: path))])
        } throws: { error in
            "\(error)".count < 600 && "\(error)".contains("no column of the export matches \"qqq")
        }
    }

    /// A SurveyMonkey export without its second header row exited 0, its first response read as
    /// the header and every "Estates" tick dropped without a word.
    @Test func surveyMonkeyWithoutItsSecondHeaderRow() throws {
        let export = folder + "/monkey.csv"
        try """
            Respondent ID,Collector ID,End Date,Organisation,Type,Model,Kinds of project,
            1001,431,05/27/2015 10:03:21 AM,A Trust,Acute,central,IT,Estates
            1002,431,05/27/2015 11:03:21 AM,B Trust,Acute,central,,Estates

            """.write(toFile: export, atomically: true, encoding: .utf8)
        let path = folder + "/monkey.yaml"
        try """
            source: surveymonkey
            fields:
              response_id: Respondent ID
              trust_name: Organisation
              sector: Type
              pmo_model: Model
              project_types: Kinds of project
            """.write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            _ = try SurveyReader(currentYear: 2026).read(inputs: [.export(path: export, mapping: try Mapping.load(path: path))])
        } throws: { error in
            guard let error = error as? SurveyFileError, case .unexpectedHeader = error else { return false }
            return error.description.hasPrefix("monkey.csv, line 2: the SurveyMonkey export lacks its second header row: the row under the questions has \"1001\" under \"Respondent ID\"")
        }
    }

    /// A header of more columns than a spreadsheet has (a line of commas) is refused before a
    /// name is made for each, and the parser keeps no more fields than that (a 40 MB line of
    /// commas took 1.56 GB).
    @Test(arguments: [false, true]) func headerWiderThanXFD(export: Bool) throws {
        let path = folder + "/wide-\(export).csv"
        try ("Trust" + String(repeating: ",", count: 16_384) + "\n1,2,3\n").write(toFile: path, atomically: true, encoding: .utf8)
        let input: SurveyInput
        if export {
            let mapping = folder + "/wide.yaml"
            try "source: csv\nfields:\n  trust_name: a\n  sector: b\n  pmo_model: c\n".write(toFile: mapping, atomically: true, encoding: .utf8)
            input = .export(path: path, mapping: try Mapping.load(path: mapping))
        } else {
            input = SurveyInput(path: path)
        }
        #expect(throws: SurveyFileError.self) { _ = try SurveyReader(currentYear: 2026).read(inputs: [input]) }
        do {
            _ = try SurveyReader(currentYear: 2026).read(inputs: [input])
        } catch {
            #expect(error.description == "wide-\(export).csv, line 1: the header has more than 16,384 columns, the most a spreadsheet holds (A to XFD); is it a header at all?")
        }
    }

    /// An .xlsx cell was never cut (a 100 MB cell reserved 6.7 GB for the next batch): it is cut
    /// at 1 MiB with the warning a CSV field gets.
    @Test func longWorkbookCellIsCut() throws {
        let name = String(repeating: "T", count: (1 << 20) + 1000)
        let sheet = #"<row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c><c r="B1" t="inlineStr"><is><t>Trust</t></is></c><c r="C1" t="inlineStr"><is><t>Type</t></is></c><c r="D1" t="inlineStr"><is><t>Model</t></is></c></row>"#
            + #"<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>"# + name + #"</t></is></c><c r="C2" t="inlineStr"><is><t>Acute</t></is></c><c r="D2" t="inlineStr"><is><t>central</t></is></c></row>"#
        var zip = HandMadeZip.workbook(sheetData: "")
        zip.entries[1] = try .deflated("xl/worksheets/sheet1.xml", #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"# + sheet + "</sheetData></worksheet>")
        let path = folder + "/long-cell.xlsx"
        zip.write(path)
        let mapping = folder + "/forms.yaml"
        try "source: ms-forms\nfields:\n  response_id: ID\n  trust_name: Trust\n  sector: Type\n  pmo_model: Model\n".write(toFile: mapping, atomically: true, encoding: .utf8)
        let survey = try SurveyReader(currentYear: 2026).read(inputs: [.export(path: path, mapping: try Mapping.load(path: mapping))])
        #expect(survey.responses.map(\.trustName.utf8.count) == [1 << 20])
        #expect(survey.findings.contains { $0.severity == .warning && $0.message.contains("value longer than 1,048,576 bytes; cut to that length") && $0.line == 2 })
    }
}
