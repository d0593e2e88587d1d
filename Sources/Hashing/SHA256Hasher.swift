/// A SHA-256 implementation, as the reader fingerprints a survey file and peer codes are keyed.
///
/// The core carries its own in pure Swift (`SHA256`), so that it builds and fuzzes without C. The
/// pipeline passes one that uses the processor's SHA instructions: a national survey file is
/// hundreds of megabytes, and there it saves a second of every run. The protocol has a module of its
/// own so that the OpenSSL one conforms without depending on the survey model.
public protocol SHA256Hasher: Sendable {
    init()
    mutating func update(_ bytes: UnsafeRawBufferPointer)
    /// Writes the 32-byte digest into `digest` and starts over, so one hasher can hash many messages.
    mutating func finalize(into digest: UnsafeMutableRawBufferPointer)
}

extension SHA256Hasher {
    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        Array(bytes).withUnsafeBytes { update($0) }
    }

    /// The digest as 64 lower-case hex digits.
    public mutating func finalizeHex() -> String {
        let digits = Array("0123456789abcdef".utf8)
        return withUnsafeTemporaryAllocation(byteCount: 32, alignment: 8) { digest in
            finalize(into: digest)
            return String(unsafeUninitializedCapacity: 64) { out in
                for (i, byte) in digest.enumerated() {
                    out[2 * i] = digits[Int(byte >> 4)]
                    out[2 * i + 1] = digits[Int(byte & 0xF)]
                }
                return 64
            }
        }
    }

    public static func hex(_ text: String) -> String {
        var hasher = Self()
        hasher.update(Array(text.utf8))
        return hasher.finalizeHex()
    }

    /// The first 64 bits of the digest of `prefix` followed by each text, read big-endian (the
    /// order of the hex text), with one hasher for all of them: peer codes sort hundreds of
    /// thousands of trusts by it. The prefix is hashed from its own bytes each time rather than
    /// joined to every text: making half a million strings took longer than hashing them.
    public static func leadingWords(_ texts: [String], after prefix: String = "") -> [UInt64] {
        var hasher = Self()
        var prefix = prefix
        return prefix.withUTF8 { prefix in
            withUnsafeTemporaryAllocation(byteCount: 32, alignment: 8) { digest in
                texts.map { text in
                    hasher.update(UnsafeRawBufferPointer(prefix))
                    var text = text
                    text.withUTF8 { hasher.update(UnsafeRawBufferPointer($0)) }
                    hasher.finalize(into: digest)
                    return UInt64(bigEndian: digest.load(as: UInt64.self))
                }
            }
        }
    }
}
