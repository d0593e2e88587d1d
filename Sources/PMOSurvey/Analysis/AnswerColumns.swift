/// The answers the breakdowns count, by position in `responses`, read in one pass. A response is
/// hundreds of bytes, of which a table counts one: reading the responses again for every table
/// streamed them all from memory each time (a third of a second at a million responses), where
/// these columns take a few bytes a response.
struct AnswerColumns {
    let sector: [Sector]
    let trustSize: [TrustSize]
    let model: [PMOModel]
    let pmoSize: [PMOSize]
    let reportsTo: [ReportingLine?]
    let projectTypes: [Selection<ProjectType>]
    let services: [Selection<PMOService>]
    /// Whether the response's trust may be named in shared outputs.
    let named: [Bool]
    /// Central PMO FTE where the model has a central PMO (central or hybrid), and per 1,000 staff.
    let staffedFTE: [Double?]
    let staffedFTEPer1000Staff: [Double?]

    init(_ responses: [Response], named byTrust: [Bool]) {
        func column<Value>() -> [Value] {
            var column: [Value] = []
            column.reserveCapacity(responses.count)
            return column
        }
        var sector: [Sector] = column(), trustSize: [TrustSize] = column(), model: [PMOModel] = column()
        var pmoSize: [PMOSize] = column(), reportsTo: [ReportingLine?] = column()
        var projectTypes: [Selection<ProjectType>] = column(), services: [Selection<PMOService>] = column()
        var named: [Bool] = column(), staffedFTE: [Double?] = column(), staffedFTEPer1000Staff: [Double?] = column()
        for i in responses.indices {
            sector.append(responses[i].sector)
            trustSize.append(responses[i].trustSize)
            model.append(responses[i].model)
            pmoSize.append(responses[i].pmoSize)
            reportsTo.append(responses[i].reportsTo)
            projectTypes.append(responses[i].projectTypes)
            services.append(responses[i].services)
            named.append(byTrust[responses[i].trustNumber])
            let isStaffed = responses[i].model.hasCentralPMO
            staffedFTE.append(isStaffed ? responses[i].centralFTE : nil)
            staffedFTEPer1000Staff.append(isStaffed ? responses[i].ftePer1000Staff : nil)
        }
        (self.sector, self.trustSize, self.model, self.pmoSize) = (sector, trustSize, model, pmoSize)
        (self.reportsTo, self.projectTypes, self.services, self.named) = (reportsTo, projectTypes, services, named)
        (self.staffedFTE, self.staffedFTEPer1000Staff) = (staffedFTE, staffedFTEPer1000Staff)
    }
}
