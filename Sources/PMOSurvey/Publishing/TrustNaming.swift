import Hashing

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
    /// By trust number (`Response.trustNumber`).
    private let peerNumbers: [Int]
    private let consented: [Bool]
    /// The name of each trust's current answer, by trust number.
    private let shownNames: [String]
    private let peerCodeWidth: Int

    /// Peer codes are numbered in the order of a keyed hash of each trust's identity, so the
    /// numbering says nothing about names, codes or lines, and the same secret gives the same codes.
    /// A trust's current answer (`Survey.currentAnswers`) decides its consent and the name and
    /// code it is shown under; where a row is in the file never does.
    public init(survey: Survey, secret: String, audience: Audience, sha256: any SHA256Hasher.Type = SHA256.self) {
        self.audience = audience
        let trusts = survey.trustKeys
        let responses = survey.responses, current = survey.currentAnswers
        consented = current.map { responses[$0].shareConsent }
        shownNames = current.map { responses[$0].trustName }
        // Sort on the digest's first 64 bits (the order of its hex text), then on the key.
        // Each digest beside its trust, so that comparing two reads one pair, not two arrays.
        let order = zip(sha256.leadingWords(trusts, after: secret + "\u{1F}"), trusts.indices).sorted { a, b in
            a.0 != b.0 ? a.0 < b.0 : trusts[a.1] < trusts[b.1]
        }
        var peerNumbers = [Int](repeating: 0, count: trusts.count)
        for (rank, (_, trust)) in order.enumerated() { peerNumbers[trust] = rank + 1 }
        self.peerNumbers = peerNumbers
        peerCodeWidth = max(3, String(trusts.count).count)
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
        case .shared: consented[r.trustNumber]
        case .pack(let own): r.trustKey == own || consented[r.trustNumber]
        }
    }

    /// Whether this output may name the trust with this number (`Response.trustNumber`).
    public func isNamed(trust number: Int) -> Bool {
        switch audience {
        case .internalUse: true
        case .shared, .pack: consented[number]
        }
    }

    /// The trust's place in the peer-code order (1-based). `r` is a response of the naming's survey.
    public func peerNumber(_ r: Response) -> Int { peerNumbers[r.trustNumber] }

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
            ? Shown(name: shownNames[r.trustNumber], code: r.trustCode, pmoName: r.pmoName, comments: r.comments)
            : Shown(name: peerCode(r), code: nil, pmoName: nil, comments: nil)
    }

    /// The trust's name, or its peer code.
    public func name(_ r: Response) -> String { isNamed(r) ? shownNames[r.trustNumber] : peerCode(r) }
    /// The ODS code where the trust may be named. A trust's code is the same in all its answers:
    /// answers with another code are another trust's (`Response.trustKey`).
    public func code(_ r: Response) -> String? { isNamed(r) ? r.trustCode : nil }
}
