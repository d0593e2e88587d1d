import Foundation
import PMOSurvey
import SurveyImport
import TestSupport
import Testing
import XlsxReader

/// .xlsx exports written by other programs than libxlsxwriter: openpyxl (shared strings, both date
/// systems), a hand-built package with inline strings, and LibreOffice re-saving the Microsoft
/// Forms sample; and files that are no readable workbook.
@Suite struct XlsxReadingTests {
    static let hasSoffice = FileManager.default.isExecutableFile(atPath: "/usr/bin/soffice")

    func python(_ script: String, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        // Debian's python3, which has openpyxl.
        let result = try Program("/usr/bin/python3", ["-c", script] + arguments).run()
        #expect(result.status == 0, "python3 failed: \(result.stderr)", sourceLocation: sourceLocation)
    }

    func rows(_ path: String, sheet: String? = nil) throws -> [(Int, [String])] {
        var rows: [(Int, [String])] = []
        try XlsxWorkbook(path: path).rows(sheet: sheet) { rows.append(($0, $1)) }
        return rows
    }

    static let openpyxlScript = """
        import sys, datetime, openpyxl
        from openpyxl.utils.datetime import CALENDAR_MAC_1904
        wb = openpyxl.Workbook()
        if sys.argv[2] == '1904': wb.epoch = CALENDAR_MAC_1904
        wb.active.title = 'Notes'
        wb.active['A1'] = 'Exported from Microsoft Forms'
        ws = wb.create_sheet('Form1')
        ws.append(['ID', 'Completion time', 'How many staff\\nwork here?', 'FTE', 'Share', 'Note', 'Day'])
        ws.append([1, datetime.datetime(2015, 5, 27, 10, 3, 21), 5200, 3.5, True, 'caf\\u00e9 \\u201cquoted\\u201d', datetime.date(2016, 2, 29)])
        ws.append([2, datetime.datetime(1999, 12, 31, 23, 59, 59), 0.1, 12, False, None, datetime.date(1904, 1, 2)])
        ws['C3'].number_format = '0.0'
        ws['G2'].number_format = 'dd/mm/yyyy'
        ws['G3'].number_format = 'yyyy-mm-dd'
        ws.cell(row=5, column=2, value='after a blank row')
        wb.save(sys.argv[1])
        """

    @Test(arguments: ["1900", "1904"])
    func openpyxlWorkbook(dateSystem: String) throws {
        let path = ScratchFolder.make("openpyxl") + "/forms.xlsx"
        try python(Self.openpyxlScript, [path, dateSystem])
        let workbook = try XlsxWorkbook(path: path)
        #expect(workbook.sheetNames == ["Notes", "Form1"])
        let read = try rows(path, sheet: "form1")
        #expect(read.map(\.0) == [1, 2, 3, 5])
        #expect(read[0].1 == ["ID", "Completion time", "How many staff\nwork here?", "FTE", "Share", "Note", "Day"])
        #expect(read[1].1 == ["1", "2015-05-27 10:03:21", "5200", "3.5", "TRUE", "café “quoted”", "2016-02-29"])
        #expect(read[2].1 == ["2", "1999-12-31 23:59:59", "0.1", "12", "FALSE", "", "1904-01-02"])
        #expect(read[3].1 == ["", "after a blank row"])
        #expect(try rows(path).map(\.1) == [["Exported from Microsoft Forms"]], "the first sheet by default")
        #expect(throws: XlsxReadError.self) { try rows(path, sheet: "Sheet9") }
    }

    /// Inline strings, formula strings and booleans, no shared strings part, cells without `r`.
    @Test func handBuiltPackageWithInlineStrings() throws {
        let path = ScratchFolder.make("inline") + "/inline.xlsx"
        try python("""
            import sys, zipfile
            parts = {
              '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
              'xl/workbook.xml': '<?xml version="1.0"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="Answers" sheetId="1" r:id="rId7"/></x:sheets></x:workbook>',
              'xl/_rels/workbook.xml.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="worksheet" Target="/xl/worksheets/data.xml"/></Relationships>',
              'xl/worksheets/data.xml': '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>'
                '<x:row><x:c t="inlineStr"><x:is><x:t xml:space="preserve"> Trust </x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:r><x:t>Ty</x:t></x:r><x:r><x:t>pe</x:t></x:r></x:is></x:c><x:c t="str"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row>'
                '<x:row r="3"><x:c r="C3" t="b"><x:v>1</x:v></x:c><x:c r="A3" t="inlineStr"><x:is><x:t>A &amp; B</x:t></x:is></x:c></x:row>'
                '</x:sheetData></x:worksheet>',
            }
            with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
                for name, text in parts.items(): z.writestr(name, text)
            """, [path])
        let read = try rows(path)
        #expect(read.map(\.0) == [1, 3])
        #expect(read[0].1 == [" Trust ", "Type", "2"])
        #expect(read[1].1 == ["A & B", "", "TRUE"])
    }

