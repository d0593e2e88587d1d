/// Turns field bytes into text: UTF-8, or Windows-1252 once the file has proved not to be UTF-8.
enum TextDecoding {
    case utf8
    case windows1252

    /// Thrown while reading as UTF-8 when a field is not valid UTF-8: the reader starts again as Windows-1252.
    struct NotUTF8: Error {}

    func string(_ bytes: UnsafeBufferPointer<UInt8>) throws -> String {
        switch self {
        case .utf8:
            // Nearly every field is ASCII, which `String(decoding:)` takes on its fast path; the
            // validating initialiser is generic and costs a tenth of all reading time.
            if Self.isASCII(bytes) { return String(decoding: bytes, as: UTF8.self) }
            guard let s = String(validating: bytes, as: UTF8.self) else { throw NotUTF8() }
            return s
        case .windows1252:
            var scalars = String.UnicodeScalarView()
            scalars.reserveCapacity(bytes.count)
            for b in bytes {
                if (0x80...0x9F).contains(b), let mapped = Self.cp1252High[Int(b - 0x80)] {
                    scalars.append(mapped)
                } else {
                    scalars.append(Unicode.Scalar(b))
                }
            }
            return String(scalars)
        }
    }

    /// Eight bytes at a time: whether any byte has its high bit set.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var i = 0, high: UInt64 = 0
        while i + 8 <= bytes.count {
            high |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            i += 8
        }
        while i < bytes.count {
            high |= UInt64(bytes[i])
            i += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    /// Windows-1252 differs from Latin-1 only in 0x80...0x9F (five of which are unassigned).
    private static let cp1252High: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]
}
