extension String {
    /// Lower case for matching answers. ASCII, which nearly every answer is, is folded byte by
    /// byte: `lowercased()` costs a Unicode look-up per character, for every cell of every row.
    var foldedCase: String {
        var ascii = true
        var hasUpper = false
        for byte in utf8 {
            if byte >= 0x80 { ascii = false; break }
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { hasUpper = true }
        }
        guard ascii else { return lowercased() }
        guard hasUpper else { return self }
        return String(asciiLowercasing: utf8)
    }

    /// ASCII bytes with A to Z lowered, built in place without an intermediate array.
    init(asciiLowercasing bytes: some Collection<UInt8>) {
        self.init(unsafeUninitializedCapacity: bytes.count) { out in
            for (i, b) in bytes.enumerated() { out[i] = b.asciiLowercased }
            return bytes.count
        }
    }
}

extension UInt8 {
    /// A to Z lowered; every other byte as it is.
    var asciiLowercased: UInt8 { self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z") ? self | 0x20 : self }
}
