import Foundation
import TestSupport

/// ZIP files written byte by byte, so that a test can give any header any value: the hostile
/// workbooks of issue 23. Deflate streams come from Python's zlib (Debian's python3, which the
/// other .xlsx tests use too); everything else is laid out here.
struct HandMadeZip {
    struct Entry {
        var name: String
        /// The bytes stored in the file: the text itself (stored) or its deflate stream.
        var data: [UInt8]
        var method: UInt16 = 0
        var crc: UInt32
        var compressedSize: UInt64
        var uncompressedSize: UInt64
        var flags: UInt16 = 0
        /// Version made by (upper byte 3: Unix) and external attributes (upper half: mode bits).
        var madeBy: UInt16 = 20
        var externalAttributes: UInt32 = 0
        /// Sizes and offset in a ZIP64 extra field, the 32-bit fields set to 0xFFFFFFFF.
        var zip64 = false

        /// `text` stored as it is.
        static func stored(_ name: String, _ text: String) -> Entry {
            let bytes = Array(text.utf8)
            return Entry(name: name, data: bytes, crc: crc32(bytes), compressedSize: UInt64(bytes.count), uncompressedSize: UInt64(bytes.count))
        }

        /// `text` deflated.
        static func deflated(_ name: String, _ text: String) throws -> Entry {
            let bytes = Array(text.utf8)
            let stream = try deflate(prefix: text, zeros: 0)
            return Entry(name: name, data: stream, method: 8, crc: crc32(bytes), compressedSize: UInt64(stream.count),
                         uncompressedSize: UInt64(bytes.count))
        }
    }

    var entries: [Entry]
    /// The entry count the end record gives (nil: the real one), to cut the directory short.
    var claimedEntryCount: Int?

    /// A workbook of one sheet, `Sheet1`, whose XML is `sheetData` inside `<sheetData>`.
    static func workbook(sheetData: String, extra: [Entry] = []) -> HandMadeZip {
        HandMadeZip(entries: [
            .stored("xl/workbook.xml", #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Sheet1" sheetId="1"/></sheets></workbook>"#),
            .stored("xl/worksheets/sheet1.xml", #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"# + sheetData + "</sheetData></worksheet>"),
        ] + extra)
    }

    func bytes() -> [UInt8] {
        var out: [UInt8] = [], directory: [UInt8] = []
        for entry in entries {
            let offset = UInt64(out.count)
            let name = Array(entry.name.utf8)
            var zip64Extra: [UInt8] = []
            if entry.zip64 {
                zip64Extra = le(1, 2) + le(24, 2) + le(entry.uncompressedSize, 8) + le(entry.compressedSize, 8) + le(offset, 8)
            }
            let small = { (value: UInt64) -> UInt64 in entry.zip64 ? 0xFFFF_FFFF : value }
            out += le(0x0403_4B50, 4) + le(UInt64(entry.zip64 ? 45 : 20), 2) + le(UInt64(entry.flags), 2) + le(UInt64(entry.method), 2)
                + le(0, 4) + le(UInt64(entry.crc), 4) + le(small(entry.compressedSize), 4) + le(small(entry.uncompressedSize), 4)
                + le(UInt64(name.count), 2) + le(0, 2) + name + entry.data
            directory += le(0x0201_4B50, 4) + le(UInt64(entry.madeBy), 2) + le(UInt64(entry.zip64 ? 45 : 20), 2) + le(UInt64(entry.flags), 2)
                + le(UInt64(entry.method), 2) + le(0, 4) + le(UInt64(entry.crc), 4) + le(small(entry.compressedSize), 4)
                + le(small(entry.uncompressedSize), 4) + le(UInt64(name.count), 2) + le(UInt64(zip64Extra.count), 2) + le(0, 2)
                + le(0, 2) + le(0, 2) + le(UInt64(entry.externalAttributes), 4) + le(small(offset), 4) + name + zip64Extra
        }
        let directoryOffset = UInt64(out.count)
        out += directory
        let count = UInt64(claimedEntryCount ?? entries.count)
        out += le(0x0605_4B50, 4) + le(0, 2) + le(0, 2) + le(count, 2) + le(count, 2) + le(UInt64(directory.count), 4)
            + le(directoryOffset, 4) + le(0, 2)
        return out
    }

    func write(_ path: String) {
        FileManager.default.createFile(atPath: path, contents: Data(bytes()))
    }

    private func le(_ value: UInt64, _ count: Int) -> [UInt8] { ZipBytes.littleEndian(value, count) }

    static func crc32(_ bytes: [UInt8]) -> UInt32 { ZipBytes.crc32(bytes) }

    /// A raw deflate stream of `prefix`, then `zeros` spaces: a few kilobytes on disk that inflate
    /// to as much as a test needs (deflate reaches about 1,000 to 1).
    static func deflate(prefix: String, zeros: Int, suffix: String = "") throws -> [UInt8] {
        let script = """
            import sys, zlib
            c = zlib.compressobj(9, zlib.DEFLATED, -15)
            out = [c.compress(sys.stdin.buffer.read())]
            left = int(sys.argv[2]); block = b' ' * (1 << 20)
            while left > 0:
                out.append(c.compress(block[:min(left, len(block))])); left -= len(block)
            out.append(c.compress(sys.argv[3].encode())); out.append(c.flush())
            sys.stdout.buffer.write(b''.join(out))
            """
        let result = try Program("/usr/bin/python3", ["-c", script, "", String(zeros), suffix], input: Data(prefix.utf8)).runChecked()
        return Array(result.standardOutput)
    }
}
