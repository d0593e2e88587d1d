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
    private let peerCodes: [String: String]
    private let consented: Set<String>

    /// Peer codes are numbered in the order of a keyed hash of each trust's identity, so the
    /// numbering says nothing about names, codes or lines, and the same secret gives the same codes.
    public init(responses: [Response], secret: String, audience: Audience) {
        self.audience = audience
        var latestConsent: [String: Bool] = [:]
        for r in responses { latestConsent[r.trustKey] = r.shareConsent }
        consented = Set(latestConsent.filter(\.value).keys)
        // Hash each trust once, then sort: hashing inside the comparison costs n log n digests.
        let keys = latestConsent.keys.map { (SHA256.hex(secret + "\u{1F}" + $0), $0) }.sorted { $0 < $1 }.map(\.1)
        let width = max(3, String(keys.count).count)
        var codes: [String: String] = [:]
        for (i, key) in keys.enumerated() {
            let number = String(i + 1)
            codes[key] = "Peer " + String(repeating: "0", count: width - number.count) + number
        }
        peerCodes = codes
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

    public func peerCode(_ r: Response) -> String { peerCodes[r.trustKey] ?? "Peer" }

    /// The trust's name, or its peer code.
    public func name(_ r: Response) -> String { isNamed(r) ? r.trustName : peerCode(r) }
    /// The ODS code where the trust may be named.
    public func code(_ r: Response) -> String? { isNamed(r) ? r.trustCode : nil }
    /// `comments` and `pmo_name` only where the trust may be named: free text often names its author.
    public func freeText(_ text: String?, of r: Response) -> String? { isNamed(r) ? text : nil }
}
