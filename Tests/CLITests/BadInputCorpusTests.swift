import Foundation
import TestSupport
import Testing

/// The corpus of broken and hostile inputs in `BadInputs/`, each with what the user must see.
/// Usable files also go through `generate`, and every output is opened by an independent reader.
@Suite struct BadInputCorpusTests {
    struct Case: CustomStringConvertible, Sendable {
        var file: String
        var status: Int32
        /// Text the user must see, on stdout or stderr.
        var says: [String]
        var description: String { file }
    }

    static let folder = Program.projectRoot + "/Tests/CLITests/BadInputs"

    static let cases: [Case] = [
        Case(file: "empty.csv", status: 65, says: ["empty.csv: the file is empty"]),
        Case(file: "header-only.csv", status: 65, says: ["header-only.csv: the file has a header but no responses"]),
        Case(file: "image-renamed.csv", status: 65, says: ["not a CSV file (it looks like a PNG image)"]),
        Case(file: "workbook-renamed.csv", status: 65, says: ["a ZIP archive, perhaps an Excel workbook (.xlsx)"]),
        Case(file: "utf16.csv", status: 65, says: ["UTF-16", "CSV UTF-8"]),
        Case(file: "nul-bytes.csv", status: 65, says: ["NUL bytes"]),
        Case(file: "unterminated-quote.csv", status: 0,
             says: ["line 3, column comments (response 2): error: a quoted value that starts on line 3 is never closed"]),
        Case(file: "ragged-rows.csv", status: 0,
             says: ["line 2 (response 1): warning: the row has 4 values but the header has 8 columns",
                    "line 3 (response 2): error: the row has 9 values but the header has 8 columns"]),
        Case(file: "duplicate-required-column.csv", status: 65, says: ["line 1: the header has column trust_name more than once"]),
        Case(file: "only-commas.csv", status: 65, says: ["no responses"]),
        Case(file: "excel-sep-line.csv", status: 0, says: ["Excel's \"sep=,\" hint; skipped", "1 responses read, 1 used"]),
        Case(file: "semicolon-separated.csv", status: 65, says: ["semicolon-separated, not comma-separated"]),
        Case(file: "number-separators.csv", status: 0,
             says: ["line 2, column central_pmo_fte (response 1): error: \"1,5\" is not a number of 0 or more (use a decimal point, not a comma)",
                    "line 4, column central_pmo_fte (response 3): error: \"1,500.5\"", "3 responses read, 1 used, 2 rejected"]),
        Case(file: "odd-dates.csv", status: 0,
             says: ["line 2, column submitted (response 1): error: \"2015-5-7\" is not a valid date",
                    "line 3, column submitted (response 2): error: \"5/27/2015\" is not a valid date",
                    "line 4, column submitted (response 3): error: \"31/02/2015\" is not a valid date",
                    "4 responses read, 1 used, 3 rejected"]),
        Case(file: "required-empty.csv", status: 65,
             says: ["column trust_name: error on 2 lines (lines 2, 3): trust_name is required but empty",
                    "none of the 2 responses is valid"]),
        Case(file: "rtl-and-emoji.csv", status: 0, says: ["2 responses read, 2 used"]),
        Case(file: "formula-and-control.csv", status: 0, says: ["4 responses read, 4 used"]),
        // Found by the fuzzer: 10 s under AddressSanitizer when peer codes hashed inside every sort comparison.
        Case(file: "fuzz-timeout-naming.csv", status: 0, says: ["42 responses read, 39 used, 3 rejected"]),
        Case(file: "bad-quotes.csv", status: 0,
             says: ["line 2, column comments (response 1): error: a double quote inside a value that is not quoted",
                    "line 3, column comments (response 2): error: text after a closing double quote"]),
    ]

    @Test(arguments: cases)
    func validateSaysWhatIsWrong(_ c: Case) throws {
        let result = try Program.pmoReport(["validate", "--input", Self.folder + "/" + c.file]).run()
        #expect(result.status == c.status, "\(result.stdout)\(result.stderr)")
        for text in c.says {
            #expect((result.stdout + result.stderr).contains(text), "missing: \(text)\n\(result.stdout)\(result.stderr)")
        }
    }

