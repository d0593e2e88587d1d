/// One trust's validated answer to one survey wave.
///
/// Respondents' names, e-mails and roles are deliberately not here: personal data is never
/// kept past reading, so no output can leak it.
public struct Response: Sendable, Hashable {
    /// The physical line of the file where the record starts (the header is line 1).
    public var line: Int
    public var responseID: String
    /// The wave label; empty when the file has no waves.
    public var wave: String
    public var submitted: SurveyDate?
    /// The trust's ODS code: as given, or as resolved through the register and the trust list
    /// (`trust-identity.md`), which also sets `trustKey` and may set the name shown.
    public internal(set) var trustCode: String?
    public internal(set) var trustName: String
    public var sector: Sector
    public var region: String?
    public var foundationTrust: Bool?
    public var staffHeadcount: Int?
    public var model: PMOModel
    public var pmoName: String?
    public var centralFTE: Double?
    public var devolvedFTE: Double?
    public var projectTypes: Selection<ProjectType>
    public var services: Selection<PMOService>
    public var reportsTo: ReportingLine?
    public var methodology: Selection<Methodology>
    public var established: Int?
    public var shareConsent: Bool
    public var comments: String?

    // Derived fields (contract section 4), set by validation from the report's bounds.
    public var trustSize: TrustSize
    public var pmoSize: PMOSize

    /// Central PMO FTE per 1,000 staff, where both are known.
    public var ftePer1000Staff: Double? {
        guard let centralFTE, let staffHeadcount, staffHeadcount > 0 else { return nil }
        return centralFTE / Double(staffHeadcount) * 1000
    }

    /// The identity used to find one trust's repeated answers: its ODS code, else its name
    /// ignoring case and spaces; when read from a file, as the trust was resolved
    /// (`TrustResolution.key`). Stored, because every grouping and naming looks it up.
    public internal(set) var trustKey: String

    /// The trust's number in its survey (`Survey.trustKeys`), set when the survey is built: naming
    /// and grouping index arrays by it rather than hash a million trust keys again.
    public internal(set) var trustNumber = 0

    static func trustKey(code: String?, name: String) -> String {
        if let code { return "code:" + code.uppercased() }
        return "name:" + String(name.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace })
    }

    /// Takes the earlier answer's copies of the texts that are the same in both, so that a trust's
    /// name, region and PMO name are stored once across waves: tens of megabytes at a million
    /// responses, which count against the workbook's memory peak.
    ///
    /// The earlier answer's texts are passed one by one: copying the whole answer would retain and
    /// release every text it holds, for each of half a million trusts.
    mutating func shareTexts(name: String, region: String?, pmoName: String?) {
        if trustName == name { trustName = name }
        if self.region == region { self.region = region }
        if self.pmoName == pmoName { self.pmoName = pmoName }
    }
}
