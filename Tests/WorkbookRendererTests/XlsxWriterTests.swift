import Foundation
import Testing
import TestSupport
import XlsxWriter

/// The Swift layer's own promises: what it refuses, what it cleans, and that errors name causes.
@Suite struct XlsxWriterTests {
    @Test func controlCharactersAreRemovedButLineBreaksKept() {
        let cell = CellText("a\u{1B}b\u{0}c\u{7}\td\ne\r\u{FFFE}f")
        #expect(cell.value == "abc\td\ne\rf")
        #expect(cell.removedControlCharacters)
        #expect(cell.truncatedFrom == nil)
        #expect(!CellText("£é🎉").removedControlCharacters)
    }

    @Test func longTextIsCutByUTF16UnitsWithoutSplittingAnEmoji() {
        let text = String(repeating: "a", count: 32_766) + "🎉🎉"
        let cell = CellText(text)
        #expect(cell.truncatedFrom == 32_770)
        #expect(cell.value == String(repeating: "a", count: 32_766))
        #expect(CellText(String(repeating: "é", count: 32_767)).truncatedFrom == nil)
    }

    @Test(arguments: [
        ("", "empty"), (String(repeating: "x", count: 32), "longer than 31"), ("a/b", "\"/\""), ("a[b", "\"[\""),
        ("a:b", "\":\""), ("a*b", "\"*\""), ("a?b", "\"?\""), ("a\\b", "\"\\\""), ("'quoted", "apostrophe"),
        ("History", "reserves"), ("tab\there", "control"),
    ])
    func invalidSheetNamesAreRefusedWithTheReason(name: String, reason: String) {
        #expect {
            try Worksheet.validate(name: name)
        } throws: { error in
            "\(error)".contains(reason)
        }
    }

    @Test func validSheetNamesPass() throws {
        try Worksheet.validate(name: String(repeating: "x", count: 31))
        try Worksheet.validate(name: "Data quality")
        try Worksheet.validate(name: "Responses (2)")
    }

    @Test(arguments: ["A1", "xfd1048576", "R1C1", "R", "c", "1abc", "has space", "dash-name", ""])
    func invalidTableNamesAreRefused(name: String) {
        #expect(throws: XlsxWriteError.self) { try Table.validate(name: name) }
    }

    @Test func validTableNamesPass() throws {
        for name in ["ModelBySector", "DataQuality", "Responses2", "_x", "ABCD1", "R1X"] {
            try Table.validate(name: name)
        }
    }

    @Test func duplicatesThatWouldCorruptTheFileAreRefused() throws {
        let folder = ScratchFolder.make("workbook")
        let workbook = try Workbook(path: folder + "/dup.xlsx")
        let sheet = try workbook.addWorksheet(named: "Data")
        #expect(throws: XlsxWriteError.invalidSheetName("data", reason: "another sheet already has this name (Excel ignores case)")) {
            try workbook.addWorksheet(named: "data")
        }
        try sheet.addTable(Table(name: "First", headers: ["a", "b"], firstRow: 0, rowCount: 1))
        #expect(throws: XlsxWriteError.self) {
            try sheet.addTable(Table(name: "FIRST", headers: ["a"], firstRow: 5, rowCount: 1))
        }
        #expect(throws: XlsxWriteError.duplicateColumnHeader(table: "Second", header: "Count")) {
            try sheet.addTable(Table(name: "Second", headers: ["count", "Count"], firstRow: 10, rowCount: 1))
        }
        #expect(throws: XlsxWriteError.cellOutOfRange(sheet: "Data", row: Limits.rows, column: 0)) {
            try sheet.write("x", row: Limits.rows, column: 0)
        }
    }

    @Test func nonFiniteNumbersLeaveTheCellEmptyAndTheFileReadable() throws {
        let folder = ScratchFolder.make("workbook")
        let path = folder + "/numbers.xlsx"
        let workbook = try Workbook(path: path)
        let sheet = try workbook.addWorksheet(named: "Numbers")
        try sheet.write(number: .nan, row: 0, column: 0)
        try sheet.write(number: .infinity, row: 1, column: 0)
        try sheet.write(number: 0.5, row: 2, column: 0)
        try workbook.close()
        let book = try ReadWorkbook.read(path)
        #expect(book.cell("Numbers", "A1") == nil)
        #expect(book.cell("Numbers", "A2") == nil)
        #expect(book.cell("Numbers", "A3")?.value == "0.5")
        let xml = try unzip(path, "xl/worksheets/sheet1.xml")
        #expect(!xml.contains("NAN") && !xml.contains("INF"))
    }

    @Test func libraryErrorsNameTheirCause() throws {
        let workbook = try Workbook(path: "/nonexistent-folder/book.xlsx")
        _ = try workbook.addWorksheet(named: "Sheet")
        #expect {
            try workbook.close()
        } throws: { error in
            guard case .library(_, let code, let message) = error as? XlsxWriteError else { return false }
            return code == 2 && message.contains("creating output xlsx file") && "\(error)".contains("/nonexistent-folder/book.xlsx")
        }
        #expect(throws: XlsxWriteError.workbookClosed) { try workbook.addWorksheet(named: "Late") }
    }

    /// Parts kept in shared memory make the same file as parts kept beside the workbook; memory
    /// is used only where `/dev/shm` is writable and has room.
    @Test func partsInMemoryMakeTheSameWorkbook() throws {
        let folder = ScratchFolder.make("workbook")
        func write(_ name: String, parts: PartsFolder) throws -> Data {
            let path = folder + "/" + name
            let workbook = try Workbook(path: path, parts: parts)
            try workbook.setProperties(DocumentProperties(title: "Parts", created: 1_764_201_600))
            let sheet = try workbook.addWorksheet(named: "Data")
            for row in 0..<200 {
                _ = try sheet.write("Trust \(row)", row: row, column: 0)
                try sheet.write(number: Double(row) / 4, row: row, column: 1)
            }
            try workbook.close()
            return try Data(contentsOf: URL(fileURLWithPath: path))
        }
        let memory = PartsFolder.memory()
        if FileManager.default.isWritableFile(atPath: "/dev/shm") { #expect(memory.isMemory) }
        #expect(!PartsFolder.memory(room: Int.max).isMemory)
        let inMemory = try write("memory.xlsx", parts: memory)
        #expect(inMemory == (try write("beside.xlsx", parts: .besideWorkbook)))
        #expect(try unzip(folder + "/memory.xlsx", "xl/sharedStrings.xml").contains("Trust 199"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["beside.xlsx", "memory.xlsx"])
    }

    @Test func headersAndFootersOverExcelsLimitAreRefused() throws {
        let folder = ScratchFolder.make("workbook")
        let workbook = try Workbook(path: folder + "/header.xlsx")
        let sheet = try workbook.addWorksheet(named: "Sheet")
        #expect(throws: XlsxWriteError.self) {
            try sheet.setPageSetup(PageSetup(header: PageText(left: [.text(String(repeating: "&", count: 200))])))
        }
    }
}

/// One file of an `.xlsx` (a zip) as text.
func unzip(_ path: String, _ member: String) throws -> String {
    try Program("/usr/bin/unzip", ["-p", path, member]).runChecked().stdout
}
