#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The ZIP container of an .xlsx, read from its central directory with every count, size and
/// offset checked against the file's real size before anything is read or allocated.
///
/// Why not ZIPFoundation (0.9.20) here: on Linux its inflate loop ignores an entry's compressed
/// size and spins for ever at the end of a file whose deflate stream never ends; it allocates a
/// symlink entry's claimed size; it reads a ZIP64 offset of 0 as "absent"; and its entry iterator
/// stops silently at the first damaged entry. This reader refuses each of those saying what is
/// wrong, and `ZipEntryReader` inflates with zlib bounded by what the file holds.
final class ZipArchive {
    struct Entry {
        var name: String
        var method: UInt16
        var flags: UInt16
        var crc32: UInt32
        var compressedSize: UInt64
        var uncompressedSize: UInt64
        var localHeaderOffset: UInt64
        /// A Unix symbolic link (its data is a path): a workbook never holds one.
        var isSymlink: Bool

        /// General purpose flag bit 0: the entry is encrypted (ZIP 2.0 or AES).
        var isEncrypted: Bool { flags & 1 != 0 }
    }

    /// Entries by name; the first wins when a name is given twice.
    let entries: [String: Entry]
    /// The file's size, as it is on disk, not as any header claims.
    let size: UInt64
    /// Where the central directory starts: no entry's data may reach into it.
    let directoryOffset: UInt64
    private let descriptor: Int32

    /// The central directory is a list of names and sizes: 64 MiB holds hundreds of thousands of
    /// entries, far more than any workbook.
    static let maxDirectoryBytes: UInt64 = 64 << 20

