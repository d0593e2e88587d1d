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
        return String(decoding: utf8.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}
