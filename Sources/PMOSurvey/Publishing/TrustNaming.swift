/// Decides how a trust appears in an output (contract section 6): by name only where it
/// consented or the output is its own, otherwise as a stable peer code.
public struct TrustNaming: Sendable {
    /// Who will see the output.
    public enum Audience: Sendable, Hashable {
        /// Board report and workbook shared with trusts.
        case shared
        /// Names every trust; only by explicit option.
        case internalUse
        /// The benchmark pack of the trust with this `trustKey`.
        case pack(trustKey: String)
    }

    public private(set) var audience: Audience
    private let peerNumbers: [String: Int]
    private let peerCodeWidth: Int
    private let consented: Set<String>

    /// Peer codes are numbered in the order of a keyed hash of each trust's identity, so the
    /// numbering says nothing about names, codes or lines, and the same secret gives the same codes.
    public init(responses: [Response], secret: String, audience: Audience) {
        self.audience = audience
        var latestConsent: [String: Bool] = [:]
        latestConsent.reserveCapacity(responses.count)
        for r in responses { latestConsent[r.trustKey] = r.shareConsent }
        consented = Set(latestConsent.filter(\.value).keys)
        // Hash each trust once, then sort on the digest's first 64 bits (the same order as its
        // hex text, without making a string of every digest).
        let keys = latestConsent.keys.map { (SHA256.leadingWord(secret + "\u{1F}" + $0), $0) }.sorted { $0 < $1 }
        peerNumbers = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1.1, $0 + 1) })
        peerCodeWidth = max(3, String(keys.count).count)
    }

    /// The same peer codes for another audience. Numbering hashes every trust, so the packs made
    /// for each trust share one numbering instead of repeating it.
    public func with(audience: Audience) -> TrustNaming {
        var copy = self
        copy.audience = audience
        return copy
    }

    /// Whether this output may show the trust's name, code and free text.
    public func isNamed(_ r: Response) -> Bool {
        switch audience {
        case .internalUse: true
        case .shared: consented.contains(r.trustKey)
        case .pack(let own): r.trustKey == own || consented.contains(r.trustKey)
        }
    }

    /// The trust's place in the peer-code order (1-based); 0 for a trust the naming has not seen.
    public func peerNumber(_ r: Response) -> Int { peerNumbers[r.trustKey] ?? 0 }

    /// `Peer 007`: zero-padded to the width of the largest number, so codes sort as text too.
    public func peerCode(_ r: Response) -> String {
        let number = String(peerNumber(r))
        return "Peer " + String(repeating: "0", count: max(0, peerCodeWidth - number.count)) + number
    }

    /// How one response's trust appears, decided once for all of its fields. Free text
    /// (`comments`, `pmo_name`) only where the trust may be named: free text often names its author.
    public struct Shown: Sendable {
        public let name: String
        public let code: String?
        public let pmoName: String?
        public let comments: String?
    }

    public func shown(_ r: Response) -> Shown {
        isNamed(r)
            ? Shown(name: r.trustName, code: r.trustCode, pmoName: r.pmoName, comments: r.comments)
            : Shown(name: peerCode(r), code: nil, pmoName: nil, comments: nil)
    }

    /// The trust's name, or its peer code.
    public func name(_ r: Response) -> String { isNamed(r) ? r.trustName : peerCode(r) }
    /// The ODS code where the trust may be named.
    public func code(_ r: Response) -> String? { isNamed(r) ? r.trustCode : nil }
}