    init(path: String) throws(XlsxReadError) {
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw XlsxReadError("it cannot be opened: \(String(cString: strerror(errno)))") }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            close(descriptor)
            throw XlsxReadError("it cannot be read: \(String(cString: strerror(errno)))")
        }
        size = UInt64(info.st_size)
        do {
            let directory = try Self.findDirectory(descriptor: descriptor, size: size)
            directoryOffset = directory.offset
            entries = try Self.readEntries(descriptor: descriptor, directory: directory)
        } catch {
            close(descriptor)
            throw error
        }
    }

    deinit { close(descriptor) }

    subscript(name: String) -> Entry? { entries[name] }

    /// Reads exactly `count` bytes at `offset`, which the caller has checked lie inside the file.
    func read(_ count: Int, at offset: UInt64) throws(XlsxReadError) -> [UInt8] {
        try Self.read(descriptor, count, at: offset)
    }

    // MARK: - The central directory

    private struct Directory {
        var offset: UInt64
        var size: UInt64
        var entryCount: UInt64
    }

    private static func cutShort(_ detail: String) -> XlsxReadError {
        XlsxReadError("it is a ZIP archive that cannot be read (damaged or cut short?): \(detail)")
    }

    /// The end-of-central-directory record (and its ZIP64 form), searched for in the last 64 KiB,
    /// where a ZIP comment may push it.
    private static func findDirectory(descriptor: Int32, size: UInt64) throws(XlsxReadError) -> Directory {
        let tailCount = Int(min(size, 22 + 0xFFFF))
        let tailStart = size - UInt64(tailCount)
        let tail = try read(descriptor, tailCount, at: tailStart)
        var found: Int?
        var i = tail.count - 22
        while i >= 0 {
            if tail.uint32(at: i) == 0x0605_4B50, i + 22 + Int(tail.uint16(at: i + 20)) <= tail.count {
                found = i
                break
            }
            i -= 1
        }
        guard let end = found else { throw cutShort("it has no end-of-central-directory record") }
        let endOffset = tailStart + UInt64(end)
        guard tail.uint16(at: end + 4) == 0, tail.uint16(at: end + 6) == 0 else {
            throw XlsxReadError("it is one part of a ZIP archive split across several files; a workbook is one file")
        }
        var directory = Directory(offset: UInt64(tail.uint32(at: end + 16)), size: UInt64(tail.uint32(at: end + 12)),
                                  entryCount: UInt64(tail.uint16(at: end + 10)))
        var directoryEnd = endOffset
        // ZIP64: a locator just before the record points at the ZIP64 end-of-central-directory record.
        if endOffset >= 20 {
            let locator = try read(descriptor, 20, at: endOffset - 20)
            if locator.uint32(at: 0) == 0x0706_4B50 {
                let zip64Offset = locator.uint64(at: 8)
                guard zip64Offset <= endOffset - 20, endOffset - 20 - zip64Offset >= 56 else {
                    throw cutShort("its ZIP64 end-of-central-directory locator points outside the file")
                }
                let record = try read(descriptor, 56, at: zip64Offset)
                guard record.uint32(at: 0) == 0x0606_4B50 else {
                    throw cutShort("its ZIP64 end-of-central-directory record is missing")
                }
                directory = Directory(offset: record.uint64(at: 48), size: record.uint64(at: 40), entryCount: record.uint64(at: 32))
                directoryEnd = zip64Offset
            }
        }
        guard directory.offset <= directoryEnd, directory.size <= directoryEnd - directory.offset else {
            throw cutShort("its central directory claims \(directory.size) bytes at offset \(directory.offset), but the file holds \(size) bytes")
        }
        guard directory.size <= maxDirectoryBytes else {
            throw XlsxReadError("its ZIP central directory is \(directory.size) bytes, more than the limit of \(maxDirectoryBytes >> 20) MiB; no workbook has one so large")
        }
        // Each entry takes at least 46 bytes: a count beyond that is a lie, not a reason to allocate.
        guard directory.entryCount <= directory.size / 46 else {
            throw cutShort("its central directory claims \(directory.entryCount) entries but has room for \(directory.size / 46)")
        }
        return directory
    }

    private static func readEntries(descriptor: Int32, directory: Directory) throws(XlsxReadError) -> [String: Entry] {
        let bytes = try read(descriptor, Int(directory.size), at: directory.offset)
        var entries: [String: Entry] = [:]
        var p = 0, number: UInt64 = 0
        while number < directory.entryCount {
            number += 1
            guard p + 46 <= bytes.count, bytes.uint32(at: p) == 0x0201_4B50 else {
                throw cutShort("its central directory is damaged at entry \(number) of \(directory.entryCount)")
            }
            let nameLength = Int(bytes.uint16(at: p + 28)), extraLength = Int(bytes.uint16(at: p + 30))
            let commentLength = Int(bytes.uint16(at: p + 32))
            let next = p + 46 + nameLength + extraLength + commentLength
            guard next <= bytes.count else {
                throw cutShort("its central directory is cut short at entry \(number) of \(directory.entryCount)")
            }
            let name = String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
            var entry = Entry(
                name: name, method: bytes.uint16(at: p + 10), flags: bytes.uint16(at: p + 8), crc32: bytes.uint32(at: p + 16),
                compressedSize: UInt64(bytes.uint32(at: p + 20)), uncompressedSize: UInt64(bytes.uint32(at: p + 24)),
                localHeaderOffset: UInt64(bytes.uint32(at: p + 42)),
                isSymlink: bytes.uint16(at: p + 4) >> 8 == 3 && (bytes.uint32(at: p + 38) >> 16) & 0o170000 == 0o120000)
            try readZIP64(Array(bytes[(p + 46 + nameLength)..<(p + 46 + nameLength + extraLength)]), into: &entry)
            if entries[name] == nil { entries[name] = entry }
            p = next
        }
        return entries
    }

    /// Sizes and offset too large for 32 bits are 0xFFFFFFFF in the directory and given in the
    /// ZIP64 extra field, in this order, only for those fields. An offset of 0 there is the first
    /// entry's, not "absent".
    private static func readZIP64(_ extra: [UInt8], into entry: inout Entry) throws(XlsxReadError) {
        let wanted = [entry.uncompressedSize, entry.compressedSize, entry.localHeaderOffset].map { $0 == 0xFFFF_FFFF }
        guard wanted.contains(true) else { return }
        var p = 0
        while p + 4 <= extra.count {
            let id = extra.uint16(at: p), length = Int(extra.uint16(at: p + 2))
            guard p + 4 + length <= extra.count else { break }
            if id == 0x0001 {
                var q = p + 4
                var values: [UInt64] = []
                for isWanted in wanted {
                    guard isWanted else { values.append(0); continue }
                    guard q + 8 <= p + 4 + length else {
                        throw cutShort("the ZIP64 sizes of its entry \(entry.name) are cut short")
                    }
                    values.append(extra.uint64(at: q))
                    q += 8
                }
                if wanted[0] { entry.uncompressedSize = values[0] }
                if wanted[1] { entry.compressedSize = values[1] }
                if wanted[2] { entry.localHeaderOffset = values[2] }
                return
            }
            p += 4 + length
        }
        throw cutShort("its entry \(entry.name) needs ZIP64 sizes, which are missing")
    }

    private static func read(_ descriptor: Int32, _ count: Int, at offset: UInt64) throws(XlsxReadError) -> [UInt8] {
        guard count > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, count - done, off_t(offset) + off_t(done)) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else {
                throw got == 0 ? cutShort("it ends before byte \(offset + UInt64(count))") : XlsxReadError("it cannot be read: \(String(cString: strerror(errno)))")
            }
            done += got
        }
        return bytes
    }
}

extension [UInt8] {
    /// Little-endian fields of ZIP headers.
    func uint16(at i: Int) -> UInt16 { UInt16(self[i]) | UInt16(self[i + 1]) << 8 }
    func uint32(at i: Int) -> UInt32 { UInt32(uint16(at: i)) | UInt32(uint16(at: i + 2)) << 16 }
    func uint64(at i: Int) -> UInt64 { UInt64(uint32(at: i)) | UInt64(uint32(at: i + 4)) << 32 }
}
