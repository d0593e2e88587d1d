import OpenSSLDigest
import Hashing
import Testing

/// The OpenSSL hasher must give exactly the core's digests: peer codes and file fingerprints may
/// come from either.
@Suite struct OpenSSLSHA256Tests {
    @Test func knownDigests() {
        #expect(OpenSSLSHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(OpenSSLSHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func streamedInPiecesMatchesTheCore() {
        let bytes = (0..<100_003).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 7) }
        var core = SHA256()
        var fast = OpenSSLSHA256()
        for size in [1, 63, 64, 65, 1000, 4096, 33_333] {
            let start = bytes.count * size % 50_000
            bytes[start..<min(bytes.count, start + size)].withUnsafeBytes {
                core.update($0)
                fast.update($0)
            }
        }
        #expect(fast.finalizeHex() == core.finalizeHex())
        // Both start over after a digest.
        #expect(fast.finalizeHex() == SHA256.hex(""))
    }

    @Test func leadingWordsMatchTheCore() {
        let texts = ["", "a", "secret\u{1F}code:RXX", String(repeating: "é", count: 40), "name:saint mary's"]
        let words = OpenSSLSHA256.leadingWords(texts)
        #expect(words == SHA256.leadingWords(texts))
        #expect(words[0] == 0xe3b0c44298fc1c14)
        // A prefix is hashed as if joined to every text.
        let prefix = "secret\u{1F}"
        let joined = SHA256.leadingWords(texts.map { prefix + $0 })
        #expect(OpenSSLSHA256.leadingWords(texts, after: prefix) == joined)
        #expect(SHA256.leadingWords(texts, after: prefix) == joined)
        #expect(joined[0] != words[0])
    }

    @Test func aCopyHashesOnItsOwn() {
        var first = OpenSSLSHA256()
        first.update(Array("ab".utf8))
        var second = first
        second.update(Array("c".utf8))
        first.update(Array("x".utf8))
        #expect(second.finalizeHex() == SHA256.hex("abc"))
        #expect(first.finalizeHex() == SHA256.hex("abx"))
    }
}
