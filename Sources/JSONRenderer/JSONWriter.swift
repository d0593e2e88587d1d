import FileSafety

/// Writes JSON text to a file through a buffer, so a million records never sit in memory as one
/// string. The file is atomic: it appears at `path` only when `close()` succeeds, and a failure
/// keeps the system's reason ("File too large").
struct JSONWriter: ~Copyable {
    private var file: AtomicFile
    private var buffer: [UInt8] = []
    private static let flushAt = 1 << 20

    init(path: String) throws(JSONReportError) {
        do {
            file = try AtomicFile(replacing: path)
        } catch {
            throw .cannotCreate(path: path, reason: error.reason)
        }
        buffer.reserveCapacity(Self.flushAt + 4096)
    }

    mutating func raw(_ text: String) throws(JSONReportError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.flushAt { try flush() }
    }

    /// A JSON string: quotes, backslashes and every control character escaped. Text stays text:
    /// a value such as `=SUM(A1)` is just a string to any JSON reader.
    mutating func string(_ text: String) throws(JSONReportError) {
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
    mutating func number(_ value: Double) throws(JSONReportError) {
        try raw(value.isFinite ? "\(value)" : "null")
    }

    mutating func flush() throws(JSONReportError) {
        do {
            try file.write(buffer)
        } catch {
            throw .writeFailed(path: file.path, reason: error.reason)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs and moves the file into place; a failure at any step is thrown with the
    /// system's reason, and leaves whatever was at `path` before.
    consuming func close() throws(JSONReportError) {
        try flush()
        do {
            try file.commit()
        } catch {
            throw .writeFailed(path: file.path, reason: error.reason)
        }
    }
}
