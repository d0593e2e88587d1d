import Foundation

/// Writes JSON text to a file through a buffer, so a million records never sit in memory as one
/// string. Plain write(2), so that a failure keeps the system's reason ("File too large").
struct JSONWriter: ~Copyable {
    private let path: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private static let flushAt = 1 << 20

    init(path: String) throws {
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw JSONReportError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        self.path = path
        buffer.reserveCapacity(Self.flushAt + 4096)
    }

    deinit {
        if descriptor >= 0 { _ = Glibc.close(descriptor) }
    }

    mutating func raw(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.flushAt { try flush() }
    }

    /// A JSON string: quotes, backslashes and every control character escaped. Text stays text:
    /// a value such as `=SUM(A1)` is just a string to any JSON reader.
    mutating func string(_ text: String) throws {
        Self.appendQuoted(text, to: &buffer)
        if buffer.count >= Self.flushAt { try flush() }
    }

    private static func appendQuoted(_ text: String, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\""))
        // Most values need no escape: copy them whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            buffer.append(contentsOf: text.utf8)
            buffer.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): buffer.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): buffer.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: buffer.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: buffer.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: buffer.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20, 0x7F:
                let hex = Array("0123456789abcdef".utf8)
                buffer.append(contentsOf: Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: buffer.append(byte)
            }
        }
        buffer.append(UInt8(ascii: "\""))
    }

    /// `text` as a JSON string literal, for keys written many times.
    static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendQuoted(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Finite numbers only: JSON has no NaN or infinity, so those become null.
    mutating func number(_ value: Double) throws {
        try raw(value.isFinite ? "\(value)" : "null")
    }

    mutating func flush() throws {
        try buffer.withUnsafeBytes { bytes in
            var written = 0
            while written < bytes.count {
                let result = write(descriptor, bytes.baseAddress! + written, bytes.count - written)
                if result < 0 && errno == EINTR { continue }
                guard result > 0 else { throw JSONReportError.writeFailed(path: path, reason: String(cString: strerror(result < 0 ? errno : ENOSPC))) }
                written += result
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs and closes; a failure at any step is thrown with the system's reason.
    consuming func close() throws {
        try flush()
        let synced = fsync(descriptor) == 0 ? 0 : errno
        let closed = Glibc.close(descriptor) == 0 ? 0 : errno
        descriptor = -1
        if let failure = [synced, closed].first(where: { $0 != 0 }) {
            throw JSONReportError.writeFailed(path: path, reason: String(cString: strerror(failure)))
        }
    }
}
