/// The columns of the canonical CSV (contract section 2).
public enum SurveyColumn: String, CaseIterable, Sendable {
    case responseID = "response_id"
    case wave
    case submitted
    case trustCode = "trust_code"
    case trustName = "trust_name"
    case sector
    case region
    case foundationTrust = "foundation_trust"
    case staffHeadcount = "staff_headcount"
    case pmoModel = "pmo_model"
    case pmoName = "pmo_name"
    case centralPMOFTE = "central_pmo_fte"
    case devolvedPMFTE = "devolved_pm_fte"
    case projectTypes = "project_types"
    case pmoServices = "pmo_services"
    case reportsTo = "reports_to"
    case methodology
    case established
    case shareConsent = "share_consent"
    case respondentName = "respondent_name"
    case respondentEmail = "respondent_email"
    case respondentRole = "respondent_role"
    case comments

    public static let required: [SurveyColumn] = [.responseID, .trustName, .sector, .pmoModel]

    public var isRequired: Bool { Self.required.contains(self) }

    /// Personal data: never read past the header, never written.
    public var isPersonal: Bool { self == .respondentName || self == .respondentEmail || self == .respondentRole }

    /// Matches a header cell: case and surrounding spaces are ignored, and spaces or hyphens
    /// count as underscores, so `Trust Name` and `trust-name` both mean `trust_name`.
    /// A few names survey tools commonly use are accepted too.
    public init?(header: String) {
        let key = String(header.trimmingSurveySpace().lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 })
        if let column = SurveyColumn(rawValue: key) {
            self = column
        } else if let column = Self.headerAliases[key] {
            self = column
        } else {
            return nil
        }
    }

    /// Header names that mean a contract column, documented in the README.
    public static let headerAliases: [String: SurveyColumn] = [
        "id": .responseID, "response": .responseID,
        "ods_code": .trustCode, "org_code": .trustCode, "organisation_code": .trustCode,
        "trust": .trustName, "organisation": .trustName, "organisation_name": .trustName,
        "headcount": .staffHeadcount, "model": .pmoModel,
        "comment": .comments, "email": .respondentEmail, "name": .respondentName, "role": .respondentRole,
    ]
}

extension String {
    /// Trims spaces, tabs, line breaks and no-break spaces: how every cell is read.
    func trimmingSurveySpace() -> String {
        // Most values start and end with a visible ASCII character: skip the Unicode look-ups.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return self
        }
        guard let start = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let end = lastIndex(where: { !$0.isWhitespace })!
        return String(self[start...end])
    }
}
