import Foundation

/// The process's file-size limit (`ulimit -f`, as cron and batch systems may set), which applies
/// to libxlsxwriter's temporary part files as to any other.
///
/// libxlsxwriter writes each part of a workbook to a temporary file without checking the writes,
/// then zips the file as it finds it: a part that reaches the limit is cut short there, and the
/// workbook, smaller once zipped, is written without an error but does not open. A part is never
/// cut short below the limit, so `close()` refuses a workbook with a part at least that large.
enum FileSizeLimit {
    /// The limit in bytes; nil when there is none.
    static var bytes: UInt64? {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else { return nil }
        return UInt64(limit.rlim_cur)
    }

    /// The uncompressed size of the largest entry of the ZIP file at `path`, read from its central
    /// directory (ZIP64 included, as libxlsxwriter writes it with `use_zip64`).
    static func largestEntry(inZipAt path: String) -> UInt64? {
        guard let zip = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else { return nil }
        return zip.withUnsafeBytes { ZipDirectory(bytes: $0)?.largestEntry }
    }
}

/// The parts of a ZIP file's central directory that give each entry's uncompressed size.
private struct ZipDirectory {
    let bytes: UnsafeRawBufferPointer
    let offset: Int
    let count: Int

    init?(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        // The end-of-directory record is the last 22 bytes before a comment of at most 65,535.
        let earliest = max(0, bytes.count - 22 - 65_535)
        guard bytes.count >= 22,
              let end = stride(from: bytes.count - 22, through: earliest, by: -1)
                .first(where: { Self.read32(bytes, $0) == 0x0605_4B50 }) else { return nil }
        var offset = Int(Self.read32(bytes, end + 16)), count = Int(Self.read16(bytes, end + 10))
        // ZIP64: the locator just before the record points at the ZIP64 end record.
        if end >= 20, Self.read32(bytes, end - 20) == 0x0706_4B50 {
            let record = Int(Self.read64(bytes, end - 12))
            guard record + 56 <= bytes.count, Self.read32(bytes, record) == 0x0606_4B50 else { return nil }
            count = Int(Self.read64(bytes, record + 32))
            offset = Int(Self.read64(bytes, record + 48))
        }
        self.offset = offset
        self.count = count
    }

    var largestEntry: UInt64? {
        var position = offset, largest: UInt64 = 0
        for _ in 0..<count {
            guard position + 46 <= bytes.count, Self.read32(bytes, position) == 0x0201_4B50 else { return nil }
            var size = UInt64(Self.read32(bytes, position + 24))
            let nameLength = Int(Self.read16(bytes, position + 28)), extraLength = Int(Self.read16(bytes, position + 30))
            let commentLength = Int(Self.read16(bytes, position + 32))
            let extra = position + 46 + nameLength
            guard extra + extraLength + commentLength <= bytes.count else { return nil }
            if size == 0xFFFF_FFFF {
                // The ZIP64 extra field (0x0001) starts with the uncompressed size.
                var field = extra
                while field + 4 <= extra + extraLength {
                    let id = Self.read16(bytes, field), length = Int(Self.read16(bytes, field + 2))
                    if id == 0x0001, length >= 8, field + 12 <= bytes.count { size = Self.read64(bytes, field + 4) }
                    field += 4 + length
                }
            }
            largest = max(largest, size)
            position = extra + extraLength + commentLength
        }
        return largest
    }

    private static func read16(_ bytes: UnsafeRawBufferPointer, _ at: Int) -> UInt16 {
        UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    private static func read32(_ bytes: UnsafeRawBufferPointer, _ at: Int) -> UInt32 {
        UInt32(read16(bytes, at)) | UInt32(read16(bytes, at + 2)) << 16
    }

    private static func read64(_ bytes: UnsafeRawBufferPointer, _ at: Int) -> UInt64 {
        UInt64(read32(bytes, at)) | UInt64(read32(bytes, at + 4)) << 32
    }
}
