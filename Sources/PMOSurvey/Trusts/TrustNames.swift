import Foundation

/// How trust names are compared and shown (`trust-identity.md` sections 3 and 4). Names are
/// compared only after this normalisation, never by similarity: a wrong link would merge two
/// trusts' answers and show one trust's answers in another's pack.
public enum TrustNames {
    /// Endings that say what kind of body a trust is, not which one: "Leeds Teaching Hospitals
    /// NHS Trust" and "Leeds Teaching Hospitals" are the same trust. One is dropped, longest first.
    static let kindEndings = ["nhs foundation trust", "nhs trust", "foundation trust", "nhs ft", "ft"]

    /// The name as compared: Unicode NFKC; case ignored; curly quotes read as straight; `&` read as
    /// `and`; every character other than a letter, digit or apostrophe read as a space; runs of
    /// space folded; a leading `the` dropped; one trailing `NHS Foundation Trust`, `NHS Trust`,
    /// `Foundation Trust`, `NHS FT` or `FT` dropped. A name that is only such words stays as it is.
    public static func normalised(_ name: String) -> String {
        var buffer: [UInt8] = []
        // ASCII, which nearly every name is, is its own NFKC form and is folded byte by byte.
        if normalisedASCII(name, into: &buffer) { return String(decoding: buffer, as: UTF8.self) }
        let folded = name.precomposedStringWithCompatibilityMapping.lowercased()
        var words: [String] = [], word = ""
        func endWord() {
            if !word.isEmpty { words.append(word) }
            word = ""
        }
        for scalar in folded.unicodeScalars {
            switch scalar {
            case "'", "\u{2018}", "\u{2019}", "\u{201B}", "\u{02BC}", "\u{2032}", "`":
                word.append("'")
            case "&":
                endWord()
                words.append("and")
            default:
                if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    word.unicodeScalars.append(scalar)
                } else {
                    endWord()
                }
            }
        }
        endWord()
        return joined(words)
    }

    private static let the = Array("the ".utf8)
    private static let kindEndingBytes = kindEndings.map { Array((" " + $0).utf8) }

    /// `normalised` of an ASCII name, into `out` (reused, so a million names cost no allocation);
    /// false, with `out` undefined, when the name is not ASCII.
    static func normalisedASCII(_ name: String, into out: inout [UInt8]) -> Bool {
        out.removeAll(keepingCapacity: true)
        var space = false
        func append(_ byte: UInt8) {
            if space && !out.isEmpty { out.append(0x20) }
            space = false
            out.append(byte)
        }
        for byte in name.utf8 {
            switch byte {
            case 0x80...: return false
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "'"): append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): append(byte | 0x20)
            case UInt8(ascii: "`"): append(UInt8(ascii: "'"))
            case UInt8(ascii: "&"):
                space = true
                append(UInt8(ascii: "a"))
                out.append(UInt8(ascii: "n"))
                out.append(UInt8(ascii: "d"))
                space = true
            default: space = true
            }
        }
        if out.count > the.count, out.starts(with: the) { out.removeFirst(the.count) }
        for ending in kindEndingBytes where out.count > ending.count && out.suffix(ending.count).elementsEqual(ending) {
            out.removeLast(ending.count)
            break
        }
        return true
    }

    /// The fingerprint of the first word of `normalised(name)`, read from the first bytes only;
    /// nil when they do not tell (a character that is not ASCII next to it). Two names can only be
    /// equal when normalised if their first words are, so most names are ruled out by this alone.
    static func firstWordFingerprint(_ name: String) -> UInt64? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325, length = 0, isThe = false
        var utf8 = name.utf8.makeIterator()
        while let byte = utf8.next() {
            var b = byte
            switch b {
            case 0x80...: return nil
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): b |= 0x20
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "'"): break
            case UInt8(ascii: "`"): b = UInt8(ascii: "'")
            case UInt8(ascii: "&"):
                // `&` is the word `and`, a whole word of its own (after a leading `the`, the first).
                if length > 0, !(length == 3 && hash == Self.theFingerprint && !isThe) { return hash }
                return fingerprint("and".utf8)
            default:
                guard length > 0 else { continue }
                if length == 3 && hash == Self.theFingerprint && !isThe {
                    // A leading `the` is dropped when another word follows it.
                    isThe = true
                    (hash, length) = (0xcbf2_9ce4_8422_2325, 0)
                    continue
                }
                return hash
            }
            hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3
            length += 1
        }
        return isThe && length == 0 ? Self.theFingerprint : length > 0 ? hash : nil
    }

    private static let theFingerprint = fingerprint("the".utf8)

    /// The first word of a normalised name, as `firstWordFingerprint` reads it.
    static func firstWord(ofNormalised name: String) -> Substring {
        name.split(separator: " ", maxSplits: 1).first ?? ""
    }

    /// FNV-1a of normalised bytes: a look-up that needs no String, to tell at once that a name
    /// matches no trust in the directory.
    static func fingerprint(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// The words as one text, without a leading `the` and one ending that says what kind of trust it is.
    private static func joined(_ given: [String]) -> String {
        var words = given
        if words.count > 1, words[0] == "the" { words.removeFirst() }
        var text = words.joined(separator: " ")
        for ending in kindEndings where text.hasSuffix(" " + ending) {
            text.removeLast(ending.count + 1)
            break
        }
        return text
    }

    /// Words written in lower case inside a name (never as its first word).
    static let minorWords: Set<String> = ["and", "of", "the", "for", "upon", "on"]

    /// A register name (upper case) as people write it: `GUY'S AND ST THOMAS' NHS FOUNDATION
    /// TRUST` is `Guy's and St Thomas' NHS Foundation Trust`. `NHS` upper case; `and`, `of`,
    /// `the`, `for`, `upon`, `on` lower case inside the name; an initial capital after a space, a
    /// hyphen or `(`, and nowhere else (so not after an apostrophe: `King's Lynn`).
    public static func mixedCase(_ registerName: String) -> String {
        var result = "", word = "", wordIndex = 0
        func flush() {
            guard !word.isEmpty else { return }
            let letters = word.filter { $0.isLetter }
            if letters == "nhs" {
                result += word.uppercased()
            } else if wordIndex > 0, minorWords.contains(letters), letters.count == word.count {
                result += word
            } else {
                result += word.prefix(1).uppercased() + word.dropFirst()
            }
            wordIndex += 1
            word = ""
        }
        for character in registerName.lowercased() {
            if character == " " || character == "-" || character == "(" || character == ")" || character == "/" {
                flush()
                result.append(character)
            } else {
                word.append(character)
            }
        }
        flush()
        return result
    }

    /// The letters of a name's initials, as respondents abbreviate it: `LTHT` for Leeds Teaching
    /// Hospitals NHS Trust. Used only to suggest candidates, never to link.
    static func initials(_ normalisedName: String) -> String {
        String(normalisedName.split(separator: " ").compactMap(\.first))
    }
}
