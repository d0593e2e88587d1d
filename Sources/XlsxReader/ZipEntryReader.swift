internal import CZlibStream

extension ZipArchive {
    /// Hands `consume` the inflated bytes of `entry`, chunk by chunk, refusing it (naming `part`)
    /// when it is encrypted, a symlink, claims more than the file holds, inflates to more than
    /// `limit` bytes or than its header says, ends early, or fails its CRC. Memory stays at two
    /// 64 KiB buffers whatever the entry claims: the limit is checked while inflating, so a header
    /// that lies about the size changes nothing.
    func inflate(_ entry: Entry, part: String, limit: Int, _ consume: (UnsafeRawBufferPointer) throws -> Void) throws {
        if entry.isEncrypted {
            throw XlsxReadError("its part \(part) is encrypted; open the workbook in Excel, remove its password (File > Info > Protect Workbook) and save it again")
        }
        if entry.isSymlink { throw XlsxReadError("its part \(part) is a symbolic link, which no workbook holds") }
        guard entry.method == 0 || entry.method == 8 else {
            throw XlsxReadError("its part \(part) is compressed with ZIP method \(entry.method); Excel writes only deflate (8) or stored (0) parts: save the workbook again from Excel")
        }
        let start = try dataStart(of: entry, part: part)
        guard start <= directoryOffset, entry.compressedSize <= directoryOffset - start else {
            throw XlsxReadError("its part \(part) claims \(entry.compressedSize) compressed bytes, more than the file holds (damaged or cut short?)")
        }
        guard entry.uncompressedSize <= UInt64(limit) else { throw Self.tooLarge(part, limit: limit) }
        // Never more than the header says: the header is what the limit was checked against.
        let expected = Int(entry.uncompressedSize)
        var checksum = UInt32(0)
        var total = 0
        func take(_ bytes: UnsafeRawBufferPointer) throws {
            guard bytes.count <= expected - total else {
                throw XlsxReadError("its part \(part) is damaged: it inflates to more than the \(expected) bytes its ZIP header gives")
            }
            total += bytes.count
            checksum = UInt32(crc32(uLong(checksum), bytes.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(bytes.count)))
            try consume(bytes)
        }
        if entry.method == 0 {
            guard entry.compressedSize == entry.uncompressedSize else {
                throw XlsxReadError("its part \(part) is damaged: stored with \(entry.compressedSize) bytes but said to hold \(entry.uncompressedSize)")
            }
            try chunks(from: start, count: entry.compressedSize) { chunk in try chunk.withUnsafeBytes(take) }
        } else {
            try inflateDeflate(from: start, count: entry.compressedSize, part: part, take)
        }
        guard total == expected else {
            throw XlsxReadError("its part \(part) is cut short: it inflates to \(total) of the \(expected) bytes its ZIP header gives")
        }
        guard checksum == entry.crc32 else { throw XlsxReadError("its part \(part) is damaged: its CRC-32 does not match") }
    }

    static func tooLarge(_ part: String, limit: Int) -> XlsxReadError {
        XlsxReadError("its part \(part) inflates to more than \(limit.formattedBytes), the most this reader takes from one part of a workbook")
    }

    /// Where the entry's data starts: after its local header, whose own name and extra field
    /// lengths may differ from the central directory's.
    private func dataStart(of entry: Entry, part: String) throws(XlsxReadError) -> UInt64 {
        guard entry.localHeaderOffset <= directoryOffset, directoryOffset - entry.localHeaderOffset >= 30 else {
            throw XlsxReadError("its part \(part) is said to start outside the file (damaged or cut short?)")
        }
        let header = try read(30, at: entry.localHeaderOffset)
        guard header.uint32(at: 0) == 0x0403_4B50 else { throw XlsxReadError("its part \(part) is damaged: no local header where the directory says") }
        return entry.localHeaderOffset + 30 + UInt64(header.uint16(at: 26)) + UInt64(header.uint16(at: 28))
    }

    private func chunks(from start: UInt64, count: UInt64, _ body: ([UInt8]) throws -> Void) throws {
        var offset = start, left = count
        while left > 0 {
            let size = Int(min(left, 1 << 16))
            try body(try read(size, at: offset))
            offset += UInt64(size)
            left -= UInt64(size)
        }
    }

    /// Raw deflate fed only the entry's own bytes: a stream that wants more than the entry holds
    /// is cut short, never read on into the rest of the file.
    private func inflateDeflate(from start: UInt64, count: UInt64, part: String, _ take: (UnsafeRawBufferPointer) throws -> Void) throws {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw XlsxReadError("its part \(part) cannot be inflated: zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: 1 << 16)
        var ended = false
        try chunks(from: start, count: count) { input in
            guard !ended else { return }
            var input = input
            try input.withUnsafeMutableBufferPointer { source in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                // Each turn either takes input or gives output (zlib's Z_OK), and output is bounded
                // by `take`, so the loop ends.
                repeat {
                    let (status, produced) = output.withUnsafeMutableBufferPointer { out in
                        stream.next_out = out.baseAddress
                        stream.avail_out = uInt(out.count)
                        let status = CZlibStream.inflate(&stream, Z_NO_FLUSH)
                        return (status, out.count - Int(stream.avail_out))
                    }
                    if produced > 0 { try output.withUnsafeBytes { try take(UnsafeRawBufferPointer(rebasing: $0[..<produced])) } }
                    if status == Z_STREAM_END { ended = true; return }
                    if status == Z_BUF_ERROR { return }
                    guard status == Z_OK else {
                        let reason = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                        throw XlsxReadError("its part \(part) is damaged: \(reason)")
                    }
                } while stream.avail_in > 0 || stream.avail_out == 0
            }
        }
        guard ended else { throw XlsxReadError("its part \(part) is cut short: its compressed data ends before the end of its deflate stream") }
    }
}

extension Int {
    /// `256 MB`, `1 MiB`-style sizes for messages: in MB when whole, else in bytes.
    var formattedBytes: String {
        self >= 1 << 20 && self % (1 << 20) == 0 ? "\(self >> 20) MiB" : "\(self) bytes"
    }
}
