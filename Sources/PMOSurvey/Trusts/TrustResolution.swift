import Foundation

/// How one spelling of a trust (the code as given, the name as typed) was resolved
/// (`trust-identity.md` section 3).
public struct TrustResolution: Sendable {
    public enum Basis: String, Sendable, CaseIterable {
        case code = "by code"
        case alias = "by alias"
        case registerName = "by register name"
        case unresolved
    }

    /// The trust's identity (`Response.trustKey`): `code:` and the ODS code for a trust the
    /// register or the trust list knows; else the code as given, else `name:` and the normalised name.
    public let key: String
    /// `key.hashValue`, computed once per spelling rather than once per row.
    let keyHash: Int
    /// The trust's code in every output that may name it.
    public let code: String?
    /// The name shown (trust list `name:`, else the register's in mixed case); nil when unresolved.
    public let shownName: String?
    public let basis: Basis
    /// The trust in the directory (`TrustDirectory.trusts`), nil when unresolved.
    public let trust: Int?
    /// When the code decided: the other trust the name resolves to, if any (a conflict; the code wins).
    public let nameTrust: Int?
    /// The spelling's place in `TrustResolver.spellings`.
    let spelling: Int

    func numbered(_ spelling: Int) -> TrustResolution {
        TrustResolution(key: key, keyHash: keyHash, code: code, shownName: shownName, basis: basis, trust: trust,
                        nameTrust: nameTrust, spelling: spelling)
    }
}

/// One distinct spelling in the inputs: a code as given and a name, compared normalised.
public struct TrustSpelling: Sendable {
    public var code: String?
    /// The name as first typed.
    public var name: String
    public var normalisedName: String
    public var resolution: TrustResolution
    /// Answers kept with this spelling (superseded ones included; rejected rows not).
    public var count = 0
    /// The survey's number for the trust (`Response.trustNumber`), -1 when no answer was kept.
    public var trustNumber = -1
}

/// Two spellings that may resolve differently: the code as given and a name.
struct SpellingKey: Hashable, Sendable {
    var code: String?
    var name: String
}

/// Resolves spellings to trusts for one reading, on every core: each distinct spelling is
/// normalised and looked up once per batch of rows (`Cache`), and recorded under a lock once per
/// reading. A code that neither the register nor the trust list holds, with a name that matches
/// nothing (a survey of members the register does not know), keeps the key it has today without
/// any table: at national scale that is half a million trusts, which must cost no more to read.
final class TrustResolver: @unchecked Sendable {
    let directory: TrustDirectory
    /// The directory's tables every row with a code consults, held apart: reading them through
    /// the directory would retain its every array on each row, from both cores at once.
    private let codes: [String: Int]
    private let firstWords: Set<UInt64>
    private let names: Set<UInt64>
    private let lock = NSLock()
    /// Touched under `lock`.
    private var byNormalised: [SpellingKey: Int] = [:]
    private var spellingList: [TrustSpelling] = []

    /// A batch's own table of the spellings it has met, and a buffer for normalising names.
    struct Cache {
        var resolutions: [SpellingKey: TrustResolution] = [:]
        var scratch: [UInt8] = []
    }

    init(directory: TrustDirectory) {
        self.directory = directory
        codes = directory.byCode
        firstWords = directory.firstWordFingerprints
        names = directory.nameFingerprints
    }

    /// Every spelling met so far, by `TrustResolution.spelling`; counts are the settler's.
    var spellings: [TrustSpelling] { lock.withLock { spellingList } }

    /// The spelling's trust; nil when its code is in neither the register nor the trust list and
    /// its name matches no trust there: the response keeps its code as its key.
    func resolve(code: String?, name: String, cache: inout Cache) -> TrustResolution? {
        if let code, codes[code] == nil {
            // Most such names are ruled out by their first word, the rest by their whole normalised form.
            if let first = TrustNames.firstWordFingerprint(name), !firstWords.contains(first) { return nil }
            if TrustNames.normalisedASCII(name, into: &cache.scratch), !names.contains(TrustNames.fingerprint(cache.scratch)) {
                return nil
            }
        }
        let raw = SpellingKey(code: code, name: name)
        if let known = cache.resolutions[raw] { return known }
        // Normalised and decided outside the lock, so that both cores can; the decision depends on
        // the spelling alone, so two workers deciding the same spelling agree.
        let normalised = TrustNames.normalised(name)
        let decided = decide(code: code, normalised: normalised, name: name, spelling: -1)
        if decided.basis == .unresolved && code != nil { return nil }
        let key = SpellingKey(code: code, name: normalised)
        let resolution = lock.withLock { () -> TrustResolution in
            if let spelling = byNormalised[key] {
                // The spelling is shown as the least of its typed forms, whatever the order of the rows.
                if name < spellingList[spelling].name { spellingList[spelling].name = name }
                return spellingList[spelling].resolution
            }
            let resolution = decided.numbered(spellingList.count)
            byNormalised[key] = spellingList.count
            spellingList.append(TrustSpelling(code: code, name: name, normalisedName: normalised, resolution: resolution))
            return resolution
        }
        cache.resolutions[raw] = resolution
        return resolution
    }

    /// The contract's order: a code the directory knows; else the name, first among the trust
    /// list's aliases and names, then among the register's names; else unresolved.
    private func decide(code: String?, normalised: String, name: String, spelling: Int) -> TrustResolution {
        let byList = directory.listedTrust(normalisedName: normalised)
        let byName = byList ?? directory.registerTrust(normalisedName: normalised)
        func resolved(_ trust: Int, _ basis: TrustResolution.Basis, conflict: Int? = nil) -> TrustResolution {
            let t = directory.trusts[trust], key = "code:" + t.code
            return TrustResolution(key: key, keyHash: key.hashValue, code: t.code, shownName: t.shownName, basis: basis,
                                   trust: trust, nameTrust: conflict, spelling: spelling)
        }
        if let code, let trust = directory.trust(code: code) {
            return resolved(trust, .code, conflict: byName.flatMap { $0 == trust ? nil : $0 })
        }
        if let byName { return resolved(byName, byList != nil ? .alias : .registerName) }
        let key = code.map { "code:" + $0 } ?? (normalised.isEmpty ? Response.trustKey(code: nil, name: name) : "name:" + normalised)
        return TrustResolution(key: key, keyHash: key.hashValue, code: code, shownName: nil, basis: .unresolved,
                               trust: nil, nameTrust: nil, spelling: spelling)
    }
}

extension Response {
    /// Takes the trust `resolution` decided: its key, its code and, when the directory knows it, its name.
    mutating func take(_ resolution: TrustResolution) {
        trustKey = resolution.key
        trustCode = resolution.code
        if let name = resolution.shownName { trustName = name }
    }
}