    @Test(arguments: cases)
    func generateWritesReadableOutputsOrNothing(_ c: Case) throws {
        let out = ScratchFolder.make("cli") + "/out"
        let result = try Program.pmoReport(["generate", "--input", Self.folder + "/" + c.file, "--output", out, "--internal-use"]).run()
        #expect(result.status == (c.status == 0 ? 0 : c.status), "\(result.stderr)")
        guard c.status == 0 else {
            #expect(!FileManager.default.fileExists(atPath: out))
            return
        }
        try IndependentReaders.check(folder: out)
    }

    @Test func formulasStayTextAndControlCharactersAreGone() throws {
        let out = ScratchFolder.make("cli")
        let result = try Program.pmoReport(["generate", "--input", Self.folder + "/formula-and-control.csv", "--output", out, "--internal-use"]).run()
        #expect(result.status == 0, "\(result.stderr)")
        let cells = try IndependentReaders.python("""
            import openpyxl, sys
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb["Responses"]
            for row in ws.iter_rows():
                for c in row:
                    if isinstance(c.value, str) and c.value[:1] in "=+-@":
                        print(c.data_type, repr(c.value))
            """, out + "/pmo-report.xlsx")
        #expect(cells.contains("s '=HYPERLINK(\"http://x.example\")'"))
        #expect(cells.contains("s '+44 20 7946 0000'"))
        #expect(cells.contains("s '@SUM(A1)'"))
        #expect(!cells.contains("f "), "a formula cell was written:\n\(cells)")
        let text = try IndependentReaders.pdfText(out + "/pmo-report.pdf")
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\u{0C}" && $0 != "\t" })
    }

    @Test func tenMegabyteFieldIsCutAndReported() throws {
        let folder = ScratchFolder.make("cli")
        let path = folder + "/huge.csv"
        var text = "response_id,trust_name,sector,pmo_model,comments\n1,A,Acute,none,\""
        text += String(repeating: "x", count: 10 << 20) + "\"\n2,B,Acute,none,short\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try Program.pmoReport(["validate", "--input", path]).run()
        #expect(result.status == 0)
        #expect(result.stdout.contains("line 2, column comments (response 1): warning: value longer than 1,048,576 bytes; cut to that length"))
        let out = folder + "/out"
        #expect(try Program.pmoReport(["generate", "--input", path, "--output", out, "--quiet"]).run().status == 0)
        try IndependentReaders.check(folder: out)
    }

    @Test func fiveThousandColumns() throws {
        let folder = ScratchFolder.make("cli")
        let path = folder + "/wide.csv"
        let extra = (1...4996).map { "extra_\($0)" }
        var text = (["response_id", "trust_name", "sector", "pmo_model"] + extra).joined(separator: ",") + "\n"
        text += (["1", "A", "Acute", "none"] + extra.map { _ in "v" }).joined(separator: ",") + "\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try Program.pmoReport(["validate", "--input", path]).run()
        #expect(result.status == 0)
        #expect(result.stdout.contains("info: ignored unknown columns: extra_1, extra_2"))
        #expect(result.stdout.contains("1 responses read, 1 used"))
    }
}

/// Opens outputs with tools that share no code with pmo-report.
enum IndependentReaders {
    static func check(folder: String) throws {
        let json = try Data(contentsOf: URL(fileURLWithPath: folder + "/pmo-report.json"))
        #expect((try? JSONSerialization.jsonObject(with: json)) != nil, "JSON does not parse")
        let workbook = try python("""
            import openpyxl, sys
            wb = openpyxl.load_workbook(sys.argv[1])
            print(len(wb.sheetnames))
            """, folder + "/pmo-report.xlsx")
        #expect(Int(workbook.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 > 5, "openpyxl: \(workbook)")
        let qpdf = try Program("/usr/bin/qpdf", ["--check", folder + "/pmo-report.pdf"]).run()
        #expect(qpdf.stdout.contains("No syntax or stream encoding errors found"), "qpdf: \(qpdf)")
    }

    static func pdfText(_ path: String) throws -> String {
        try Program("/usr/bin/pdftotext", ["-enc", "UTF-8", path, "-"]).runChecked().stdout
    }

    /// Runs a Python snippet with the system Python, which has openpyxl from Debian.
    static func python(_ script: String, _ argument: String) throws -> String {
        try Program("/usr/bin/python3", ["-c", script, argument]).runChecked().stdout
    }
}