    /// The Microsoft Forms sample, re-saved by LibreOffice and by openpyxl, reads to the same figures.
    @Test(.enabled(if: hasSoffice)) func resavedByLibreOfficeAndOpenpyxl() throws {
        let files = try ImportFixtures.exports(.msForms)
        let folder = ScratchFolder.make("resaved")
        _ = try Program("/usr/bin/soffice", ["-env:UserInstallation=file://\(folder)/profile", "--headless", "--norestore",
                                             "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", folder + "/office"] + files).run()
        try FileManager.default.createDirectory(atPath: folder + "/openpyxl", withIntermediateDirectories: true)
        for file in files {
            let name = (file as NSString).lastPathComponent
            try python("import sys, openpyxl; openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])", [file, folder + "/openpyxl/" + name])
        }
        let canonical = try ImportFixtures.canonical()
        for writer in ["office", "openpyxl"] {
            let resaved = files.map { folder + "/\(writer)/" + ($0 as NSString).lastPathComponent }
            #expect(resaved.allSatisfy { FileManager.default.fileExists(atPath: $0) }, "\(writer) wrote the workbooks")
            let survey = try ImportFixtures.reader().read(inputs: [
                .export(path: resaved[0], mapping: try ImportFixtures.mapping("2014-12", .msForms)),
                .export(path: resaved[1], mapping: try ImportFixtures.mapping("2015-12", .msForms)),
            ])
            try ImportFixtures.expectSameFigures(survey, as: canonical, "re-saved by \(writer)")
        }
    }

    /// What is not a readable workbook is refused, saying what the file is.
    @Test func filesThatAreNoWorkbook() throws {
        let folder = ScratchFolder.make("bad")
        let mapping = try ImportFixtures.mapping("2014-12", .msForms)
        func failure(_ bytes: [UInt8], _ name: String = "export.xlsx") -> String {
            _ = FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(bytes))
            do {
                _ = try ImportFixtures.reader().read(inputs: [.export(path: folder + "/" + name, mapping: mapping)])
                return "read"
            } catch {
                guard case .unreadableWorkbook = error else { return "wrong error: \(error)" }
                return error.description
            }
        }
        let encrypted = failure([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504))
        #expect(encrypted.contains("export.xlsx: cannot read it as an .xlsx workbook: it is an OLE compound file") && encrypted.contains("password-protected"))
        #expect(failure(Array("%PDF-1.7\n".utf8)).contains("it is not an .xlsx workbook (it is a PDF document)"))
        #expect(failure(Array("ID,Name\n1,x\n".utf8)).contains("(it looks like text, perhaps a CSV file)"))
        let good = try Data(contentsOf: URL(fileURLWithPath: try ImportFixtures.exports(.msForms)[0]))
        #expect(failure(Array(good.prefix(good.count / 2))).contains("it is a ZIP archive that cannot be read"))
        var damaged = Array(good)
        // Garble the middle of the compressed parts while keeping the ZIP directory.
        for i in 200..<min(2000, damaged.count / 2) { damaged[i] ^= 0x5A }
        #expect(failure(damaged).contains("cannot read it as an .xlsx workbook"))
        #expect(failure([]).contains("it is empty") || failure([]).contains("empty"))
    }
}

/// Which number formats show dates: letters in quotes, brackets or after a backslash do not count.
@Suite struct DateFormatTests {
    @Test func dateFormats() throws {
        let path = ScratchFolder.make("formats") + "/formats.xlsx"
        try XlsxReadingTests().python("""
            import sys, datetime, openpyxl
            wb = openpyxl.Workbook(); ws = wb.active
            formats = ['0.0 "days"', '[Red]0', '#,##0\\\\h', 'd mmm yy', '[$-809]dd/mm/yyyy', 'h:mm AM/PM']
            for i, f in enumerate(formats):
                c = ws.cell(row=1, column=i + 1, value=42151.5); c.number_format = f
            wb.save(sys.argv[1])
            """, [path])
        var cells: [String] = []
        try XlsxWorkbook(path: path).rows(sheet: nil) { _, row in cells = row }
        #expect(cells == ["42151.5", "42151.5", "42151.5", "2015-05-27 12:00:00", "2015-05-27 12:00:00", "2015-05-27 12:00:00"])
    }
}
