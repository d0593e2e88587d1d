import Foundation
import PMOSurvey
import SurveyImport
import TestSupport
import Testing
@testable import XlsxReader

/// Hostile .xlsx files (issue 23), each made here, small on disk, and read through the library:
/// every one a clear refusal naming the part and what is wrong, or a normal read, fast and in
/// bounded memory. Limits that would take a gigabyte to reach are lowered where the reader takes them.
@Suite struct HostileWorkbookTests {
    let folder = ScratchFolder.make("hostile-xlsx")

    /// The refusal `zip` gets, or "read" with the rows when it is read.
    func outcome(_ zip: HandMadeZip, limits: XlsxLimits = .standard, seconds: Double = 10,
                 sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let path = folder + "/\(UUID().uuidString).xlsx"
        zip.write(path)
        let clock = ContinuousClock(), started = clock.now
        defer {
            #expect(clock.now - started < .seconds(seconds), "took \(clock.now - started)", sourceLocation: sourceLocation)
        }
        do {
            var rows: [[String]] = []
            try XlsxWorkbook(path: path, limits: limits).rows(sheet: nil) { rows.append($1) }
            return "read \(rows)"
        } catch let error as XlsxReadError {
            return error.description
        } catch {
            return "unexpected \(error)"
        }
    }

    func sheet(row reference: String) -> HandMadeZip {
        .workbook(sheetData: #"<row r="3"><c r="\#(reference)" t="inlineStr"><is><t>x</t></is></c></row>"#)
    }

    // MARK: Crashes

    /// Twenty letters overflowed the column number (SIGILL); seven padded the row to 8.3 billion
    /// cells (abort). Excel's last column, XFD, is read; one past it is refused.
    @Test func columnsBeyondXFD() {
        let overflow = outcome(sheet(row: "AAAAAAAAAAAAAAAAAAAA3"))
        #expect(overflow.contains("its sheet xl/worksheets/sheet1.xml has a cell AAAAAAAAAAAAAAAAAAAA3 in row 3, beyond column XFD, the last of Excel's 16,384 columns"), "\(overflow)")
        #expect(outcome(sheet(row: "ZZZZZZZ3")).contains("cell ZZZZZZZ3 in row 3, beyond column XFD"))
        #expect(outcome(sheet(row: "XFE3")).contains("beyond column XFD"))
        let last = outcome(sheet(row: "XFD3"))
        #expect(last.hasPrefix("read") && last.hasSuffix(#""x"]]"#) && last.count > 16_383 * 4)
    }

    /// Parts read whole (workbook, relationships, styles) had no limit: 2.2 MB inflating to
    /// 2.2 GB trapped in `Int32(bytes.count)`. A header that claims more than the limit is refused
    /// before anything is inflated; one that claims less is held to its claim while inflating.
    @Test func partsInflatingPastTheLimit() throws {
        let stream = try HandMadeZip.deflate(prefix: "<styleSheet>", zeros: 3 << 20, suffix: "</styleSheet>")
        var styles = HandMadeZip.Entry(name: "xl/styles.xml", data: stream, method: 8, crc: 0,
                                       compressedSize: UInt64(stream.count), uncompressedSize: 3 << 20 + 25)
        let limits = XlsxLimits(partBytes: 2 << 20)
        let claimed = outcome(.workbook(sheetData: "", extra: [styles]), limits: limits)
        #expect(claimed == "its part xl/styles.xml inflates to more than 2 MiB, the most this reader takes from one part of a workbook", "\(claimed)")
        #expect(outcome(.workbook(sheetData: "", extra: [styles])).contains("CRC-32 does not match"), "under the standard limit, read and checked")
        styles.uncompressedSize = 1000
        let lied = outcome(.workbook(sheetData: "", extra: [styles]), limits: limits)
        #expect(lied == "its part xl/styles.xml is damaged: it inflates to more than the 1000 bytes its ZIP header gives", "\(lied)")
        // The standard limit, claimed: refused at once, nothing inflated.
        styles.uncompressedSize = 2_200_000_000
        #expect(outcome(.workbook(sheetData: "", extra: [styles])).contains("inflates to more than 256 MiB"))
    }

    /// 2 GB of shared strings from 2 MB were held whole (2.25 GB); one 1.5 GB string aborted.
    /// The part is capped like any other, and each string is cut as a cell is.
    @Test func sharedStrings() throws {
        let text = "<sst><si><t>" + String(repeating: "y", count: 1000) + "</t></si><si><t>short</t></si></sst>"
        let shared = try HandMadeZip.Entry.deflated("xl/sharedStrings.xml", text)
        let zip = HandMadeZip.workbook(sheetData: #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>"#, extra: [shared])
        #expect(outcome(zip, limits: XlsxLimits(cellBytes: 10)) == #"read [["yyyyyyyyyy", "short"]]"#)
        #expect(outcome(zip, limits: XlsxLimits(partBytes: 500)).contains("its part xl/sharedStrings.xml inflates to more than 500 bytes"))
    }

    /// A symlink entry claiming 4 GiB made ZIPFoundation allocate 4 GiB.
    @Test func symlinkEntry() {
        var zip = HandMadeZip.workbook(sheetData: "")
        zip.entries[0].madeBy = 3 << 8 | 20
        zip.entries[0].externalAttributes = 0o120777 << 16
        zip.entries[0].compressedSize = 0xFFFF_FFFE
        #expect(outcome(zip) == "its part xl/workbook.xml is a symbolic link, which no workbook holds")
    }

    // MARK: Hangs

    /// A stored deflate block claiming 65,535 bytes in a 5 KB file: ZIPFoundation read on past
    /// the entry to the end of the file and spun there for ever. Inflating stops at the entry's end.
    @Test func deflateStreamLongerThanTheFile() {
        var zip = HandMadeZip.workbook(sheetData: "")
        let block: [UInt8] = [0x00, 0xFF, 0xFF, 0x00, 0x00] + Array("<worksheet>".utf8)
        zip.entries[1] = HandMadeZip.Entry(name: "xl/worksheets/sheet1.xml", data: block, method: 8, crc: 0,
                                           compressedSize: UInt64(block.count), uncompressedSize: 65_535)
        let cut = outcome(zip, seconds: 2)
        #expect(cut == "its part xl/worksheets/sheet1.xml is cut short: its compressed data ends before the end of its deflate stream", "\(cut)")
        // Claiming more compressed bytes than the file holds is refused before reading.
        zip.entries[1].compressedSize = 1 << 30
        #expect(outcome(zip, seconds: 2).contains("claims 1073741824 compressed bytes, more than the file holds"))
    }

    // MARK: Also worth fixing

    /// A valid ZIP64 workbook whose offsets are in the ZIP64 extra field (the first entry's is 0,
    /// which ZIPFoundation took for "absent") is read.
    @Test func zip64OffsetsAreRead() {
        var zip = sheet(row: "B3")
        for i in zip.entries.indices { zip.entries[i].zip64 = true }
        #expect(outcome(zip) == #"read [["", "x"]]"#)
    }

    @Test func encryptedEntry() {
        var zip = HandMadeZip.workbook(sheetData: "")
        zip.entries[1].flags = 1
        #expect(outcome(zip).hasPrefix("its part xl/worksheets/sheet1.xml is encrypted; open the workbook in Excel, remove its password"))
    }

    /// The entry iterator stopped silently at the first bad entry ("holds no xl/worksheets/sheet1.xml").
    @Test func truncatedCentralDirectory() {
        var zip = HandMadeZip.workbook(sheetData: "")
        zip.claimedEntryCount = 3
        #expect(outcome(zip) == "it is a ZIP archive that cannot be read (damaged or cut short?): its central directory claims 3 entries but has room for 2")
        // The second entry's header damaged.
        var bytes = HandMadeZip.workbook(sheetData: "").bytes()
        let headers = bytes.indices.dropLast(3).filter { bytes[$0..<($0 + 4)] == [0x50, 0x4B, 0x01, 0x02] }
        bytes[headers[1] + 2] = 0
        let path = folder + "/damaged-directory.xlsx"
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        #expect(throws: XlsxReadError("it is a ZIP archive that cannot be read (damaged or cut short?): its central directory is damaged at entry 2 of 2")) {
            try XlsxWorkbook(path: path)
        }
    }

    /// CRCs were not checked (`skipCRC32: true`): a damaged part was read as if whole.
    @Test func damagedPart() {
        var zip = sheet(row: "A3")
        zip.entries[1].crc ^= 1
        #expect(outcome(zip) == "its part xl/worksheets/sheet1.xml is damaged: its CRC-32 does not match")
        zip = sheet(row: "A3")
        zip.entries[1].uncompressedSize += 10
        zip.entries[1].compressedSize += 10
        #expect(outcome(zip).contains("xl/worksheets/sheet1.xml"))
    }

    /// When the row callback throws (the reader refused the header, say), the sheet is not
    /// inflated on to its end: the callback's error comes back, not what the rest of the part holds.
    @Test func rowErrorStopsTheSheet() throws {
        struct Refused: Error {}
        let rows = (1...20_000).map { #"<row r="\#($0)"><c r="A\#($0)"><v>\#($0)</v></c></row>"# }.joined()
        var zip = HandMadeZip.workbook(sheetData: "")
        zip.entries[1] = try .deflated("xl/worksheets/sheet1.xml", "<worksheet><sheetData>" + rows + "</sheetData></worksheet>")
        zip.entries[1].crc ^= 1
        let path = folder + "/stops.xlsx"
        zip.write(path)
        var seen = 0
        #expect(throws: Refused.self) {
            try XlsxWorkbook(path: path).rows(sheet: nil) { _, _ in
                seen += 1
                throw Refused()
            }
        }
        #expect(seen == 1)
    }

    /// A sheet named at any length is cut in the message that names it.
    @Test func longSheetNameInMessages() throws {
        let path = folder + "/long-name.xlsx"
        HandMadeZip.workbook(sheetData: "").write(path)
        let name = String(repeating: "n", count: 1 << 20)
        #expect { try XlsxWorkbook(path: path).rows(sheet: name) { _, _ in } } throws: { error in
            "\(error)".count < 300 && "\(error)".contains("nnn...")
        }
    }
}
