import Foundation

/// File names for the trusts' packs: the trust's ODS code, else a slug of its name, built only
/// from ASCII letters, digits and hyphens, so that no trust name (`../../etc/x`, `CON`, `a/b`, a
/// 300-character name, emoji) can leave the packs folder, hide a file or trip Windows.
public enum PackFileNames {
    /// A slug never exceeds this many characters (a suffix for uniqueness may add a few).
    public static let maximumLength = 60

    /// Names Windows reserves whatever the extension, and `index`, so that no pack passes for an index.
    private static let reserved: Set<String> = Set(
        ["con", "prn", "aux", "nul", "index"] + (1...9).flatMap { ["com\($0)", "lpt\($0)"] })

    /// One distinct stem (no extension) per trust, in the order given. Names are compared ignoring
    /// case, as on macOS and Windows; a later trust whose stem is taken gets `-2`, `-3`, ...
    public static func assign(_ trusts: [Response]) -> [String] {
        var taken: Set<String> = [], stems: [String] = []
        for trust in trusts {
            let base = stem(for: trust)
            var candidate = base, n = 1
            while !taken.insert(candidate.lowercased()).inserted {
                n += 1
                candidate = "\(base)-\(n)"
            }
            stems.append(candidate)
        }
        return stems
    }

    /// The ODS code when it is one (3 to 5 ASCII letters or digits), else a slug of the name.
    public static func stem(for trust: Response) -> String {
        if let code = trust.trustCode, (3...5).contains(code.count), code.allSatisfy(\.isSafeASCIIAlphanumeric) {
            return guarded(code.uppercased())
        }
        return guarded(slug(trust.trustName))
    }

    /// Lower-case ASCII letters and digits, accents dropped (`Béthune` → `bethune`), every other
    /// run of characters one hyphen, no hyphen at either end; `trust` when nothing is left.
    public static func slug(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive],
                                  locale: Locale(identifier: "en_GB"))
        var out = "", pendingHyphen = false
        for ch in folded {
            if ch.isSafeASCIIAlphanumeric {
                if pendingHyphen, !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.append(Character(ch.lowercased()))
                if out.count >= maximumLength { break }
            } else {
                pendingHyphen = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "trust" : out
    }

    /// Reserved names get a suffix: `CON` becomes `CON-trust`.
    private static func guarded(_ stem: String) -> String {
        reserved.contains(stem.lowercased()) ? stem + "-trust" : stem
    }
}

extension Character {
    fileprivate var isSafeASCIIAlphanumeric: Bool {
        guard let ascii = asciiValue else { return false }
        return (0x30...0x39).contains(ascii) || (0x41...0x5A).contains(ascii) || (0x61...0x7A).contains(ascii)
    }
}
