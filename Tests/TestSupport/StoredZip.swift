import Foundation

/// A ZIP of stored (uncompressed) entries, enough for an .xlsx written as a survey tool writes
/// one, for tests that need a workbook no library of ours made.
public struct StoredZip {
    public var entries: [(name: String, text: String)]

    public init(entries: [(name: String, text: String)]) {
        self.entries = entries
    }

    public func write(_ path: String) throws {
        var out: [UInt8] = [], directory: [UInt8] = []
        for (name, text) in entries {
            let data = Array(text.utf8), nameBytes = Array(name.utf8), crc = Self.crc32(data)
            let offset = out.count
            out += le(0x0403_4B50, 4) + le(20, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(UInt64(crc), 4)
                + le(UInt64(data.count), 4) + le(UInt64(data.count), 4) + le(UInt64(nameBytes.count), 2) + le(0, 2) + nameBytes + data
            directory += le(0x0201_4B50, 4) + le(20, 2) + le(20, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(UInt64(crc), 4)
                + le(UInt64(data.count), 4) + le(UInt64(data.count), 4) + le(UInt64(nameBytes.count), 2) + le(0, 2) + le(0, 2)
                + le(0, 2) + le(0, 2) + le(0, 4) + le(UInt64(offset), 4) + nameBytes
        }
        let directoryOffset = out.count
        out += directory
        out += le(0x0605_4B50, 4) + le(0, 2) + le(0, 2) + le(UInt64(entries.count), 2) + le(UInt64(entries.count), 2)
            + le(UInt64(directory.count), 4) + le(UInt64(directoryOffset), 4) + le(0, 2)
        try Data(out).write(to: URL(fileURLWithPath: path))
    }

    private func le(_ value: UInt64, _ count: Int) -> [UInt8] { ZipBytes.littleEndian(value, count) }

    static func crc32(_ bytes: [UInt8]) -> UInt32 { ZipBytes.crc32(bytes) }
}
