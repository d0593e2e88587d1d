extension Response {
    /// A response with the derived bands computed from `bounds`; unanswered questions default to empty.
    public init(
        line: Int, responseID: String, wave: String = "", submitted: SurveyDate? = nil,
        trustCode: String? = nil, trustName: String, sector: Sector, region: String? = nil,
        foundationTrust: Bool? = nil, staffHeadcount: Int? = nil, model: PMOModel, pmoName: String? = nil,
        centralFTE: Double? = nil, devolvedFTE: Double? = nil,
        projectTypes: Selection<ProjectType> = Selection(), services: Selection<PMOService> = Selection(),
        reportsTo: ReportingLine? = nil, methodology: Selection<Methodology> = Selection(),
        established: Int? = nil, shareConsent: Bool = false, comments: String? = nil,
        bounds: SizeBounds = .standard
    ) {
        self.line = line
        self.responseID = responseID
        self.wave = wave
        self.submitted = submitted
        self.trustCode = trustCode
        self.trustName = trustName
        self.trustKey = Response.trustKey(code: trustCode, name: trustName)
        self.sector = sector
        self.region = region
        self.foundationTrust = foundationTrust
        self.staffHeadcount = staffHeadcount
        self.model = model
        self.pmoName = pmoName
        self.centralFTE = centralFTE
        self.devolvedFTE = devolvedFTE
        self.projectTypes = projectTypes
        self.services = services
        self.reportsTo = reportsTo
        self.methodology = methodology
        self.established = established
        self.shareConsent = shareConsent
        self.comments = comments
        self.trustSize = bounds.trustSize(headcount: staffHeadcount)
        self.pmoSize = bounds.pmoSize(model: model, centralFTE: centralFTE)
    }
}
